/**
 * Where lookups read facts: the IndexedDB cache when it opens and seeds, the
 * bundled pack in memory when it cannot (Firefox private windows, a full disk,
 * a corrupt profile) or when a read from it fails later (an aborted
 * transaction, a connection closed under us, a quota or unknown error). Either
 * way every lookup answers, with the same facts.
 */
import type { IDBPDatabase } from 'idb';
import type { Entity, Fact } from '../../data/schema';
import { allRecords, type ClosedBy, deleteFactsDb, type FactsDb, isSeeded, openFactsDb, seed, unseed } from './db';
import { DamagedRecordError, entityOf, factOf, holdsPack } from './stored-records';

export type FactStore = {
  mode: 'indexeddb' | 'memory';
  /** Why facts come from memory, for the popup to say. */
  problem?: string;
  /** When facts started to come from memory (Date.now()), so the database can be tried again a while later. */
  memorySince?: number;
  entity(id: string): Promise<Entity | undefined>;
  factsAbout(entityId: string): Promise<Fact[]>;
  allEntities(): Promise<Entity[]>;
  allFacts(): Promise<Fact[]>;
};

export type BundledPack = { entities: Entity[]; facts: Fact[]; dataVersion: string };

const OPEN_TIMEOUT_MS = 3000;

/** Puts records back in the pack's order (the article's): IndexedDB returns them in key order. */
function inPackOrder<T extends { id: string }>(records: T[], order: ReadonlyMap<string, number>): T[] {
  const position = (record: T): number => order.get(record.id) ?? Number.MAX_SAFE_INTEGER;
  return records.sort((a, b) => position(a) - position(b));
}

function indexedDbStore(db: IDBPDatabase<FactsDb>, pack: BundledPack): FactStore {
  const entityOrder = new Map(pack.entities.map((entity, index) => [entity.id, index]));
  const factOrder = new Map(pack.facts.map((fact, index) => [fact.id, index]));
  // One transaction per read. A failed read rejects through its request; the transaction's
  // `done`, which nothing else awaits, must not also turn up as an unhandled rejection.
  const reading = <Name extends 'entities' | 'facts'>(name: Name) => {
    const tx = db.transaction(name, 'readonly');
    tx.done.catch(() => undefined);
    return tx.store;
  };
  return {
    mode: 'indexeddb',
    // Every record is checked as it is read (stored-records.ts): a damaged one throws, and the store falls back to memory.
    entity: async (id) => {
      const stored = await reading('entities').get(id);
      return stored && entityOf(stored);
    },
    factsAbout: async (entityId) => inPackOrder((await reading('facts').index('by-entity').getAll(entityId)).map(factOf), factOrder),
    allEntities: async () => inPackOrder((await reading('entities').getAll()).map(entityOf), entityOrder),
    allFacts: async () => inPackOrder((await reading('facts').getAll()).map(factOf), factOrder),
  };
}

/** Serves the bundled pack itself; used when IndexedDB cannot be. */
export function memoryStore(pack: BundledPack, problem: string): FactStore {
  const byId = new Map(pack.entities.map((entity) => [entity.id, entity]));
  return {
    mode: 'memory',
    problem,
    memorySince: Date.now(),
    entity: async (id) => byId.get(id),
    factsAbout: async (entityId) => pack.facts.filter((fact) => fact.entities.includes(entityId)),
    allEntities: async () => pack.entities,
    allFacts: async () => pack.facts,
  };
}

function describe(error: unknown): string {
  const reason = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return `Facts are served from memory because the browser's database could not be used (${reason}).`;
}

/** The one way into memory mode, whether the database failed to open, to seed or to read. */
function memoryFallback(pack: BundledPack, error: unknown): FactStore {
  return memoryStore(pack, describe(error));
}

