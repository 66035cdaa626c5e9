/**
 * The bundled facts pack: sound by data/validate.ts, complete by the checklist
 * below, and a validator that does catch each kind of problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rawEntities from '../../data/entities.json';
import rawFacts from '../../data/facts.json';
import { ALIAS_LANGS, type Entity, FACT_TOPICS, type Fact } from '../../data/schema';
import { type FactsPack, findPackProblems, parseFactsPack } from '../../data/validate';

const article = readFileSync(resolve(import.meta.dirname, '../../data/article.md'), 'utf8');
const pack = parseFactsPack(rawEntities, rawFacts);

const REQUIRED_ENTITY_IDS = [
  'un-security-council',
  'north-korea',
  'united-states',
  'china',
  'russia',
  'france',
  'united-kingdom',
  'belgium',
  'dominican-republic',
  'estonia',
  'germany',
  'japan',
  'kim-jong-un',
  'donald-trump',
  'christoph-heusgen',
  'stephen-biegun',
  'otto-warmbier',
  'robert-r-king',
  'commission-of-inquiry',
  'special-rapporteur-dprk',
  'human-rights-council',
  'general-assembly',
  'human-rights-watch',
  'korea-economic-institute',
  'new-york-times',
  'universal-declaration',
  'human-rights-day',
  'joint-statement-2020',
  'council-sessions-2014-2017',
  'council-session-2020',
  'blocked-session-2019',
  'singapore-summit',
  'hanoi-summit',
  'stockholm-talks',
  'prison-camps',
  'forced-repatriation',
];

/** Entities named in the languages of the pages the extension reads. */
const MAIN_ENTITY_IDS = [
  'un-security-council',
  'north-korea',
  'kim-jong-un',
  'donald-trump',
  'united-states',
  'china',
  'russia',
  'japan',
  'human-rights-watch',
  'special-rapporteur-dprk',
  'commission-of-inquiry',
  'general-assembly',
  'human-rights-council',
];

