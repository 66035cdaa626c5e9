/**
 * The IndexedDB cache of the facts pack (background only: a content script's
 * IndexedDB would be the page's). One readwrite transaction seeds a data
 * version, so a worker stopped mid-seed leaves the previous state, never half.
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { Entity, Fact } from '../../data/schema';
import { foldText } from '../../utils/matcher/fold';

export const DB_NAME = 'peninsula-lens';
export const DB_VERSION = 2;
const SEED_KEY = 'seed';

/** An entity as stored: with its aliases folded for the by-alias index. */
export type StoredEntity = Entity & { aliasKeys: string[] };

type SeedRecord = { key: typeof SEED_KEY; dataVersion: string; seededAt: number };

export interface FactsDb extends DBSchema {
  entities: { key: string; value: StoredEntity; indexes: { 'by-alias': string } };
  facts: { key: string; value: Fact; indexes: { 'by-entity': string; 'by-date': string } };
  meta: { key: string; value: SeedRecord };
}

/** Who closed a connection under us: a newer version of the extension that wants the database, or the browser. */
export type ClosedBy = 'newer-version' | 'browser';

export type OpenOptions = {
  /** An open that has not settled by then is given up, so no lookup waits on it forever. */
  timeoutMs: number;
  /** Called when the connection closes under us (another version, a deleted profile, a crash). */
  onClosed: (by: ClosedBy) => void;
};

/** Opens (and upgrades) the database, or rejects with a reason a reader can understand. */
export function openFactsDb({ timeoutMs, onClosed }: OpenOptions): Promise<IDBPDatabase<FactsDb>> {
  const opening = openDB<FactsDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('entities', { keyPath: 'id' });
        db.createObjectStore('facts', { keyPath: 'id' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        tx.objectStore('entities').createIndex('by-alias', 'aliasKeys', { multiEntry: true });
        tx.objectStore('facts').createIndex('by-entity', 'entities', { multiEntry: true });
        tx.objectStore('facts').createIndex('by-date', 'date');
        // Version 1 stored entities without alias keys: force a fresh seed.
        void tx.objectStore('meta').delete(SEED_KEY);
      }
    },
    blocked() {
      // A connection to the older version (an old background still shutting down) has not closed yet; the timeout below bounds the wait.
      console.warn('Peninsula Lens: the facts cache is waiting for an older connection to close.');
    },
    blocking(_current, _blocked, event) {
      // A newer version wants to open: step aside so it can.
      (event.target as IDBDatabase).close();
      onClosed('newer-version');
    },
    terminated: () => onClosed('browser'),
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new Error(`IndexedDB did not open within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  // A late success after giving up must not leave a connection open.
  opening.then(
    (db) => gaveUp && db.close(),
    () => undefined,
  );
  return Promise.race([opening, timeout]).finally(() => clearTimeout(timer));
}

/** The stores this version keeps: a later version's database with others in it holds more than a copy of the facts. */
const OWN_STORES = new Set(['entities', 'facts', 'meta']);

/**
 * Deletes the database, as when it was left by a later version of the
 * extension (a downgrade): this version cannot open it, and it holds nothing
 * but a copy of the bundled facts. Looked into first, at whatever version it
 * is: one with a store this version does not know is left alone (rejects), as
 * that later version may keep there what is not a copy. Rejects like an open
 * that does not settle in time, when other connections (another version's
 * worker) hold it open.
 */
export function deleteFactsDb(timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when the caller has stopped waiting: nothing is deleted after that (it may be a later version's by then). */
  let gaveUp = false;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      gaveUp = true;
      reject(new Error(`IndexedDB did not delete an unreadable database within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const deleting = (async () => {
    // With no version, an open takes the database as it is, whichever version wrote it.
    const existing = await openDB(DB_NAME);
    const stores = [...existing.objectStoreNames];
    existing.close();
    if (gaveUp) return;
    const unknown = stores.filter((name) => !OWN_STORES.has(name));
    if (unknown.length > 0) throw new Error(`a later version keeps more than the facts there (${unknown.slice(0, 3).join(', ')}), so it is left alone`);
    await deleteDB(DB_NAME);
  })();
  return Promise.race([deleting, timeout]).finally(() => clearTimeout(timer));
}

/** Every stored record, read in one transaction, for checking that the cache holds the pack. */
export async function allRecords(db: IDBPDatabase<FactsDb>): Promise<{ entities: unknown[]; facts: unknown[] }> {
  const tx = db.transaction(['entities', 'facts'], 'readonly');
  const [entities, facts] = await Promise.all([tx.objectStore('entities').getAll(), tx.objectStore('facts').getAll(), tx.done]);
  return { entities, facts };
}

/** Forgets that the database was seeded, so the next open seeds it afresh; resolves once that is written. */
export async function unseed(db: IDBPDatabase<FactsDb>): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([tx.store.delete(SEED_KEY), tx.done]);
}

/** True when the database already holds this data version, completely. */
export async function isSeeded(db: IDBPDatabase<FactsDb>, dataVersion: string): Promise<boolean> {
  const record = await db.get('meta', SEED_KEY);
  return record?.dataVersion === dataVersion;
}

/**
 * Replaces the cached pack with the bundled one in a single transaction. The
 * seed record is written in the same transaction, so it exists only if every
 * record does.
 */
export async function seed(db: IDBPDatabase<FactsDb>, pack: { entities: Entity[]; facts: Fact[] }, dataVersion: string): Promise<void> {
  const tx = db.transaction(['entities', 'facts', 'meta'], 'readwrite');
  const entities = tx.objectStore('entities');
  const facts = tx.objectStore('facts');
  // No await until every request is queued: an await would let the transaction commit early.
  const requests: Promise<unknown>[] = [];
  try {
    requests.push(entities.clear(), facts.clear());
    for (const entity of pack.entities) requests.push(entities.put({ ...entity, aliasKeys: entity.aliases.map((alias) => foldText(alias.text, true)) }));
    for (const fact of pack.facts) requests.push(facts.put(fact));
    requests.push(tx.objectStore('meta').put({ key: SEED_KEY, dataVersion, seededAt: Date.now() }));
  } catch (error) {
    // A record the store refuses (no key, not cloneable) throws at once, and the requests queued
    // so far would commit without the seed record: abort, so the previous state stays whole.
    for (const request of [...requests, tx.done]) request.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted.
    }
    throw error;
  }
  await Promise.all([...requests, tx.done]);
}
