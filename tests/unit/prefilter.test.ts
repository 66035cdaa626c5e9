/**
 * The prefilter lets the matcher skip most of a text natively. It may let
 * through places where no alias starts (the tree rejects them) but must never
 * hide one where an alias does: the shipped matcher must find exactly what a
 * matcher that walks its tree at every position finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import compiledMatcherJson from 'virtual:compiled-matcher';
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import type { PackedNode } from '../../utils/matcher/compile';
import { keyOfCode } from '../../utils/matcher/fold';
import { createMatcher, type Matcher } from '../../utils/matcher/matcher';
import { CONTINUES_WORD, foldLetters, JOINER, keyPattern, PREFILTER_FLAGS, prefilterFor } from '../../utils/matcher/prefilter';
import { continuesWord } from '../../utils/matcher/rules';
import { parseShippedMatcher } from '../../utils/matcher/shipped';
import { matchPlacesWithin } from './support/regex-in-worker';

const compiled = parseShippedMatcher(compiledMatcherJson);
const shipped = createMatcher(compiled);
/** The same tree, walked wherever a match could begin: the reference the prefilter must not lose anything against. */
const everywhere = createMatcher({ ...compiled, prefilter: ['[^]', '[^]', 0] });

const golden = resolve(import.meta.dirname, '../golden');
const article = readFileSync(resolve(import.meta.dirname, '../../data/article.md'), 'utf8');
const goldenTexts = readdirSync(golden)
  .filter((name) => name.endsWith('.html'))
  .map((name) => readFileSync(resolve(golden, name), 'utf8'));

const withoutAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const softHyphenAfter = (text: string, at: number) => `${text.slice(0, at)}\u00ad${text.slice(at)}`;

