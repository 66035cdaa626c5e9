/**
 * Lookups over the real facts pack: entity cards and the timeline, the same
 * whether facts come from IndexedDB or from memory. Search: lookups-search
 * and lookups-search-names.
 */
import { entities, facts } from 'virtual:facts-pack';
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../entrypoints/background/fact-store';
import { entityCard, timeline } from '../../entrypoints/background/lookups';
import { EntityCardSchema, FactViewSchema } from '../../utils/protocol';
import { freshIndexedDb, indexedDbStore, kinds, pack } from './support/lookup-stores';

beforeEach(freshIndexedDb);

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
