/**
 * Search for names over the real facts pack, the same whether facts come from
 * IndexedDB or from memory: the name typed first with every fact about it, in
 * any script, with a swap of letters, with other names or words, or begun.
 */
import { facts } from 'virtual:facts-pack';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FactStore } from '../../entrypoints/background/fact-store';
import { entityCard } from '../../entrypoints/background/lookups';
import { search } from '../../entrypoints/background/search';
import { freshIndexedDb, kinds } from './support/lookup-stores';

beforeEach(freshIndexedDb);

describe.each(kinds)('lookups from %s', (_name, makeStore) => {
  it('puts first the entity called what was typed, by its name or an alias, in any case or script', async () => {
    const store = await makeStore();
    for (const [query, entityId] of [
      ['North Korea', 'north-korea'],
      ['north  korea', 'north-korea'],
      ['북한', 'north-korea'],
      ['DPRK', 'north-korea'],
      ['Trump', 'donald-trump'],
      // A name with its words run together, as typed in haste or as the bundled article's text has it.
      ['Kimjongun', 'kim-jong-un'],
      ['Kimjong-un', 'kim-jong-un'],
      ['northkorea', 'north-korea'],
      ['Human RightsWatch', 'human-rights-watch'],
    ] as const) {
      const [first] = await search(store, query);
      expect({ query, entity: first?.entity.id, fact: first?.fact }).toEqual({ query, entity: entityId, fact: undefined });
    }
  });

  it('lists under the name typed every fact about it, in the card’s order, before any other hit', async () => {
    const store = await makeStore();
    // China's facts say "Chinese"; Korean and Russian names match no fact's English words; a possessive is the name.
    for (const [query, entityId] of [
      ['China', 'china'],
      ['김정은', 'kim-jong-un'],
      ['Трамп', 'donald-trump'],
      ['Trump’s', 'donald-trump'],
      ["North Korea's", 'north-korea'],
      // A Korean name with the particle after it.
      ['김정은의', 'kim-jong-un'],
      ['북한은', 'north-korea'],
      // Chinese and Japanese write what follows a name with no space between.
      ['北朝鮮の', 'north-korea'],
      ['北朝鮮の人権', 'north-korea'],
      ['金正恩的', 'kim-jong-un'],
      ['金正恩氏', 'kim-jong-un'],
      ['安保理の', 'un-security-council'],
      ['朝鲜的', 'north-korea'],
    ] as const) {
      const card = await entityCard(store, entityId);
      if (!card) throw new Error(`no card of ${entityId}`);
      const hits = await search(store, query);
      const leading = hits.slice(0, 1 + card.facts.length).map((hit) => `${hit.entity.id}: ${hit.fact?.id ?? 'name'}`);
      expect({ query, leading }).toEqual({ query, leading: [`${entityId}: name`, ...card.facts.map((fact) => `${entityId}: ${fact.id}`)] });
      const ids = hits.map((hit) => hit.fact?.id ?? hit.entity.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  /** Whether the hits for `query` begin with the entity's name and then every fact of its card, in order. */
  async function ledBy(store: FactStore, query: string, entityId: string): Promise<boolean> {
    const card = await entityCard(store, entityId);
    if (!card) throw new Error(`no card of ${entityId}`);
    const hits = await search(store, query);
    const leading = hits.slice(0, 1 + card.facts.length).map((hit) => `${hit.entity.id}: ${hit.fact?.id ?? 'name'}`);
    return leading.join() === [`${entityId}: name`, ...card.facts.map((fact) => `${entityId}: ${fact.id}`)].join();
  }

  it('puts first, with every fact about it, a name typed with two letters swapped, as hands often type one', async () => {
    const store = await makeStore();
    for (const [query, entityId] of [
      ['Heusegn', 'christoph-heusgen'],
      ['Beigun', 'stephen-biegun'],
      ['Stephen Beigun', 'stephen-biegun'],
      ['Warmbeir', 'otto-warmbier'],
      ['Trupm’s', 'donald-trump'],
      ['Cihna', 'china'],
      ['Kmi Jong-un', 'kim-jong-un'],
    ] as const) {
      expect({ query, led: await ledBy(store, query, entityId) }).toEqual({ query, led: true });
    }
  });

  it('takes no other typo for a name, and no swap in a name of four letters or fewer or in an acronym', async () => {
    const store = await makeStore();
    for (const [query, entityId] of [
      ['Kim Jong-il', 'kim-jong-un'],
      ['Biegunn', 'stephen-biegun'],
      ['Huesgne', 'christoph-heusgen'],
      ['DRPK', 'north-korea'],
      ['SU', 'united-states'],
      // An acronym swapped is another body's: UNHCR is the refugee agency, not the Human Rights Council (UNHRC).
      ['UNHCR', 'human-rights-council'],
    ] as const) {
      expect({ query, led: await ledBy(store, query, entityId) }).toEqual({ query, led: false });
    }
  });

  it('reads "UN" as the UN, not the end of "Jong-un", and finds Kim Jong-un however his name is typed', async () => {
    const store = await makeStore();
    const first = async (query: string) => (await search(store, query))[0]?.entity.id;
    const hits = await search(store, 'UN');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.entity.id === 'kim-jong-un' && hit.fact === undefined)).toBe(false);
    for (const query of ['Kim Jong-un', 'Kim Jong un', 'Jong-un', 'Kim Jong', 'kim jongun', 'Kim Jung Un', 'kim jung-un'])
      expect({ query, first: await first(query) }).toEqual({ query, first: 'kim-jong-un' });
  });

  it('lists first the facts about every name typed together, in any script ("China Russia", "트럼프 김정은")', async () => {
    const store = await makeStore();
    for (const [query, entityIds] of [
      ['China Russia', ['china', 'russia']],
      ['China and Russia', ['china', 'russia']],
      ['트럼프 김정은', ['donald-trump', 'kim-jong-un']],
      ['Трамп Ким Чен Ын', ['donald-trump', 'kim-jong-un']],
      ['Sicherheitsrat Nordkorea', ['un-security-council', 'north-korea']],
      ['안보리 북한', ['un-security-council', 'north-korea']],
      // Chinese and Japanese names apart, as well as run into what follows them.
      ['北朝鮮 安保理', ['north-korea', 'un-security-council']],
      ['特朗普 金正恩', ['donald-trump', 'kim-jong-un']],
      // A name with its words run together, beside another.
      ['Trump Kimjongun', ['donald-trump', 'kim-jong-un']],
    ] as const) {
      const hits = await search(store, query);
      const about = facts.filter((fact) => entityIds.every((id) => fact.entities.includes(id))).map((fact) => fact.id);
      expect(about.length).toBeGreaterThan(0);
      const leading = hits.slice(0, 1 + about.length).map((hit) => `${hit.entity.id}: ${hit.fact?.id ?? 'name'}`);
      expect({ query, leading: [...leading].sort() }).toEqual({
        query,
        leading: [`${entityIds[0]}: name`, ...about.map((id) => `${entityIds[0]}: ${id}`)].sort(),
      });
      expect({ query, first: leading[0] }).toEqual({ query, first: `${entityIds[0]}: name` });
      // Each name typed is listed.
      for (const id of entityIds) expect(hits.some((hit) => hit.entity.id === id && !hit.fact)).toBe(true);
    }
    // Names with no fact in common: each with every fact about it, as one name alone.
    expect(await ledBy(store, 'Trump Heusgen', 'donald-trump')).toBe(true);
  });

  it('lists first the facts about a name that hold the other words typed with it ("HRW anniversary", "COI 2014")', async () => {
    const store = await makeStore();
    for (const [query, entityId, factId] of [
      ['HRW anniversary', 'human-rights-watch', 'fact-hrw-bitter-irony'],
      ['COI 2014', 'commission-of-inquiry', 'fact-coi-report-2014'],
      ['north korean defectors', 'north-korea', 'fact-returned-defectors-fate'],
      ['Warmbier death', 'otto-warmbier', 'fact-warmbier-ignored'],
    ] as const) {
      const hits = await search(store, query);
      expect({ query, first: hits[0]?.entity.id, fact: hits[0]?.fact }).toEqual({ query, first: entityId, fact: undefined });
      expect({ query, leading: hits.slice(1, 3).map((hit) => hit.fact?.id) }).toEqual({ query, leading: expect.arrayContaining([factId]) });
    }
    // Beside a name in another language, a word no fact holds (the facts are in English) does not hide the name.
    for (const [query, entityId] of [
      ['북한 인권', 'north-korea'],
      ['Nordkorea Menschenrechte', 'north-korea'],
    ] as const) {
      expect({ query, led: await ledBy(store, query, entityId) }).toEqual({ query, led: true });
    }
    // Beside an English name it is a word the article does not use: no fact is said to match it.
    expect(await search(store, 'China veto')).toEqual([]);
  });

  it('puts first the name whose start is being typed ("North Kor", "Human Rights W")', async () => {
    const store = await makeStore();
    for (const [query, entityId] of [
      ['North Kor', 'north-korea'],
      ['North Ko', 'north-korea'],
      ['Human Rights W', 'human-rights-watch'],
      ['Human Rights Co', 'human-rights-council'],
      ['Special Rapp', 'special-rapporteur-dprk'],
      // A word inside a name begins it too: "Korea" is North Korea before the Korea Economic Institute.
      ['Kor', 'north-korea'],
      ['Korea', 'north-korea'],
    ] as const) {
      const [first] = await search(store, query);
      expect({ query, first: first?.entity.id }).toEqual({ query, first: entityId });
    }
    // Two letters alone are no start of a word: "un" begins no "Universal Declaration".
    const un = (await search(store, 'un')).filter((hit) => !hit.fact).map((hit) => hit.entity.id);
    expect(un.slice(0, 3)).not.toContain('universal-declaration');
  });
});
