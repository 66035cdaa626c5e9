/**
 * Search over the real facts pack, the same whether facts come from IndexedDB
 * or from memory: what a query finds, how years, months, acronyms and the
 * word being typed are read, and which typos it forgives.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { search } from '../../entrypoints/background/search';
import { type SearchHit, SearchHitSchema } from '../../utils/protocol';
import { freshIndexedDb, kinds, pack } from './support/lookup-stores';

beforeEach(freshIndexedDb);

/** The words a hit was found by: a fact's claim and quotes, or an entity's names and description. */
function textOf(hit: SearchHit): string {
  if (hit.fact) return [hit.fact.claim, ...hit.fact.quotes].join(' ');
  const entity = pack.entities.find((entry) => entry.id === hit.entity.id);
  const aliases = entity ? entity.aliases.map((alias) => alias.text) : [];
  return [hit.entity.name, ...aliases, hit.description ?? ''].join(' ');
}

describe.each(kinds)('lookups from %s', (_name, makeStore) => {
  it('finds Christoph Heusgen by his surname', async () => {
    const hits = await search(await makeStore(), 'Heusgen');
    expect(hits[0]?.entity.id).toBe('christoph-heusgen');
    for (const hit of hits) expect(v.safeParse(SearchHitSchema, hit).success).toBe(true);
  });

  it('gives an entity hit its description, and a fact hit its fact', async () => {
    const hits = await search(await makeStore(), 'Heusgen');
    const entityHit = hits.find((hit) => hit.entity.id === 'christoph-heusgen' && !hit.fact);
    expect(entityHit?.description).toBe(pack.entities.find((entity) => entity.id === 'christoph-heusgen')?.description);
    expect(hits.some((hit) => hit.fact && hit.description === undefined)).toBe(true);
  });

  it('finds the prison camps', async () => {
    const hits = await search(await makeStore(), 'prison camps');
    expect(hits.map((hit) => hit.entity.id)).toContain('prison-camps');
    expect(hits.some((hit) => hit.fact?.quotes.some((quote) => /prisons? camps/i.test(quote)))).toBe(true);
  });

  it('returns nothing for an empty or blank query', async () => {
    const store = await makeStore();
    expect(await search(store, '')).toEqual([]);
    expect(await search(store, '   ')).toEqual([]);
  });

  it('finds a year, and no year one typo away from it', async () => {
    const hits = await search(await makeStore(), '2019');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(textOf(hit)).toMatch(/\b2019\b/);
  });

  it('ranks the hits that mention the year first when a month and year are searched', async () => {
    const mentions = (await search(await makeStore(), 'December 2019')).map((hit) => /\b2019\b/.test(textOf(hit)));
    expect(mentions[0]).toBe(true);
    expect(mentions).toEqual([...mentions].sort().reverse());
  });

  it('reads an acronym with stops, full-width letters and a possessive as plainly written', async () => {
    const store = await makeStore();
    const found = async (query: string) => (await search(store, query)).map((hit) => hit.fact?.id ?? hit.entity.id);
    for (const [written, plain] of [
      ['U.S.', 'US'],
      ['U.S', 'US'],
      ['D.P.R.K.', 'DPRK'],
      ['ＵＮ', 'UN'],
      ['Ｈｅｕｓｇｅｎ', 'Heusgen'],
      ['Warmbier’s', 'Warmbier'],
    ] as const) {
      const plainHits = await found(plain);
      expect(plainHits.length).toBeGreaterThan(0);
      expect({ written, hits: await found(written) }).toEqual({ written, hits: plainHits });
    }
  });

  it('forgives no typo in a short word: "NYT" is not "not", nor "КНДР" "КНР"', async () => {
    const store = await makeStore();
    const times = await search(store, 'NYT');
    expect(times.length).toBeGreaterThan(0);
    expect(times.filter((hit) => hit.entity.id !== 'new-york-times')).toEqual([]);
    expect((await search(store, 'КНДР')).map((hit) => hit.entity.id)).not.toContain('china');
  });

  it('leaves out the words that would match nearly every fact', async () => {
    const store = await makeStore();
    expect(await search(store, 'the')).toEqual([]);
    expect(await search(store, 'a')).toEqual([]);
    expect(await search(store, 'the of a')).toEqual([]);
    // A pronoun typed on the way to a name listed facts about other men.
    expect(await search(store, 'He')).toEqual([]);
    expect(await search(store, 'they')).toEqual([]);
  });

  it('reads a month as readers shorten it, before or after the year', async () => {
    const store = await makeStore();
    const ids = async (query: string) => (await search(store, query)).map((hit) => hit.fact?.id ?? hit.entity.id);
    const written = await ids('December 2020');
    expect(written.length).toBeGreaterThan(0);
    expect(await ids('Dec 2020')).toEqual(written);
    expect(await ids('Dec. 2020')).toEqual(written);
    // Last, it is a word being typed: the same hits, ranked as the start of a word.
    expect((await ids('2020 Dec')).sort()).toEqual((await ids('2020 December')).sort());
    expect(await ids('Sept 2019')).toEqual(await ids('September 2019'));
    // The word being typed is the start of a word: "Dec" may be on its way to "Declaration", and is not the month.
    const typed = await ids('Dec');
    expect(typed.slice(0, 2)).toContain('universal-declaration');
    expect(typed).not.toEqual(await ids('December'));
  });

  it('takes the word being typed as the start of a word (alone from its third character; after other words, or in Korean and Chinese, at once), and the words before it whole', async () => {
    const store = await makeStore();
    expect((await search(store, 'Heus'))[0]?.entity.id).toBe('christoph-heusgen');
    // "un" whole ("U.N." too): no "united" or "universal" alone.
    const un = await search(store, 'un');
    expect(un.length).toBeGreaterThan(0);
    for (const hit of un) expect(textOf(hit)).toMatch(/(?<![\p{L}\p{N}])u\.?n(?![\p{L}\p{N}])/iu);
    // After other words, a word begun is a start at once ("North Ko"), and in Korean and Chinese too (김정, 北朝).
    for (const [query, entityId] of [
      ['North Ko', 'north-korea'],
      ['Security Co', 'un-security-council'],
      ['Kim Jo', 'kim-jong-un'],
      ['김정', 'kim-jong-un'],
      ['北朝', 'north-korea'],
    ] as const) {
      const names = (await search(store, query)).filter((hit) => !hit.fact).map((hit) => hit.entity.id);
      expect({ query, among: names.slice(0, 3).includes(entityId) }).toEqual({ query, among: true });
    }
    // "10" of a day, not the start of "100,000".
    const day = await search(store, '10 December');
    expect(day.length).toBeGreaterThan(0);
    for (const hit of day) expect(textOf(hit)).toMatch(/(?<!\p{N})10(?!\p{N})/u);
  });

  it('still forgives a typo in a word', async () => {
    const hits = await search(await makeStore(), 'Heusgan');
    expect(hits[0]?.entity.id).toBe('christoph-heusgen');
  });

  it('returns every hit, however many (the Council alone has twenty facts), each once', async () => {
    const hits = await search(await makeStore(), 'Security Council');
    expect(hits.length).toBeGreaterThan(20);
    const ids = hits.map((hit) => hit.fact?.id ?? hit.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
