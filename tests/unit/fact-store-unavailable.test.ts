/**
 * The facts cache when IndexedDB cannot be used as it is (fake-indexeddb, a
 * fresh factory per test): no IndexedDB at all, an open that throws or never
 * finishes, a database a later version left (deleted and seeded afresh, unless
 * it holds more than a copy of the facts), and a newer version that wants the
 * database. Cards and search answer from memory throughout.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, deleteFactsDb } from '../../entrypoints/background/db';
import { type BundledPack, type FactStore, openFactStore } from '../../entrypoints/background/fact-store';
import { contents, createVersion1, inspect } from '../support/fact-db';

const realPack: BundledPack = { entities, facts, dataVersion };
const noop = (): void => undefined;

function open(pack: BundledPack, onClosed: () => void = noop): Promise<FactStore> {
  return openFactStore(pack, onClosed);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('openFactStore: IndexedDB unavailable', () => {
  async function expectMemoryStoreThatAnswers(store: FactStore, reason: RegExp): Promise<void> {
    expect(store.mode).toBe('memory');
    expect(store.problem).toMatch(/served from memory/);
    expect(store.problem).toMatch(reason);
    expect((await store.entity('north-korea'))?.id).toBe('north-korea');
    expect((await store.factsAbout('north-korea')).length).toBeGreaterThan(0);
    expect(await store.allEntities()).toHaveLength(entities.length);
    expect(await store.allFacts()).toHaveLength(facts.length);
  }

  it('falls back to memory when there is no indexedDB at all', async () => {
    Reflect.deleteProperty(globalThis, 'indexedDB');
    await expectMemoryStoreThatAnswers(await open(realPack), /indexedDB/);
  });

  it('falls back to memory when opening throws (a private window)', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    await expectMemoryStoreThatAnswers(await open(realPack), /SecurityError: The operation is insecure/);
  });

  it('deletes a database a later version left (a downgrade), which this one cannot open, and seeds afresh', async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 5);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const store = await open(realPack);
    expect(store.mode).toBe('indexeddb');
    expect(store.problem).toBeUndefined();
    expect(await inspect(async (db) => db.version)).toBe(DB_VERSION);
    expect((await contents()).seed?.dataVersion).toBe(dataVersion);
    expect((await store.entity('north-korea'))?.id).toBe('north-korea');
  });

  it('leaves alone a later version’s database that keeps a store of its own (more than a copy of the facts), on memory', async () => {
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 5);
      request.onupgradeneeded = () => request.result.createObjectStore('notes');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    await expectMemoryStoreThatAnswers(await open(realPack), /a later version keeps more than the facts there \(notes\), so it is left alone/);
    expect(
      await new Promise((resolve) => {
        const request = indexedDB.open(DB_NAME);
        request.onsuccess = () => {
          resolve([request.result.version, [...request.result.objectStoreNames]]);
          request.result.close();
        };
      }),
    ).toEqual([DB_VERSION + 5, ['notes']]);
  });

  it('deletes nothing once it gave up: a later version’s upgrade it waited behind keeps its database', async () => {
    // A later version's page holds its database and ignores the request to close; its next version waits.
    const holder = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 5);
      request.onupgradeneeded = () => {
        for (const name of ['entities', 'facts', 'meta']) request.result.createObjectStore(name);
      };
      request.onsuccess = () => resolve(request.result);
    });
    const upgraded = new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 6);
      request.onsuccess = () => resolve(request.result);
    });
    await expect(deleteFactsDb(100)).rejects.toThrow('did not delete an unreadable database within 100 ms');
    holder.close();
    const later = await upgraded;
    // Given the time a deletion queued behind the upgrade would take.
    await new Promise((done) => setTimeout(done, 50));
    expect(later.version).toBe(DB_VERSION + 6);
    expect(
      await new Promise((resolve) => {
        const request = indexedDB.open(DB_NAME);
        request.onsuccess = () => {
          resolve(request.result.version);
          request.result.close();
        };
      }),
    ).toBe(DB_VERSION + 6);
    later.close();
  });

  it('falls back to memory when a later version’s database cannot be deleted (a connection holds it) within 3 s', async () => {
    // A connection that ignores the request to close, as a later version's page might hold it.
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 5);
      request.onsuccess = () => resolve(request.result);
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const opening = open(realPack);
    await vi.advanceTimersByTimeAsync(3_100);
    await expectMemoryStoreThatAnswers(await opening, /did not delete an unreadable database within 3000 ms/);
    vi.useRealTimers();
    newer.close();
    // The deletion goes through once the connection is gone: the next open seeds afresh.
    await vi.waitFor(async () => expect((await open(realPack)).mode).toBe('indexeddb'));
  });

  it('gives up an open that never finishes after 3 s, and closes the connection if it opens later', async () => {
    // An older connection that ignores the version change blocks the upgrade to version 2.
    await createVersion1({ entities: [], facts: [] });
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onsuccess = () => resolve(request.result);
    });
    vi.spyOn(console, 'warn').mockImplementation(noop);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const opening = open(realPack).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(2_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const store = await opening;
    await expectMemoryStoreThatAnswers(store, /did not open within 3000 ms/);

    vi.useRealTimers();
    const close = vi.spyOn(IDBDatabase.prototype, 'close');
    old.close();
    // With the old one closed, the upgrade finishes late: that connection, not only the test's, is closed.
    await vi.waitFor(() => expect(close.mock.contexts.filter((db) => db !== old)).toHaveLength(1));
  });
});

describe('openFactStore: a newer version wants the database', () => {
  it('closes its connection so the newer version can open, and calls onClosed', async () => {
    const onClosed = vi.fn();
    const store = await open(realPack, onClosed);
    expect(store.mode).toBe('indexeddb');
    const blocked = vi.fn();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
      request.onblocked = blocked;
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(blocked).not.toHaveBeenCalled();
    // A lookup that still holds this store is answered from memory, not failed.
    expect(await store.entity('north-korea')).toEqual(entities.find((entry) => entry.id === 'north-korea'));
    expect(store.mode).toBe('memory');
    expect(store.problem).toMatch(/served from memory.*InvalidStateError/);
  });
});
