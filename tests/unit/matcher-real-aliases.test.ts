/**
 * The matcher's checks again on the real alias data: the names it must mark,
 * in every language, and the look-alikes it must not.
 */
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import type { Alias } from '../../data/schema';
import { foldText } from '../../utils/matcher/fold';
import { foldedWordEdge } from '../../utils/matcher/folded-words';
import { buildMatcher } from '../../utils/matcher/matcher';
import { marks } from './support/sample-aliases';

describe('matcher on the real alias data', () => {
  const real = buildMatcher(matcherEntities);

  it('reads every veto word letter by letter as folded whole, also written decomposed (folded-words.ts)', () => {
    const words = matcherEntities.flatMap((entity) =>
      entity.aliases.flatMap((entry: Alias) => [...(entry.notAfterWords ?? []), ...(entry.notBeforeWords ?? [])]),
    );
    expect(words.length).toBeGreaterThan(500);
    const unread = words.filter((word) => {
      const folded = foldText(word, true);
      return [word, word.normalize('NFD')].some(
        (text) => foldedWordEdge(text, 0, folded, 1) !== text.length || foldedWordEdge(text, text.length, folded, -1) !== 0,
      );
    });
    expect(unread).toEqual([]);
  });

  it.each([
    ['Kim Jong Un', 'kim-jong-un'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['D.P.R.K.', 'north-korea'],
    ['U.N. Security Council', 'un-security-council'],
    ['UN Security Council', 'un-security-council'],
    ['UNSC', 'un-security-council'],
    ['Democratic People\u2019s Republic of Korea', 'north-korea'],
    ["Democratic People's Republic of Korea", 'north-korea'],
    ['North Korea', 'north-korea'],
    ['North Korean', 'north-korea'],
    ['Heusgen', 'christoph-heusgen'],
    ['Biegun', 'stephen-biegun'],
    ['Donald Trump', 'donald-trump'],
    ['Human Rights Council', 'human-rights-council'],
    ['United Kingdom', 'united-kingdom'],
    ['북한', 'north-korea'],
    ['김정은', 'kim-jong-un'],
    ['北朝鮮', 'north-korea'],
    ['朝鲜', 'north-korea'],
    ['安理会', 'un-security-council'],
    ['Conseil de sécurité', 'un-security-council'],
    ['Corée du Nord', 'north-korea'],
    ['Sicherheitsrat', 'un-security-council'],
    ['Nordkorea', 'north-korea'],
    ['Nordkoreas', 'north-korea'],
    ['Consejo de Seguridad', 'un-security-council'],
    ['Corea del Norte', 'north-korea'],
    ['Совет Безопасности', 'un-security-council'],
    ['Совета Безопасности', 'un-security-council'],
    ['КНДР', 'north-korea'],
  ])('marks %s as %s', (text, entityId) => {
    expect(marks(real, `« ${text} »`)).toEqual([[text, entityId]]);
  });

  it.each([
    ['the D.P.R.K. said', 'D.P.R.K.', 'north-korea'],
    ['북한은 말했다', '북한', 'north-korea'],
    ['북한의 인권', '북한', 'north-korea'],
    ['the Security Council met', 'Security Council', 'un-security-council'],
    ['the US economy', 'US', 'united-states'],
    ['Trump said', 'Trump', 'donald-trump'],
    ['China said', 'China', 'china'],
    ['Japan said', 'Japan', 'japan'],
    ["North Korea's army", 'North Korea', 'north-korea'],
    ['Kim Jong\u2011un', 'Kim Jong\u2011un', 'kim-jong-un'],
    ['Kim Jong\u2013un', 'Kim Jong\u2013un', 'kim-jong-un'],
    ['North\u00a0Korea', 'North\u00a0Korea', 'north-korea'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(real, text)).toEqual([[mention, entityId]]);
  });

  it.each([
    'the National Security Council',
    'the Human Rights Council',
    'South Korea',
    'the Korean peninsula',
    'Kim',
    '朝鲜半岛',
    '남북한',
    '북한산',
    'Nationaler Sicherheitsrat',
    'THE US ECONOMY',
    'a trump card',
    'a china cabinet',
  ])('does not mark the UN Security Council or North Korea in "%s"', (text) => {
    const ids = marks(real, text).map(([, id]) => id);
    expect(ids).not.toContain('un-security-council');
    expect(ids).not.toContain('north-korea');
    expect(ids).not.toContain('united-states');
    expect(ids).not.toContain('donald-trump');
    expect(ids).not.toContain('china');
    expect(ids).not.toContain('kim-jong-un');
  });

  it('marks the Russian Security Council as Russia, not as the UN body', () => {
    expect(marks(real, 'Совет Безопасности России')).toEqual([['России', 'russia']]);
  });

  it('marks "UN Security Council" as one mention, not as "Security Council"', () => {
    expect(marks(real, 'the UN Security Council met')).toEqual([['UN Security Council', 'un-security-council']]);
  });

  it('marks the Human Rights Council and nothing of the Security Council in it', () => {
    expect(marks(real, 'the Human Rights Council met')).toEqual([['Human Rights Council', 'human-rights-council']]);
  });

  it('marks no ambiguous alias, but counts its words in capitals as names next to an acronym', () => {
    const ambiguous = matcherEntities.flatMap((entity) => entity.aliases.filter((entry: Alias) => entry.ambiguous === true).map((entry: Alias) => entry.text));
    expect(ambiguous).toContain('COI');
    // Never marked whole (a longer one may hold another alias: that one is marked).
    for (const text of ambiguous) expect(marks(real, text).map(([found]) => found)).not.toContain(text);
    expect(marks(real, 'the COI US report')).toEqual([['US', 'united-states']]);
  });
});
