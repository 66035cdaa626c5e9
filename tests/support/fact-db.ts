/**
 * The facts cache as tests look at it (fake-indexeddb): connections of their
 * own beside the store's, what the cache holds, and a version 1 database
 * made by hand.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { DB_NAME, type FactsDb } from '../../entrypoints/background/db';

/** A separate connection to look at what the cache holds; closed after use. */
export async function inspect<T>(look: (db: IDBPDatabase<FactsDb>) => Promise<T>): Promise<T> {
  const db = await openDB<FactsDb>(DB_NAME);
  try {
    return await look(db);
  } finally {
    db.close();
  }
}

export function contents(): Promise<{ entityIds: string[]; factIds: string[]; seed: { dataVersion: string; seededAt: number } | undefined }> {
  return inspect(async (db) => ({
    entityIds: (await db.getAllKeys('entities')).sort(),
    factIds: (await db.getAllKeys('facts')).sort(),
    seed: await db.get('meta', 'seed'),
  }));
}

/** Creates the version 1 database by hand: three stores, no indexes. */
export function createVersion1(records: { entities: object[]; facts: object[]; seed?: object }): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const entityStore = db.createObjectStore('entities', { keyPath: 'id' });
      const factStore = db.createObjectStore('facts', { keyPath: 'id' });
      const metaStore = db.createObjectStore('meta', { keyPath: 'key' });
      for (const record of records.entities) entityStore.put(record);
      for (const record of records.facts) factStore.put(record);
      if (records.seed) metaStore.put(records.seed);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
