/**
 * A database that opened and seeded, then fails a read (fake-indexeddb, a
 * fresh factory per test): the lookup is answered from the bundled pack, the
 * same facts the database holds; the store moves to memory for good and says
 * why, as after a failed open; later lookups leave the database alone; a new
 * worker start opens it again. First the store itself, then the background
 * end to end through the fake browser.
 */

import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { type BundledPack, type FactStore, openFactStore } from '../../entrypoints/background/fact-store';
import { entityCard, timeline } from '../../entrypoints/background/lookups';
import { search } from '../../entrypoints/background/search';
import { EntityLookupSchema, StorageStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';

const pack: BundledPack = { entities, facts, dataVersion };
const noop = (): void => undefined;
const FAILED_READ = 'Failed to read the record.';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

type ReadMethod = 'get' | 'getAll';

/** Replaces every read the store makes (get, getAll, getAll on an index) with `read`. */
function replaceReads(read: (this: IDBObjectStore | IDBIndex, method: ReadMethod, args: unknown[]) => IDBRequest): void {
  for (const method of ['get', 'getAll'] as const) {
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      return read.call(this, method, args);
    });
  }
  vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: unknown[]) {
    return read.call(this, 'getAll', args);
  });
}

/** Each read throws at once, as Chrome's "Failed to read the record." or a quota error does. */
function readsThrow(error: DOMException): () => void {
  return () =>
    replaceReads(() => {
      throw error;
    });
}

/** Each read is made, then its transaction aborts before it answers. */
function readsAbort(): void {
  const objectStore = { get: IDBObjectStore.prototype.get, getAll: IDBObjectStore.prototype.getAll };
  const index = IDBIndex.prototype.getAll;
  replaceReads(function (method, args) {
    const request =
      this instanceof IDBIndex
        ? (index as (...rest: unknown[]) => IDBRequest).apply(this, args)
        : (objectStore[method] as (...rest: unknown[]) => IDBRequest).apply(this, args);
    request.transaction?.abort();
    return request;
  });
}

/** The browser closes the connection under us as the next lookup starts (site data cleared, a crash). */
function connectionClosedByBrowser(): void {
  const transaction = IDBDatabase.prototype.transaction;
  let closed = false;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    if (!closed) {
      closed = true;
      // fake-indexeddb's types ask for the class where it takes a connection.
      forceCloseDatabase(this as unknown as Parameters<typeof forceCloseDatabase>[0]);
    }
    return transaction.apply(this, args);
  });
}

const failures: [string, () => void, RegExp][] = [
  ['a read that throws "Failed to read the record."', readsThrow(new DOMException(FAILED_READ, 'UnknownError')), /UnknownError: Failed to read the record\./],
  ['a read that throws QuotaExceededError', readsThrow(new DOMException('The quota has been exceeded.', 'QuotaExceededError')), /QuotaExceededError/],
  ['an aborted transaction', readsAbort, /AbortError/],
  ['a connection the browser closed', connectionClosedByBrowser, /InvalidStateError/],
];

/** Everything a user can get out of the store, through the store and through the lookups. */
async function everything(store: FactStore): Promise<unknown> {
  const ids = entities.map((entry) => entry.id);
  return {
    entities: await Promise.all(ids.map((id) => store.entity(id))),
    missing: await store.entity('no-such-entity'),
    factsAbout: await Promise.all(ids.map((id) => store.factsAbout(id))),
    allEntities: await store.allEntities(),
    allFacts: await store.allFacts(),
    cards: await Promise.all(ids.map((id) => entityCard(store, id))),
    timeline: await timeline(store),
    search: await Promise.all(['Security Council', 'sanctions', 'Heusgen', '2019'].map((query) => search(store, query))),
  };
}

async function openOnIndexedDb(onClosed: () => void = noop): Promise<FactStore> {
  const store = await openFactStore(pack, onClosed);
  expect(store.mode).toBe('indexeddb');
  return store;
}

