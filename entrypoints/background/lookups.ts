/**
 * Answers to lookups, shaped for the card and the popup: an entity with its
 * facts and related entities, the timeline. The search is in search.ts.
 */
import type { EntityCard, FactView } from '../../utils/protocol';
import type { FactStore } from './fact-store';
import { byDate, cardOf, refsById, viewOf } from './fact-views';

/** The card of one entity, or null when there is no such entity. */
export async function entityCard(store: FactStore, entityId: string): Promise<EntityCard | null> {
  const entity = await store.entity(entityId);
  if (!entity) return null;
  const [facts, refs] = await Promise.all([store.factsAbout(entityId), refsById(store)]);
  return cardOf(entity, facts, refs);
}

/** Every dated fact, earliest first. */
export async function timeline(store: FactStore): Promise<FactView[]> {
  const [facts, refs] = await Promise.all([store.allFacts(), refsById(store)]);
  return facts
    .filter((fact) => fact.date !== undefined)
    .sort(byDate)
    .map((fact) => viewOf(fact, refs));
}
