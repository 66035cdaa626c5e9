/**
 * Records as read back from the IndexedDB cache, checked against the pack's
 * schemas before any lookup uses them. The cache lives in the browser's
 * profile, where a disk error, a crash mid-write or a hand edit in the
 * developer tools can change a record; the code that builds cards trusts
 * these types, so a changed record would otherwise fail deep inside a lookup
 * ("Cannot read properties of undefined") instead of falling back to memory.
 * Checking about a hundred small records costs well under a millisecond.
 */
import * as v from 'valibot';
import { type Entity, EntitySchema, type Fact, FactSchema } from '../../data/schema';

/** An entity as stored, with the folded aliases of the by-alias index. */
const StoredEntitySchema = v.strictObject({ ...EntitySchema.entries, aliasKeys: v.array(v.string()) });

/** A record in the cache that does not read as the pack wrote it: the cache must be seeded again. */
export class DamagedRecordError extends Error {
  constructor(kind: 'entity' | 'fact', record: unknown) {
    const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
    const which = typeof id === 'string' && id.length <= 100 ? ` "${id}"` : '';
    // Named as a plain Error: its message is the reader's (fact-store.ts prints other names before it).
    super(`its copy of the ${kind}${which} is damaged; it is rebuilt from the facts that come with the extension`);
  }
}

/** The entity a stored record holds, without its alias keys; throws DamagedRecordError when it does not read. */
export function entityOf(record: unknown): Entity {
  if (!v.is(StoredEntitySchema, record)) throw new DamagedRecordError('entity', record);
  const { aliasKeys: _aliasKeys, ...entity } = record;
  return entity;
}

/** The fact a stored record holds; throws DamagedRecordError when it does not read. */
export function factOf(record: unknown): Fact {
  if (!v.is(FactSchema, record)) throw new DamagedRecordError('fact', record);
  return record;
}

/**
 * True when the cache holds the pack's records, every one readable, and no
 * others. Checked once when the worker opens the cache: a fact whose list of
 * entities was lost is missing from the index a card reads its facts through,
 * so checking records as lookups read them would never find it.
 */
export function holdsPack(records: { entities: unknown[]; facts: unknown[] }, pack: { entities: Entity[]; facts: Fact[] }): boolean {
  const sameIds = (read: { id: string }[], bundled: { id: string }[]): boolean => {
    const ids = new Set(bundled.map((record) => record.id));
    return read.length === ids.size && read.every((record) => ids.has(record.id));
  };
  try {
    return sameIds(records.entities.map(entityOf), pack.entities) && sameIds(records.facts.map(factOf), pack.facts);
  } catch (error) {
    if (error instanceof DamagedRecordError) return false;
    throw error;
  }
}