describe('openFactStore: a read that fails after a successful open', () => {
  it.each(failures)('answers from memory, exactly what the database answered: %s', async (_name, fail, reason) => {
    const store = await openOnIndexedDb();
    const fromDatabase = await everything(store);
    const northKorea = await store.entity('north-korea');
    fail();

    // The lookup whose read failed is itself answered.
    expect(await store.entity('north-korea')).toEqual(northKorea);
    expect(store.mode).toBe('memory');
    expect(store.problem).toMatch(reason);
    expect(await everything(store)).toEqual(fromDatabase);
  });

  it('reports memory with the reason, in the very words of a failed open', async () => {
    const error = new DOMException(FAILED_READ, 'UnknownError');
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw error;
    });
    const failedOpen = await openFactStore(pack, noop);
    vi.restoreAllMocks();

    const store = await openOnIndexedDb();
    expect(store.problem).toBeUndefined();
    readsThrow(error)();
    await store.factsAbout('north-korea');
    expect({ mode: store.mode, problem: store.problem }).toEqual({ mode: 'memory', problem: failedOpen.problem });
    expect(store.problem).toBe(`Facts are served from memory because the browser's database could not be used (UnknownError: ${FAILED_READ}).`);
  });

  it('stays on memory: later lookups never touch the database, even once it works again, and its connection is closed', async () => {
    const store = await openOnIndexedDb();
    const fromDatabase = await everything(store);
    const close = vi.spyOn(IDBDatabase.prototype, 'close');
    readsThrow(new DOMException(FAILED_READ, 'UnknownError'))();
    await store.allFacts();
    expect(close).toHaveBeenCalledTimes(1);

    vi.restoreAllMocks();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await everything(store)).toEqual(fromDatabase);
    expect(transaction).not.toHaveBeenCalled();
    expect(store.mode).toBe('memory');
  });

  it('answers every lookup in flight when the reads fail, and keeps the first reason', async () => {
    const store = await openOnIndexedDb();
    const ids = entities.map((entry) => entry.id);
    const cards = await Promise.all(ids.map((id) => entityCard(store, id)));
    const close = vi.spyOn(IDBDatabase.prototype, 'close');
    let failures = 0;
    replaceReads(() => {
      failures++;
      throw new DOMException(`${FAILED_READ} (${failures})`, 'UnknownError');
    });
    expect(await Promise.all(ids.map((id) => entityCard(store, id)))).toEqual(cards);
    expect(failures).toBeGreaterThan(1);
    expect(store.problem).toMatch(/\(UnknownError: Failed to read the record\. \(1\)\)/);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('does not call onClosed for a failed read: the memory store is kept, not reopened', async () => {
    const onClosed = vi.fn();
    const store = await openOnIndexedDb(onClosed);
    readsThrow(new DOMException(FAILED_READ, 'UnknownError'))();
    await store.entity('north-korea');
    expect(store.mode).toBe('memory');
    expect(onClosed).not.toHaveBeenCalled();
  });

  it('calls onClosed when the browser closed the connection, so the next request opens the database anew', async () => {
    const onClosed = vi.fn();
    const store = await openOnIndexedDb(onClosed);
    connectionClosedByBrowser();
    expect((await store.entity('north-korea'))?.id).toBe('north-korea');
    expect(onClosed).toHaveBeenCalledTimes(1);
  });

  it('a fresh start opens the database again and reads from it, without seeding again', async () => {
    const failed = await openOnIndexedDb();
    const fromDatabase = await everything(failed);
    readsThrow(new DOMException(FAILED_READ, 'UnknownError'))();
    await failed.entity('north-korea');
    expect(failed.mode).toBe('memory');

    vi.restoreAllMocks();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const store = await openOnIndexedDb();
    expect(store.problem).toBeUndefined();
    expect(await everything(store)).toEqual(fromDatabase);
    expect(store.mode).toBe('indexeddb');
    expect(put).not.toHaveBeenCalled();
  });
});

describe('background: a read that fails after a successful open', () => {
  const lookUp = async (entityId: string) => (await sendRequest({ type: 'lookup-entity', entityId }, EntityLookupSchema)).card;
  const status = () => sendRequest({ type: 'storage-status' }, StorageStatusSchema);

  it('answers every card from memory and says so in storage-status; lookups within the minute leave the database alone', async () => {
    background.main();
    const northKorea = await lookUp('north-korea');
    const heusgen = await lookUp('christoph-heusgen');
    expect(northKorea?.facts.length).toBeGreaterThan(0);
    expect(await status()).toEqual({ mode: 'indexeddb' });

    readsThrow(new DOMException(FAILED_READ, 'UnknownError'))();
    expect(await lookUp('north-korea')).toEqual(northKorea);
    expect(await lookUp('christoph-heusgen')).toEqual(heusgen);
    expect(await status()).toEqual({
      mode: 'memory',
      problem: `Facts are served from memory because the browser's database could not be used (UnknownError: ${FAILED_READ}).`,
    });

    vi.restoreAllMocks();
    const open = vi.spyOn(globalThis.indexedDB, 'open');
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await lookUp('north-korea')).toEqual(northKorea);
    expect((await status()).mode).toBe('memory');
    expect(open).not.toHaveBeenCalled();
    expect(transaction).not.toHaveBeenCalled();
  });

  it('a new worker start opens the database again', async () => {
    background.main();
    const northKorea = await lookUp('north-korea');
    readsThrow(new DOMException(FAILED_READ, 'UnknownError'))();
    await lookUp('north-korea');
    expect((await status()).mode).toBe('memory');

    // The worker stops and starts again: a fresh background, the same profile.
    vi.restoreAllMocks();
    fakeBrowser.reset();
    background.main();
    const transaction: Mock = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await lookUp('north-korea')).toEqual(northKorea);
    expect(transaction).toHaveBeenCalled();
    expect(await status()).toEqual({ mode: 'indexeddb' });
  });

  it('answers the lookup under way when the browser closes the connection, then opens the database anew', async () => {
    background.main();
    const northKorea = await lookUp('north-korea');
    connectionClosedByBrowser();
    expect(await lookUp('north-korea')).toEqual(northKorea);

    // The close event comes once the connection's last transaction has finished; the first
    // request after it opens the database anew.
    vi.restoreAllMocks();
    await vi.waitFor(async () => expect(await status()).toEqual({ mode: 'indexeddb' }));
    expect(await lookUp('north-korea')).toEqual(northKorea);
  });
});