/** Every alias as pages write it: cased, spaced, hyphenated, accented and hyphenated at line ends in every way the matcher folds. */
function aliasVariants(text: string): string[] {
  return [
    text,
    text.toUpperCase(),
    text.toLowerCase(),
    withoutAccents(text),
    text.normalize('NFD'),
    text.replace(/ /g, '\u00a0'),
    text.replace(/ /g, ' \n  '),
    text.replace(/-/g, '\u2011'),
    text.replace(/-/g, '\u2013'),
    text.replace(/'/g, '\u2019'),
    text.replace(/ /g, '\u00ad \u00ad'),
    text.replace(/ /g, '   \u00ad'),
    ...Array.from({ length: Math.min(text.length, 8) }, (_, at) => softHyphenAfter(text, at)),
    ...Array.from({ length: Math.min(text.length, 8) }, (_, at) => softHyphenAfter(text.replace(/ /g, '   '), at)),
  ];
}

/** One short text per way of writing each alias: most hold no folded character, so both forms of the prefilter are tried. */
function aliasTexts(): string[] {
  const surroundings = (variant: string) => `${variant} . the ${variant}'s view (${variant}), ${variant}은 «${variant}»`;
  const aliases: string[] = matcherEntities.flatMap((entity) =>
    entity.aliases.filter((alias: { ambiguous?: boolean }) => !alias.ambiguous).map((alias: { text: string }) => alias.text),
  );
  return aliases.flatMap((text) => aliasVariants(text).map(surroundings));
}

/** News as pages write it, accents and all, with a few mentions: most words hold a letter the matcher folds. */
const GERMAN_NEWS = `Die Regierung in Berlin hat am Dienstag über neue Hilfen für Familien beraten. Nach Angaben des
Ministeriums sollen die Zuschüsse für Kinderbetreuung steigen, während die Kosten für Energie und Mieten weiter
hoch bleiben. Kritiker bemängeln, dass die Pläne zu spät kämen und für viele Haushalte nicht ausreichten. Im
Bundestag wurde außerdem über die Lage in Nordkorea gesprochen; der UN-Sicherheitsrat hatte sich in der Woche
zuvor mit den Raketentests befasst. Abgeordnete forderten, die Zusammenarbeit mit Südkorea und Japan zu stärken.
Die Wirtschaftsprüfer des Landes erwarten für das nächste Jahr ein schwächeres Wachstum, weil die Nachfrage aus
dem Ausland zurückgeht. Gleichzeitig wächst die Zahl der Beschäftigten in den Städten, während ländliche Gemeinden
über fehlende Ärzte und geschlossene Schulen klagen. Die Bürgermeisterin einer kleinen Gemeinde sagte, man müsse
die Förderung für Busse und Züge ausbauen, damit junge Menschen nicht wegzögen. Am Abend beschäftigte sich der
Ausschuss für Verkehr mit der Frage, wie Brücken schneller repariert werden können, ohne dass Straßen monatelang
gesperrt bleiben.`;

const RUSSIAN_NEWS = `В понедельник правительство обсудило новый бюджет на следующий год. По словам министра, расходы на
образование и здравоохранение увеличатся, а налоги для малого бизнеса останутся прежними. Ещё одной темой стала
погода: в нескольких районах выпал снег, и дороги пришлось закрыть на ночь. Вечером в Совете Безопасности ООН
обсуждали положение в КНДР; представитель России заявил, что новые санкции не помогут. Жители северных
посёлков жалуются на перебои с электричеством и отсутствие врачей. Местные власти обещают отремонтировать
больницу и открыть новую школу уже этой осенью, если позволит финансирование. Учёные предупреждают, что зима
будет холодной, и советуют заранее подготовить дома к морозам. Железнодорожная компания объявила о новых поездах
между крупными городами, которые будут ходить чаще и быстрее.`;

/** Every key a character of some alias is read as. */
function treeKeys(node: PackedNode, keys = new Set<number>()): Set<number> {
  for (let at = 1; at < node.length; at += 2) {
    for (const char of node[at] as string) keys.add(char.charCodeAt(0));
    treeKeys(node[at + 1] as PackedNode, keys);
  }
  return keys;
}

describe('the prefilter', () => {
  it('hides no mention the tree would find, on the article, the golden pages and every alias written every way', () => {
    const texts = aliasTexts();
    for (const text of [article, ...goldenTexts, ...texts]) {
      const described = (matcher: Matcher) =>
        matcher.findIn(text).map((match) => `${match.entityId} ${JSON.stringify(text.slice(match.start, match.end))} at ${match.start}`);
      const found = described(shipped);
      const reference = described(everywhere);
      expect(reference.filter((mention) => !found.includes(mention))).toEqual([]);
      expect(found).toEqual(reference);
    }
    const found = texts.reduce((sum, text) => sum + shipped.findIn(text).length, 0);
    expect(found).toBeGreaterThan(30_000);
  });

  it('reads a long run of spaces in a text with a soft hyphen in one pass, and finds what the tree finds after it', async () => {
    // Each space was read two ways, so the engine tried every split of a run: 150 spaces took seconds,
    // 5,000 would not finish. Laid-out HTML has such runs, and German pages soft hyphens.
    for (const gap of [' ', '\n', '\u00a0']) {
      const text = `Ge\u00adspräche mit Nordkorea.${gap.repeat(5_000)}Der UN-Sicherheitsrat tagt.${gap.repeat(5_000)}x`;
      // In a worker first: a pattern that backtracks without end fails the test there instead of hanging it.
      const [pattern, searched] = prefilterFor(compiled.prefilter)(text);
      await expect(matchPlacesWithin(pattern, searched, 10_000)).resolves.not.toEqual([]);
      const mentions = shipped.findIn(text).map((match) => text.slice(match.start, match.end));
      expect(mentions).toEqual(everywhere.findIn(text).map((match) => text.slice(match.start, match.end)));
      expect(mentions).toEqual(['Nordkorea', 'UN-Sicherheitsrat']);
    }
  }, 40_000);

  it('lets through every character the matcher reads as a key of some alias', () => {
    const flags = PREFILTER_FLAGS.replace('g', '');
    const keyPatterns = new Map([...treeKeys(compiled.tree)].map((key) => [key, new RegExp(`^(?:${keyPattern(key)})$`, flags)]));
    const missed: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const pattern = keyPatterns.get(keyOfCode(code));
      const char = String.fromCharCode(code);
      // The prefilter sees each character as foldLetters leaves it, or sends its text down the path for joiners.
      if (pattern && !pattern.test(foldLetters(char)) && !JOINER.test(char)) missed.push(`U+${code.toString(16)}`);
    }
    expect(missed).toEqual([]);
  });

  it('takes no word to start after a character that does not continue a word, for every character of the BMP', () => {
    const continues = new RegExp(`^${CONTINUES_WORD}$`, PREFILTER_FLAGS.replace('g', ''));
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (continues.test(char) && !continuesWord(char)) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(continues.test('é') && continues.test('Ж') && continues.test('한') && continues.test('Z')).toBe(true);
  });

  it('reads accented letters one for one, and takes no plain ASCII letter for one to fold or join (every word would reach the tree)', () => {
    const ascii = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(foldLetters(ascii)).toBe(ascii);
    expect([...ascii].filter((char) => JOINER.test(char))).toEqual([]);
    expect(foldLetters('Corée, Südkorea, КНДР Й ё')).toBe('Coree, Sudkorea, КНДР и е');
  });

  it.each([
    ['the article', article],
    ['German news, umlauts and ß', GERMAN_NEWS],
    ['Russian news, й and ё', RUSSIAN_NEWS],
  ])('stops at few words that are no mention in %s: fewer than one word in seven (a first letter alone stopped at most)', (_name, text) => {
    const [prefilter, searched] = prefilterFor(compiled.prefilter)(text);
    let stops = 0;
    while (prefilter.test(searched)) {
      stops++;
      prefilter.lastIndex++;
    }
    const words = text.match(/\p{L}+/gu)?.length ?? 0;
    const mentions = shipped.findIn(text).length;
    expect(words).toBeGreaterThan(100);
    expect(stops).toBeGreaterThanOrEqual(mentions);
    expect((stops - mentions) / words).toBeLessThan(1 / 7);
  });
});
