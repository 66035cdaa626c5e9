/**
 * The real facts pack and the two stores the lookup tests read it from
 * (memory and IndexedDB), for the tests of cards and of search alike.
 */
import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import { expect } from 'vitest';
import { type BundledPack, type FactStore, memoryStore, openFactStore } from '../../../entrypoints/background/fact-store';

export const pack: BundledPack = { entities, facts, dataVersion };

/** An empty IndexedDB for the next test (run before each). */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/** A store in IndexedDB (fake-indexeddb here), checked to be one. */
export async function indexedDbStore(): Promise<FactStore> {
  const store = await openFactStore(pack, () => undefined);
  expect(store.mode).toBe('indexeddb');
  return store;
}

/** The stores to run each lookup test on, by name. */
export const kinds: [string, () => Promise<FactStore>][] = [
  ['memory', async () => memoryStore(pack, 'test')],
  ['IndexedDB', indexedDbStore],
];
