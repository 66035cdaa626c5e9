/**
 * The background's fact store between requests: one open for many requests,
 * a new open when the connection closed, and a new try on IndexedDB a minute
 * after the store went to memory, while the memory store keeps answering.
 * First the keeper with stores made up for it, then the background end to end
 * through the fake browser and fake-indexeddb.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { type ClosedBy, DB_NAME, DB_VERSION } from '../../entrypoints/background/db';
import { type BundledPack, type FactStore, memoryStore, type OpenFactStoreOptions } from '../../entrypoints/background/fact-store';
import { keptFactStore, RETRY_AFTER_MS } from '../../entrypoints/background/store-keeper';
import { EntityLookupSchema, StorageStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';

const pack: BundledPack = { entities, facts, dataVersion };

/** Date.now() as the tests set it. */
let now = 1_000_000;

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  now = 1_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A store on IndexedDB, as far as the keeper can tell. */
function databaseStore(): FactStore {
  return { ...memoryStore(pack, ''), mode: 'indexeddb', problem: undefined, memorySince: undefined };
}

/** An opener that hands out the given stores in turn, and remembers each onClosed. */
function opener(...stores: FactStore[]) {
  const closers: ((by: ClosedBy) => void)[] = [];
  const open = vi.fn(async (onClosed: (by: ClosedBy) => void, _options: OpenFactStoreOptions) => {
    closers.push(onClosed);
    const store = stores.shift();
    if (!store) throw new Error('opened once more than the test expected');
    return store;
  });
  return { open, closers };
}

describe('keptFactStore', () => {
  it('opens once for every request while the store is on IndexedDB, however long', async () => {
    const store = databaseStore();
    const { open } = opener(store);
    const current = keptFactStore(open);
    expect(await Promise.all([current(), current()])).toEqual([store, store]);
    now += 10 * RETRY_AFTER_MS;
    expect(await current()).toBe(store);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('tries IndexedDB again a minute after the store went to memory, not before, and answers from memory meanwhile', async () => {
    const memory = memoryStore(pack, 'Facts are served from memory because …');
    const database = databaseStore();
    const { open } = opener(memory, database);
    const current = keptFactStore(open);
    expect(await current()).toBe(memory);

    now += RETRY_AFTER_MS - 1;
    expect(await current()).toBe(memory);
    expect(open).toHaveBeenCalledTimes(1);

    now += 1;
    // This request starts the new try, and is answered at once from memory.
    expect(await current()).toBe(memory);
    expect(open).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect(await current()).toBe(database));
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('after a try that fails too, waits another minute from that failure', async () => {
    const first = memoryStore(pack, 'first');
    now += RETRY_AFTER_MS;
    const second = memoryStore(pack, 'second');
    const { open } = opener(first, second, databaseStore());
    const current = keptFactStore(open);
    await current();
    // The first store is a minute old already: this request starts a try, which fails at "now".
    await current();
    await vi.waitFor(async () => expect(await current()).toBe(second));
    now += RETRY_AFTER_MS - 1;
    await current();
    expect(open).toHaveBeenCalledTimes(2);
    now += 1;
    await current();
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('runs one try at a time, however many requests come while it is under way', async () => {
    let finish: (store: FactStore) => void = () => undefined;
    const memory = memoryStore(pack, 'memory');
    const open = vi.fn((): Promise<FactStore> => (open.mock.calls.length === 1 ? Promise.resolve(memory) : new Promise((resolve) => (finish = resolve))));
    const current = keptFactStore(open);
    await current();
    now += RETRY_AFTER_MS;
    expect(await Promise.all([current(), current(), current()])).toEqual([memory, memory, memory]);
    expect(open).toHaveBeenCalledTimes(2);
    const database = databaseStore();
    finish(database);
    await vi.waitFor(async () => expect(await current()).toBe(database));
  });

  it('opens anew after the connection closed under the store, but not for an older store’s connection', async () => {
    const first = databaseStore();
    const second = databaseStore();
    const { open, closers } = opener(first, second);
    const current = keptFactStore(open);
    expect(await current()).toBe(first);
    closers[0]?.('browser');
    expect(await current()).toBe(second);
    // The first store's connection closing again (its close event) must not drop the second.
    closers[0]?.('browser');
    expect(await current()).toBe(second);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('leaves a newer version’s database alone once a newer version took the database over, not before', async () => {
    const { open, closers } = opener(databaseStore(), databaseStore(), databaseStore());
    const current = keptFactStore(open);
    await current();
    closers[0]?.('browser');
    await current();
    closers[1]?.('newer-version');
    await current();
    expect(open.mock.calls.map(([, options]) => options)).toEqual([{ keepNewerDatabase: false }, { keepNewerDatabase: false }, { keepNewerDatabase: true }]);
  });
});

describe('background: IndexedDB tried again after a failure', () => {
  const lookUp = async (entityId: string) => (await sendRequest({ type: 'lookup-entity', entityId }, EntityLookupSchema)).card;
  const status = () => sendRequest({ type: 'storage-status' }, StorageStatusSchema);

  it('an open that failed (a private window, a full disk) is tried again a minute later; cards answer throughout', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementationOnce(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    background.main();
    const northKorea = await lookUp('north-korea');
    expect(northKorea?.facts.length).toBeGreaterThan(0);
    expect(await status()).toEqual({
      mode: 'memory',
      problem: "Facts are served from memory because the browser's database could not be used (SecurityError: The operation is insecure.).",
    });

    now += RETRY_AFTER_MS - 1;
    expect(await lookUp('north-korea')).toEqual(northKorea);
    expect((await status()).mode).toBe('memory');

    now += 1;
    expect(await lookUp('north-korea')).toEqual(northKorea);
    await vi.waitFor(async () => expect(await status()).toEqual({ mode: 'indexeddb' }));
    expect(await lookUp('north-korea')).toEqual(northKorea);
  });

  it('an open blocked by an older connection past 3 s is tried again once that connection has closed', async () => {
    // A version 1 connection that ignores the request to close blocks the upgrade to version 2.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        for (const name of ['entities', 'facts']) request.result.createObjectStore(name, { keyPath: 'id' });
        request.result.createObjectStore('meta', { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    background.main();
    const looking = lookUp('north-korea');
    await vi.advanceTimersByTimeAsync(3_100);
    expect((await looking)?.id).toBe('north-korea');
    expect((await status()).problem).toMatch(/did not open within 3000 ms/);
    vi.useRealTimers();
    old.close();

    now += RETRY_AFTER_MS;
    await lookUp('north-korea');
    await vi.waitFor(async () => expect(await status()).toEqual({ mode: 'indexeddb' }));
    expect(await lookUp('north-korea')).toEqual(await looking);
  });

  it('a newer version that took the database over while this worker runs (an update) keeps it; this one stays on memory', async () => {
    background.main();
    expect(await status()).toEqual({ mode: 'indexeddb' });
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
    });
    expect((await lookUp('north-korea'))?.id).toBe('north-korea');
    expect((await status()).problem).toMatch(/VersionError/);

    const open = vi.spyOn(indexedDB, 'open');
    const deleteDatabase = vi.spyOn(indexedDB, 'deleteDatabase');
    now += RETRY_AFTER_MS;
    expect((await lookUp('north-korea'))?.id).toBe('north-korea');
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    // The try fails at once (VersionError); a deletion would be asked for right after.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(deleteDatabase).not.toHaveBeenCalled();
    expect((await status()).problem).toMatch(/VersionError/);
    newer.close();
  });
});
