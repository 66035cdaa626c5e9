/**
 * The IndexedDB cache of the facts pack (fake-indexeddb, a fresh factory per
 * test): seeding once per data version, upgrading from schema version 1, a
 * seed that never counts when it did not finish, and the in-memory store.
 * When IndexedDB cannot be used: fact-store-unavailable.test.ts.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Fact } from '../../data/schema';
import { DB_VERSION } from '../../entrypoints/background/db';
import { type BundledPack, type FactStore, memoryStore, openFactStore } from '../../entrypoints/background/fact-store';
import { contents, createVersion1, inspect } from '../support/fact-db';

const realPack: BundledPack = { entities, facts, dataVersion };

function entity(id: string, alias = id): Entity {
  return { id, kind: 'state', name: `Name of ${id}`, description: `A test entity called ${id}.`, aliases: [{ text: alias, lang: 'en' }], related: [] };
}

function fact(id: string, entityIds: string[], date?: string): Fact {
  return {
    id,
    claim: `A claim about ${entityIds.join(', ')}.`,
    quotes: ['a quote from the article'],
    entities: entityIds,
    topics: [],
    ...(date ? { date } : {}),
  };
}

const packA: BundledPack = {
  dataVersion: 'version-a',
  entities: [entity('alpha', 'Alpha Land'), entity('shared')],
  facts: [fact('fact-alpha', ['alpha'], '2019'), fact('fact-shared-a', ['shared'])],
};

const packB: BundledPack = {
  dataVersion: 'version-b',
  entities: [entity('beta', 'Beta\u00a0Land'), entity('shared'), entity('gamma')],
  facts: [fact('fact-beta', ['beta', 'gamma'], '2020-12'), fact('fact-shared-b', ['shared'])],
};

const noop = (): void => undefined;

/** Each test has a database factory of its own (beforeEach): connections left open touch no other test. */
function open(pack: BundledPack, onClosed: () => void = noop): Promise<FactStore> {
  return openFactStore(pack, onClosed);
}