/**
 * Reads from the open database until one read fails; from then on, that
 * lookup and every later one are answered from the bundled pack, the data the
 * database was seeded from, and the store says memory and why. The connection
 * is closed, so later lookups never touch a broken database; the next open
 * (the background's next try, or the next worker start) opens it anew. A
 * damaged record also unseeds the database, so that next open seeds it again
 * rather than find the seed record whole and serve the damage once more.
 */
function fallingBackToMemory(db: IDBPDatabase<FactsDb>, pack: BundledPack): FactStore {
  let current = indexedDbStore(db, pack);
  let forgetting: Promise<void> = Promise.resolve();
  const fallBack = async (error: unknown): Promise<FactStore> => {
    // Lookups in flight may fail after the first did: the first reason stays.
    if (current.mode === 'indexeddb') {
      current = memoryFallback(pack, error);
      // Queued before the close, which waits for it; if it fails, the next open finds the damage and seeds anyway.
      if (error instanceof DamagedRecordError) forgetting = unseed(db).catch(() => undefined);
      db.close();
    }
    // Answered once the seed record is gone, so a worker stopped right after still reseeds at its next start.
    await forgetting;
    return current;
  };
  const read =
    <A extends unknown[], R>(lookup: (store: FactStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const store = current;
      try {
        return await lookup(store, ...args);
      } catch (error) {
        if (store.mode === 'memory') throw error;
        return lookup(await fallBack(error), ...args);
      }
    };
  return {
    get mode() {
      return current.mode;
    },
    get problem() {
      return current.problem;
    },
    get memorySince() {
      return current.memorySince;
    },
    entity: read((store, id: string) => store.entity(id)),
    factsAbout: read((store, entityId: string) => store.factsAbout(entityId)),
    allEntities: read((store) => store.allEntities()),
    allFacts: read((store) => store.allFacts()),
  };
}

export type OpenFactStoreOptions = {
  /**
   * Leave a newer version's database alone: set once a newer version of the
   * extension took the database over while this worker still runs (an update
   * under way), as deleting it would only make the two take it in turns.
   */
  keepNewerDatabase?: boolean;
};

/**
 * Opens the database; one left by a later version of the extension, which
 * this one cannot open (a VersionError), is deleted and created afresh: it
 * holds only a copy of the bundled facts, and would otherwise refuse every
 * open for good (a downgrade).
 */
async function openCache(onClosed: (by: ClosedBy) => void, { keepNewerDatabase = false }: OpenFactStoreOptions): Promise<IDBPDatabase<FactsDb>> {
  try {
    return await openFactsDb({ timeoutMs: OPEN_TIMEOUT_MS, onClosed });
  } catch (error) {
    if (keepNewerDatabase || !(error instanceof Error && error.name === 'VersionError')) throw error;
    await deleteFactsDb(OPEN_TIMEOUT_MS);
    return openFactsDb({ timeoutMs: OPEN_TIMEOUT_MS, onClosed });
  }
}

/** True when the database holds this data version, whole and readable: else it is seeded again. */
async function holdsCurrentPack(db: IDBPDatabase<FactsDb>, pack: BundledPack): Promise<boolean> {
  return (await isSeeded(db, pack.dataVersion)) && holdsPack(await allRecords(db), pack);
}

/**
 * Opens the cache and seeds it when the bundled data is new, or when what it
 * holds does not read as the pack. Resolves to a store in every case; never
 * rejects. A store that starts on IndexedDB moves to memory when a read fails
 * (see fallingBackToMemory); store-keeper.ts opens a new one a while after a
 * store went to memory.
 */
export async function openFactStore(pack: BundledPack, onClosed: (by: ClosedBy) => void, options: OpenFactStoreOptions = {}): Promise<FactStore> {
  try {
    const db = await openCache(onClosed, options);
    try {
      if (!(await holdsCurrentPack(db, pack))) await seed(db, pack, pack.dataVersion);
    } catch (error) {
      db.close();
      throw error;
    }
    return fallingBackToMemory(db, pack);
  } catch (error) {
    return memoryFallback(pack, error);
  }
}
