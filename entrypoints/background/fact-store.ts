/**
 * Where lookups read facts: the IndexedDB cache when it opens and seeds, the
 * bundled pack in memory when it cannot (Firefox private windows, a full disk,
 * a corrupt profile). Either way every lookup answers.
 */
import type { IDBPDatabase } from 'idb';
import type { Entity, Fact } from '../../data/schema';
import { type FactsDb, isSeeded, openFactsDb, seed } from './db';

export type FactStore = {
  mode: 'indexeddb' | 'memory';
  /** Why facts come from memory, for the popup to say. */
  problem?: string;
  entity(id: string): Promise<Entity | undefined>;
  factsAbout(entityId: string): Promise<Fact[]>;
  allEntities(): Promise<Entity[]>;
  allFacts(): Promise<Fact[]>;
};

export type BundledPack = { entities: Entity[]; facts: Fact[]; dataVersion: string };

const OPEN_TIMEOUT_MS = 3000;

function withoutAliasKeys({ aliasKeys: _aliasKeys, ...entity }: Entity & { aliasKeys?: string[] }): Entity {
  return entity;
}

/** Puts records back in the pack's order (the article's): IndexedDB returns them in key order. */
function inPackOrder<T extends { id: string }>(records: T[], order: ReadonlyMap<string, number>): T[] {
  const position = (record: T): number => order.get(record.id) ?? Number.MAX_SAFE_INTEGER;
  return records.sort((a, b) => position(a) - position(b));
}

function indexedDbStore(db: IDBPDatabase<FactsDb>, pack: BundledPack): FactStore {
  const entityOrder = new Map(pack.entities.map((entity, index) => [entity.id, index]));
  const factOrder = new Map(pack.facts.map((fact, index) => [fact.id, index]));
  return {
    mode: 'indexeddb',
    entity: async (id) => {
      const stored = await db.get('entities', id);
      return stored && withoutAliasKeys(stored);
    },
    factsAbout: async (entityId) => inPackOrder(await db.getAllFromIndex('facts', 'by-entity', entityId), factOrder),
    allEntities: async () => inPackOrder((await db.getAll('entities')).map(withoutAliasKeys), entityOrder),
    allFacts: async () => inPackOrder(await db.getAll('facts'), factOrder),
  };
}

/** Serves the bundled pack itself; used when IndexedDB cannot be. */
export function memoryStore(pack: BundledPack, problem: string): FactStore {
  const byId = new Map(pack.entities.map((entity) => [entity.id, entity]));
  return {
    mode: 'memory',
    problem,
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

/**
 * Opens the cache and seeds it when the bundled data is new. Resolves to a
 * store in every case; never rejects.
 */
export async function openFactStore(pack: BundledPack, onClosed: () => void): Promise<FactStore> {
  try {
    const db = await openFactsDb({ timeoutMs: OPEN_TIMEOUT_MS, onClosed });
    try {
      if (!(await isSeeded(db, pack.dataVersion))) await seed(db, pack, pack.dataVersion);
    } catch (error) {
      db.close();
      throw error;
    }
    return indexedDbStore(db, pack);
  } catch (error) {
    return memoryStore(pack, describe(error));
  }
}