/** The store holds pack B's records, and its seed record names B's version. */
async function expectPackBSeeded(): Promise<void> {
  expect(await contents()).toMatchObject({
    entityIds: ['beta', 'gamma', 'shared'],
    factIds: ['fact-beta', 'fact-shared-b'],
    seed: { dataVersion: 'version-b' },
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('openFactStore: seeding', () => {
  it('seeds an empty database with the whole pack, alias keys folded, and a seed record', async () => {
    const store = await open(realPack);
    expect(store.mode).toBe('indexeddb');
    expect(store.problem).toBeUndefined();
    const held = await contents();
    expect(held.entityIds).toEqual(entities.map((entry) => entry.id).sort());
    expect(held.factIds).toEqual(facts.map((entry) => entry.id).sort());
    expect(held.seed?.dataVersion).toBe(dataVersion);
    const northKorea = await inspect((db) => db.get('entities', 'north-korea'));
    expect(northKorea?.aliasKeys).toContain('north korea');
    expect(await inspect((db) => db.getAllKeysFromIndex('entities', 'by-alias', 'north korea'))).toEqual(['north-korea']);
  });

  it('serves entities as the pack has them, without the stored alias keys', async () => {
    const store = await open(realPack);
    const stored = await store.entity('north-korea');
    expect(stored).toEqual(entities.find((entry) => entry.id === 'north-korea'));
    expect(stored).not.toHaveProperty('aliasKeys');
    expect(await store.entity('no-such-entity')).toBeUndefined();
    expect((await store.allEntities()).every((entry) => !('aliasKeys' in entry))).toBe(true);
  });

  it('does not seed again when the worker restarts with the same data version', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_000);
    await open(packA);
    const firstSeed = (await contents()).seed;
    expect(firstSeed).toEqual({ key: 'seed', dataVersion: 'version-a', seededAt: 1_000 });

    vi.spyOn(Date, 'now').mockReturnValue(2_000);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const clear = vi.spyOn(IDBObjectStore.prototype, 'clear');
    const store = await open(packA);
    expect(store.mode).toBe('indexeddb');
    expect(put).not.toHaveBeenCalled();
    expect(clear).not.toHaveBeenCalled();
    expect((await contents()).seed).toEqual(firstSeed);
  });

  it('seeds again on a new data version: the old records go, the new ones come', async () => {
    await open(packA);
    const store = await open(packB);
    expect(store.mode).toBe('indexeddb');
    await expectPackBSeeded();
    expect(await store.entity('alpha')).toBeUndefined();
    expect(await store.factsAbout('shared')).toEqual([packB.facts[1]]);
    expect(await inspect((db) => db.getAllKeysFromIndex('entities', 'by-alias', 'beta land'))).toEqual(['beta']);
  });

  it('looks facts up by entity through the index, for each entity a fact names', async () => {
    const store = await open(packB);
    expect(await store.factsAbout('beta')).toEqual([packB.facts[0]]);
    expect(await store.factsAbout('gamma')).toEqual([packB.facts[0]]);
    expect(await store.factsAbout('nobody')).toEqual([]);
  });
});

describe('openFactStore: upgrade from schema version 1', () => {
  it('adds the indexes, drops the version 1 records and seeds afresh, so lookups by entity work', async () => {
    await createVersion1({
      entities: [{ id: 'north-korea', kind: 'state', name: 'Old name', description: 'Stored by version 1.', aliases: [], related: [] }],
      facts: [{ id: 'fact-from-version-1', claim: 'An old claim.', quotes: [], entities: ['north-korea'], topics: [] }],
      // Even a seed record for the very same data version must not survive: version 1 had no alias keys.
      seed: { key: 'seed', dataVersion, seededAt: 1 },
    });
    const store = await open(realPack);
    expect(store.mode).toBe('indexeddb');

    const indexes = await inspect(async (db) => {
      const tx = db.transaction(['entities', 'facts']);
      return { version: db.version, entities: [...tx.objectStore('entities').indexNames], facts: [...tx.objectStore('facts').indexNames].sort() };
    });
    expect(indexes).toEqual({ version: DB_VERSION, entities: ['by-alias'], facts: ['by-date', 'by-entity'] });

    const held = await contents();
    expect(held.factIds).not.toContain('fact-from-version-1');
    expect(held.factIds).toHaveLength(facts.length);
    expect(held.seed?.seededAt).not.toBe(1);
    expect((await store.entity('north-korea'))?.name).toBe(entities.find((entry) => entry.id === 'north-korea')?.name);
    const expected = facts.filter((entry) => entry.entities.includes('north-korea')).map((entry) => entry.id);
    expect((await store.factsAbout('north-korea')).map((entry) => entry.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('openFactStore: a seed that does not finish never counts', () => {
  /**
   * Aborts the seed transaction once its `count`th put has been written, with every request
   * queued and some already done, as a worker stopped mid-seed would.
   */
  function abortAfterPuts(count: number): void {
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const request = put.apply(this, args);
      calls++;
      if (calls === count) request.addEventListener('success', () => request.transaction?.abort());
      return request;
    });
  }

  it('after an aborted first seed: no seed record, nothing half written, and the next start seeds fully', async () => {
    abortAfterPuts(3);
    const failed = await open(realPack);
    expect(failed.mode).toBe('memory');
    expect(failed.problem).toMatch(/memory/);
    expect(await contents()).toEqual({ entityIds: [], factIds: [], seed: undefined });

    vi.restoreAllMocks();
    const store = await open(realPack);
    expect(store.mode).toBe('indexeddb');
    const held = await contents();
    expect(held.entityIds).toHaveLength(entities.length);
    expect(held.factIds).toHaveLength(facts.length);
    expect(held.seed?.dataVersion).toBe(dataVersion);
  });

  it('after an aborted reseed: the previous data version stays whole, and the next start reseeds fully', async () => {
    await open(packA);
    abortAfterPuts(2);
    const failed = await open(packB);
    expect(failed.mode).toBe('memory');
    expect(await contents()).toMatchObject({ entityIds: ['alpha', 'shared'], factIds: ['fact-alpha', 'fact-shared-a'], seed: { dataVersion: 'version-a' } });

    vi.restoreAllMocks();
    const store = await open(packB);
    expect(store.mode).toBe('indexeddb');
    await expectPackBSeeded();
  });

  it('a record the store refuses (no key) leaves the previous data whole and unseeded for the new version', async () => {
    await open(packA);
    const broken: BundledPack = { ...packB, entities: [entity('beta'), { ...entity('x'), id: undefined } as unknown as Entity, entity('gamma')] };
    const failed = await open(broken);
    expect(failed.mode).toBe('memory');
    // The failed seed must change nothing: not clear the stores, not write half of the new records.
    expect(await contents()).toMatchObject({ entityIds: ['alpha', 'shared'], factIds: ['fact-alpha', 'fact-shared-a'], seed: { dataVersion: 'version-a' } });

    const store = await open(packB);
    expect(store.mode).toBe('indexeddb');
    expect(await contents()).toMatchObject({ entityIds: ['beta', 'gamma', 'shared'], seed: { dataVersion: 'version-b' } });
  });

  it('a record the store refuses on a first seed leaves no seed record and no half seed', async () => {
    const broken: BundledPack = { ...packA, facts: [fact('fact-alpha', ['alpha']), { ...fact('x', ['alpha']), id: 7n } as unknown as Fact] };
    const failed = await open(broken);
    expect(failed.mode).toBe('memory');
    expect(await contents()).toEqual({ entityIds: [], factIds: [], seed: undefined });
  });

  it('still answers every lookup from memory after a failed seed', async () => {
    abortAfterPuts(1);
    const store = await open(packB);
    expect(store.mode).toBe('memory');
    expect(await store.entity('beta')).toEqual(packB.entities[0]);
    expect(await store.factsAbout('gamma')).toEqual([packB.facts[0]]);
  });
});

describe('memoryStore', () => {
  it('serves the bundled pack and says why', async () => {
    const store = memoryStore(packB, 'because');
    expect(store).toMatchObject({ mode: 'memory', problem: 'because' });
    expect(await store.entity('gamma')).toEqual(packB.entities[2]);
    expect(await store.entity('alpha')).toBeUndefined();
    expect(await store.factsAbout('shared')).toEqual([packB.facts[1]]);
    expect(await store.allEntities()).toEqual(packB.entities);
    expect(await store.allFacts()).toEqual(packB.facts);
  });
});
