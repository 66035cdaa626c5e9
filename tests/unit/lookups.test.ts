/**
 * Lookups over the real facts pack: entity cards, the timeline and search,
 * the same whether facts come from IndexedDB or from memory.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { type BundledPack, type FactStore, memoryStore, openFactStore } from '../../entrypoints/background/fact-store';
import { entityCard, timeline } from '../../entrypoints/background/lookups';
import { search } from '../../entrypoints/background/search';
import { EntityCardSchema, FactViewSchema, type SearchHit, SearchHitSchema } from '../../utils/protocol';

const pack: BundledPack = { entities, facts, dataVersion };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** The words a hit was found by: a fact's claim and quotes, or an entity's names and description. */
function textOf(hit: SearchHit): string {
  if (hit.fact) return [hit.fact.claim, ...hit.fact.quotes].join(' ');
  const entity = pack.entities.find((entry) => entry.id === hit.entity.id);
  const aliases = entity ? entity.aliases.map((alias) => alias.text) : [];
  return [hit.entity.name, ...aliases, hit.description ?? ''].join(' ');
}

type Dated = { id: string; date?: string };

/** The first and last day a date stands for ("2019" is 2019-01-01 to 2019-12-31), as comparable strings. */
function daysOf(date: string): { first: string; last: string } {
  const [year, month, day] = date.split('-');
  return { first: `${year}-${month ?? '01'}-${day ?? '01'}`, last: `${year}-${month ?? '12'}-${day ?? '31'}` };
}

/**
 * Pairs of facts out of time order, as "earlier > later" ids: a fact after one whose time lies wholly
 * after its own, a year or month before a date inside it, an undated fact before a dated one.
 */
function outOfTimeOrder(views: readonly Dated[]): string[] {
  const wrong: string[] = [];
  views.forEach((first, index) => {
    for (const second of views.slice(index + 1)) {
      if (first.date === undefined) {
        if (second.date !== undefined) wrong.push(`${first.id} > ${second.id}`);
        continue;
      }
      if (second.date === undefined) continue;
      const inside = second.date !== first.date && second.date.startsWith(first.date);
      if (inside || daysOf(second.date).last < daysOf(first.date).first) wrong.push(`${first.id} > ${second.id}`);
    }
  });
  return wrong;
}

async function indexedDbStore(): Promise<FactStore> {
  const store = await openFactStore(pack, () => undefined);
  expect(store.mode).toBe('indexeddb');
  return store;
}

const kinds: [string, () => Promise<FactStore>][] = [
  ['memory', async () => memoryStore(pack, 'test')],
  ['IndexedDB', indexedDbStore],
];

describe.each(kinds)('lookups from %s', (_name, makeStore) => {
  it('gives an entity’s card: its facts with their quotes, and its related entities', async () => {
    const store = await makeStore();
    const card = await entityCard(store, 'north-korea');
    expect(v.safeParse(EntityCardSchema, card).success).toBe(true);
    const northKorea = entities.find((entry) => entry.id === 'north-korea');
    expect(card).toMatchObject({ id: 'north-korea', kind: 'state', name: northKorea?.name, description: northKorea?.description });
    const expectedFactIds = facts.filter((entry) => entry.entities.includes('north-korea')).map((entry) => entry.id);
    expect(card?.facts.map((entry) => entry.id).sort()).toEqual([...expectedFactIds].sort());
    for (const view of card?.facts ?? []) {
      expect(view.quotes.length).toBeGreaterThan(0);
      expect(view.quotes).toEqual(facts.find((entry) => entry.id === view.id)?.quotes);
    }
    expect(card?.related.map((ref) => ref.id)).toEqual(northKorea?.related);
    for (const ref of card?.related ?? []) {
      const related = entities.find((entry) => entry.id === ref.id);
      expect(ref).toEqual({ id: related?.id, name: related?.name, kind: related?.kind });
    }
  });

  it('resolves who a fact is attributed to as a reference with a name', async () => {
    const store = await makeStore();
    const attributed = facts.find((entry) => entry.attributedTo !== undefined);
    expect(attributed).toBeDefined();
    if (!attributed) return;
    const card = await entityCard(store, attributed.entities[0] as string);
    const view = card?.facts.find((entry) => entry.id === attributed.id);
    const source = entities.find((entry) => entry.id === attributed.attributedTo);
    expect(view?.attributedTo).toEqual({ id: source?.id, name: source?.name, kind: source?.kind });
  });

  it('orders a card’s facts by date, undated last', async () => {
    const store = await makeStore();
    for (const id of ['north-korea', 'un-security-council', 'donald-trump', 'kim-jong-un']) {
      expect(outOfTimeOrder((await entityCard(store, id))?.facts ?? [])).toEqual([]);
    }
  });

  it('puts a year or a month after the dates inside it, and a period by its start', async () => {
    const line = (await timeline(await makeStore())).map((entry) => entry.id);
    const comesBefore = (earlier: string, later: string) => expect(line.indexOf(earlier)).toBeLessThan(line.indexOf(later));
    // The session of 11 December 2020 before what December 2020 brought after it (the Joint Statement).
    comesBefore('fact-session-2020-closed-session', 'fact-joint-statement-issued');
    // February 2019's summit before what is dated only 2019 (the Times reporting December's block).
    comesBefore('fact-hanoi-summit-failure', 'fact-nyt-headline-2019');
    // 2017–2018 after December 2017, before 2018.
    comesBefore('fact-session-2017-trump-first-year', 'fact-trump-criticized-kim-2017-2018');
    comesBefore('fact-trump-criticized-kim-2017-2018', 'fact-no-session-2018');
  });

  it('gives null for an unknown entity', async () => {
    expect(await entityCard(await makeStore(), 'no-such-entity')).toBeNull();
  });

  it('gives every dated fact, and only those, in date order', async () => {
    const store = await makeStore();
    const line = await timeline(store);
    expect(line.map((entry) => entry.id).sort()).toEqual(
      facts
        .filter((entry) => entry.date !== undefined)
        .map((entry) => entry.id)
        .sort(),
    );
    expect(outOfTimeOrder(line)).toEqual([]);
    for (const view of line) expect(v.safeParse(FactViewSchema, view).success).toBe(true);
  });

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

  it('puts first the entity called what was typed, by its name or an alias, in any case or script', async () => {
    const store = await makeStore();
    for (const [query, entityId] of [
      ['North Korea', 'north-korea'],
      ['north  korea', 'north-korea'],
      ['북한', 'north-korea'],
      ['DPRK', 'north-korea'],
      ['Trump', 'donald-trump'],
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

  it('returns every hit, however many (the Council alone has twenty facts), each once', async () => {
    const hits = await search(await makeStore(), 'Security Council');
    expect(hits.length).toBeGreaterThan(20);
    const ids = hits.map((hit) => hit.fact?.id ?? hit.entity.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('lookups: IndexedDB and memory agree', () => {
  it('gives the same cards, in the same order, from either store', async () => {
    const memory = memoryStore(pack, 'test');
    const cached = await indexedDbStore();
    for (const { id } of entities) {
      expect(await entityCard(cached, id), id).toEqual(await entityCard(memory, id));
    }
  });

  it('gives the same timeline, in the same order, from either store', async () => {
    expect(await timeline(await indexedDbStore())).toEqual(await timeline(memoryStore(pack, 'test')));
  });
});