function entity(id: string): Entity {
  const found = pack.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entity "${id}"`);
  return found;
}

function aliasTexts(id: string): string[] {
  return entity(id).aliases.map((alias) => alias.text);
}

function problemsOf(change: (copy: FactsPack) => void): string[] {
  const copy = structuredClone(pack);
  change(copy);
  return findPackProblems(copy, article);
}

function firstFact(copy: FactsPack): Fact {
  const fact = copy.facts[0];
  if (!fact) throw new Error('the pack has no facts');
  return fact;
}

describe('the facts pack', () => {
  it('fits its schema and has no problem data/validate.ts can find', () => {
    expect(findPackProblems(pack, article)).toEqual([]);
  });

  it('has every required entity', () => {
    const ids = new Set(pack.entities.map((item) => item.id));
    for (const id of REQUIRED_ENTITY_IDS) expect(ids.has(id), id).toBe(true);
  });

  it('covers every topic of FACT_TOPICS', () => {
    const covered = new Set(pack.facts.flatMap((fact) => fact.topics));
    for (const topic of FACT_TOPICS) expect(covered.has(topic), topic).toBe(true);
  });

  it('gives every entity at least one fact', () => {
    const named = new Set(pack.facts.flatMap((fact) => fact.entities));
    for (const item of pack.entities) expect(named.has(item.id), item.id).toBe(true);
  });

  it('quotes only verbatim spans of data/article.md, each within one paragraph', () => {
    for (const fact of pack.facts) {
      for (const quote of fact.quotes) {
        expect(article.includes(quote), `${fact.id}: ${quote}`).toBe(true);
        expect(quote.includes('\n'), `${fact.id}: ${quote}`).toBe(false);
      }
    }
  });

  it('has ~60-80 facts with ids prefixed "fact-", and no entity links to itself', () => {
    expect(pack.facts.length).toBeGreaterThanOrEqual(60);
    expect(pack.facts.length).toBeLessThanOrEqual(80);
    for (const fact of pack.facts) expect(fact.id.startsWith('fact-'), fact.id).toBe(true);
    for (const item of pack.entities) expect(item.related.includes(item.id), item.id).toBe(false);
  });

  it('names the main entities in the languages of the pages it reads', () => {
    for (const id of MAIN_ENTITY_IDS) {
      const langs = new Set(entity(id).aliases.map((alias) => alias.lang));
      for (const lang of ['en', 'ko', 'ru'] as const) expect(langs.has(lang), `${id} in ${lang}`).toBe(true);
      // Chinese and Japanese share many names (金正恩, 日本): one alias serves both.
      expect(langs.has('ja') || langs.has('zh'), `${id} in ja or zh`).toBe(true);
    }
    const used = new Set(pack.entities.flatMap((item) => item.aliases.map((alias) => alias.lang)));
    for (const lang of ALIAS_LANGS) expect(used.has(lang), lang).toBe(true);
  });

  it('keeps look-alikes out of the aliases', () => {
    const all = pack.entities.flatMap((item) => item.aliases.map((alias) => alias.text.toLowerCase()));
    for (const lookAlike of ['korea', 'korean', 'kim', 'south korea', 'korean peninsula', 'kim jong-il', 'chinese', 'american', 'russian']) {
      expect(all, lookAlike).not.toContain(lookAlike);
    }
    for (const text of all) expect(text, text).not.toMatch(/['’]s$/);
    expect(aliasTexts('north-korea')).toEqual(expect.arrayContaining(['North Korea', 'North Korean', 'DPRK', '북한', '北朝鮮', '朝鲜']));
    expect(aliasTexts('kim-jong-un')).toEqual(expect.arrayContaining(['Kim Jong-un', 'Kim Jong Un', '김정은', '金正恩', 'Ким Чен Ын']));
  });

  it('marks short names and ordinary words case-sensitive, and too-common ones ambiguous', () => {
    const alias = (id: string, text: string) => entity(id).aliases.find((candidate) => candidate.text === text);
    for (const [id, text] of [
      ['united-states', 'US'],
      ['united-states', 'USA'],
      ['united-kingdom', 'UK'],
      ['china', 'China'],
      ['japan', 'Japan'],
      ['donald-trump', 'Trump'],
    ] as const) {
      expect(alias(id, text)?.caseSensitive, `${id} "${text}"`).toBe(true);
    }
    expect(alias('united-states', 'US')?.acronym).toBe(true);
    expect(alias('united-states', 'Washington')?.ambiguous).toBe(true);
    expect(alias('robert-r-king', 'King')?.ambiguous).toBe(true);
    // Any commission's, a state legislature's, the playing cards: only the longer names mark.
    expect(alias('commission-of-inquiry', 'Commission of Inquiry')?.ambiguous).toBe(true);
    expect(alias('general-assembly', 'General Assembly')?.ambiguous).toBe(true);
    expect(alias('donald-trump', 'トランプ')?.ambiguous).toBe(true);
    expect(alias('un-security-council', 'Security Council')?.notAfterWords).toContain('National');
    expect(alias('north-korea', '朝鲜')?.notBeforeWords).toContain('半岛');
  });
});

describe('data/validate.ts catches', () => {
  it('a quote that is not in the article', () => {
    const problems = problemsOf((copy) => {
      firstFact(copy).quotes.push('The Security Council met in Geneva.');
    });
    expect(problems.some((problem) => problem.includes('quotes text not in data/article.md'))).toBe(true);
  });

  it('a dangling entity link, from a fact or from an entity', () => {
    const fromFact = problemsOf((copy) => {
      firstFact(copy).entities.push('no-such-entity');
    });
    expect(fromFact.some((problem) => problem.includes('names unknown entity "no-such-entity"'))).toBe(true);
    const fromEntity = problemsOf((copy) => {
      copy.entities[0]?.related.push('no-such-entity');
    });
    expect(fromEntity.some((problem) => problem.includes('links to unknown entity "no-such-entity"'))).toBe(true);
  });

  it('a duplicate id, also between an entity and a fact', () => {
    const problems = problemsOf((copy) => {
      copy.facts.push({ ...firstFact(copy), id: 'north-korea' });
    });
    expect(problems).toContain('duplicate id "north-korea"');
  });

  it('an alias that two entities share', () => {
    const problems = problemsOf((copy) => {
      copy.entities.find((item) => item.id === 'united-states')?.aliases.push({ text: 'North Korea', lang: 'en' });
    });
    expect(problems.some((problem) => problem.includes('alias "North Korea" of "united-states" clashes'))).toBe(true);
  });

  it('an entity that lists itself among its related entities', () => {
    const problems = problemsOf((copy) => {
      copy.entities.find((item) => item.id === 'china')?.related.push('china');
    });
    expect(problems).toEqual(['entity "china" links to itself']);
  });

  it.each([
    ['white space', 'Peninsula  Lens Testname', 'Peninsula Lens Testname'],
    ['a line break or tab for a space', 'Peninsula\tLens\nTestname', 'Peninsula Lens Testname'],
    ['the kind of apostrophe', 'Peninsula Lens’s Testname', "Peninsula Lens's Testname"],
    ['a left quotation mark for an apostrophe', 'Peninsula Lens‘s Testname', "Peninsula Lens's Testname"],
  ])('two aliases of one entity that differ only in %s, as a clash', (_name, first, second) => {
    const problems = problemsOf((copy) => {
      copy.entities.find((item) => item.id === 'china')?.aliases.push({ text: first, lang: 'en' }, { text: second, lang: 'en' });
    });
    expect(problems).toEqual([`alias "${second}" of "china" clashes with "${first}" of "china"`]);
  });

  it('two case-sensitive aliases that differ only in case as no clash, but the same case-sensitive alias twice as one', () => {
    const inTwoCases = problemsOf((copy) => {
      copy.entities
        .find((item) => item.id === 'china')
        ?.aliases.push({ text: 'Lensland', lang: 'en', caseSensitive: true }, { text: 'LENSLAND', lang: 'en', caseSensitive: true });
    });
    expect(inTwoCases).toEqual([]);
    // Where either ignores case, each could match where the other does.
    const oneIgnoresCase = problemsOf((copy) => {
      copy.entities.find((item) => item.id === 'china')?.aliases.push({ text: 'Lensland', lang: 'en', caseSensitive: true }, { text: 'LENSLAND', lang: 'en' });
    });
    expect(oneIgnoresCase).toEqual(['alias "LENSLAND" of "china" clashes with "Lensland" of "china"']);
    const twice = problemsOf((copy) => {
      copy.entities
        .find((item) => item.id === 'china')
        ?.aliases.push({ text: 'Lensland', lang: 'en', caseSensitive: true }, { text: 'Lensland', lang: 'en', caseSensitive: true });
    });
    expect(twice).toEqual(['alias "Lensland" of "china" clashes with "Lensland" of "china"']);
  });

  it('a fact that repeats another on the same quotes and topics, but not two facts of one sentence on different topics', () => {
    const twin = problemsOf((copy) => {
      copy.facts.push({ ...firstFact(copy), id: 'fact-twin', claim: 'Said again in other words.' });
    });
    expect(twin).toContain(`fact "fact-twin" repeats fact "${pack.facts[0]?.id}": the same quotes for the same topics`);
    const otherTopic = problemsOf((copy) => {
      const fact = firstFact(copy);
      copy.facts.push({ ...fact, id: 'fact-other-topic', topics: ['letters'] });
    });
    expect(otherTopic.filter((problem) => problem.includes('repeats'))).toEqual([]);
  });

  it('a number in a claim that none of its quotes states', () => {
    const problems = problemsOf((copy) => {
      const fact = firstFact(copy);
      fact.claim = `In 1999, ${fact.claim}`;
    });
    expect(problems).toContain(`fact "${pack.facts[0]?.id}" states 1999, which none of its quotes does`);
    // A number inside a longer one is not stated: "20" of "2020".
    const partOfYear = problemsOf((copy) => {
      const fact = firstFact(copy);
      fact.quotes = ['Since the Security Council session in December 2020 was not accessible to the press or public'];
      fact.claim = 'It was 20 days late.';
    });
    expect(partOfYear).toContain(`fact "${pack.facts[0]?.id}" states 20, which none of its quotes does`);
  });

  it('a date that does not parse, and a range that ends before it starts', () => {
    const badDay = problemsOf((copy) => {
      firstFact(copy).date = '2019-02-30';
    });
    expect(badDay).toContain(`fact "${pack.facts[0]?.id}" has a date that does not parse: "2019-02-30"`);
    const backwards = problemsOf((copy) => {
      const fact = firstFact(copy);
      fact.date = '2020';
      fact.dateEnd = '2019';
    });
    expect(backwards).toContain(`fact "${pack.facts[0]?.id}" ends before it starts`);
  });

  it('data that does not fit the schema', () => {
    expect(() => parseFactsPack([{ ...entity('north-korea'), id: 'North Korea' }], rawFacts)).toThrow(/does not fit its schema/);
  });
});
