/**
 * A seeded database whose records were changed on disk (fake-indexeddb, a
 * fresh factory per test): a record that lost a field, a field of the wrong
 * type, a record gone or one too many. The seed record alone says nothing of
 * these. Found when the worker opens the cache, it is seeded again; found by a
 * lookup, that lookup and the later ones are answered from memory and the
 * next open seeds again. Cards, search and the timeline answer throughout.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Fact } from '../../data/schema';
import background from '../../entrypoints/background';
import type { FactsDb } from '../../entrypoints/background/db';
import { type BundledPack, type FactStore, openFactStore } from '../../entrypoints/background/fact-store';
import { entityCard, timeline } from '../../entrypoints/background/lookups';
import { search } from '../../entrypoints/background/search';
import { EntityLookupSchema, SearchAnswerSchema, StorageStatusSchema, TimelineSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { inspect } from '../support/fact-db';

const pack: BundledPack = { entities, facts, dataVersion };
const noop = (): void => undefined;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

/** A separate connection, as the developer tools or a damaged disk would change records; closed after use. */
const onDisk = inspect;

/** A fact about North Korea, the entity the damage is done to. */
const factId = facts.find((fact) => fact.entities.includes('north-korea'))?.id ?? '';

/** The review's case: an entity without `related`, and a fact whose quotes are one string. */
function damage(): Promise<void> {
  return onDisk(async (db) => {
    const entity = await db.get('entities', 'north-korea');
    const fact = await db.get('facts', factId);
    Reflect.deleteProperty(entity ?? {}, 'related');
    await db.put('entities', entity as NonNullable<typeof entity>);
    await db.put('facts', { ...(fact as NonNullable<typeof fact>), quotes: 'a quote as one string' as unknown as string[] });
  });
}

/** Cards, search and the timeline, as the card and the popup ask for them. */
async function answers(store: FactStore): Promise<unknown> {
  return {
    cards: await Promise.all(entities.map((entity) => entityCard(store, entity.id))),
    timeline: await timeline(store),
    search: await Promise.all(['North Korea', 'sanctions', '2019'].map((query) => search(store, query))),
  };
}

const fromPack = async (): Promise<unknown> => {
  const first = await openFactStore(pack, noop);
  expect(first.mode).toBe('indexeddb');
  return answers(first);
};

const seedRecord = () => onDisk((db) => db.get('meta', 'seed'));

describe('openFactStore: a seeded database with damaged records', () => {
  it('seeds again at the next open, and serves the pack from IndexedDB', async () => {
    const expected = await fromPack();
    await damage();
    expect(factId).not.toBe('');

    const store = await openFactStore(pack, noop);
    expect(store.mode).toBe('indexeddb');
    expect(await answers(store)).toEqual(expected);
    expect(await onDisk((db) => db.get('entities', 'north-korea'))).toHaveProperty('related');
  });

  /** Writes the fact about North Korea back with a change. */
  const changeFact = async (db: IDBPDatabase<FactsDb>, change: object): Promise<void> => {
    await db.put('facts', { ...(await db.get('facts', factId)), ...change } as Fact);
  };

  it.each([
    ['a fact that lost its entities (so no index finds it)', (db: IDBPDatabase<FactsDb>) => changeFact(db, { entities: undefined })],
    ['a record gone', (db: IDBPDatabase<FactsDb>) => db.delete('entities', 'north-korea')],
    ['a record the pack does not have', (db: IDBPDatabase<FactsDb>) => db.put('facts', { ...facts[0], id: 'not-in-the-pack' } as Fact)],
  ])('seeds again for %s', async (_name, change) => {
    const expected = await fromPack();
    await onDisk(async (db) => {
      await change(db);
    });
    const store = await openFactStore(pack, noop);
    expect(store.mode).toBe('indexeddb');
    expect(await answers(store)).toEqual(expected);
    expect((await onDisk((db) => db.getAllKeys('facts'))).sort()).toEqual(facts.map((fact) => fact.id).sort());
  });

  it('a record damaged after the open: answers from memory, says why, and unseeds so the next open seeds again', async () => {
    const store = await openFactStore(pack, noop);
    const expected = await answers(store);
    await damage();

    expect(await answers(store)).toEqual(expected);
    expect(store.mode).toBe('memory');
    expect(store.problem).toMatch(
      /^Facts are served from memory because the browser's database could not be used \(its copy of the (entity|fact) "[^"]+" is damaged; it is rebuilt from the facts that come with the extension\)\.$/,
    );
    expect(store.problem).not.toMatch(/Cannot read properties|flatMap/);
    expect(await seedRecord()).toBeUndefined();

    const reopened = await openFactStore(pack, noop);
    expect(reopened.mode).toBe('indexeddb');
    expect(await answers(reopened)).toEqual(expected);
    expect((await seedRecord())?.dataVersion).toBe(dataVersion);
  });

  it('each kind of read finds a damaged record: a card, its facts, search and the timeline', async () => {
    for (const read of [
      (store: FactStore) => store.entity('north-korea'),
      (store: FactStore) => store.factsAbout('north-korea'),
      (store: FactStore) => store.allEntities(),
      (store: FactStore) => store.allFacts(),
    ]) {
      globalThis.indexedDB = new IDBFactory();
      const store = await openFactStore(pack, noop);
      const expected = await read(store);
      await damage();
      expect(await read(store)).toEqual(expected);
      expect(store.mode).toBe('memory');
    }
  });
});

describe('background: a seeded database with damaged records', () => {
  it('answers cards, search and the timeline with the pack, from IndexedDB seeded again', async () => {
    background.main();
    const card = await sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema);
    await damage();

    // The worker stops and starts again: a fresh background, the same profile.
    vi.restoreAllMocks();
    fakeBrowser.reset();
    background.main();
    expect(await sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).toEqual(card);
    expect((await sendRequest({ type: 'search', query: 'North Korea' }, SearchAnswerSchema)).hits.length).toBeGreaterThan(0);
    expect((await sendRequest({ type: 'timeline' }, TimelineSchema)).facts.length).toBeGreaterThan(0);
    expect(await sendRequest({ type: 'storage-status' }, StorageStatusSchema)).toEqual({ mode: 'indexeddb' });
  });
});
