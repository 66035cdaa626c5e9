/**
 * Facts and entities as the card and the popup show them: references by
 * name, facts in date order, an entity's card.
 */
import type { Entity, Fact } from '../../data/schema';
import type { EntityCard, FactView } from '../../utils/protocol';
import type { FactStore } from './fact-store';

export type EntityRef = EntityCard['related'][number];

export function refOf(entity: Entity): EntityRef {
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

export function refsOf(entities: readonly Entity[]): Map<string, EntityRef> {
  return new Map(entities.map((entity) => [entity.id, refOf(entity)]));
}

export async function refsById(store: FactStore): Promise<Map<string, EntityRef>> {
  return refsOf(await store.allEntities());
}

export function viewOf(fact: Fact, refs: Map<string, EntityRef>): FactView {
  const attributedTo = fact.attributedTo === undefined ? undefined : refs.get(fact.attributedTo);
  return {
    id: fact.id,
    claim: fact.claim,
    quotes: fact.quotes,
    ...(fact.date === undefined ? {} : { date: fact.date }),
    ...(fact.dateEnd === undefined ? {} : { dateEnd: fact.dateEnd }),
    ...(attributedTo === undefined ? {} : { attributedTo }),
  };
}

/**
 * Put after a date, sorts it after every date inside it: an ISO date goes on with "-" where a less precise
 * one ends, and this is higher than any character.
 */
const AFTER_INSIDE = '\uffff';

/**
 * Orders facts by when they start, a year or a month after the months and days inside it ("2019" after
 * February 2019, "December 2020" after 11 December, "2017–2018" after December 2017), then by when they
 * end; undated last, the article's order among equals.
 */
export function byDate(a: Fact, b: Fact): number {
  const start = (fact: Fact) => (fact.date === undefined ? AFTER_INSIDE : fact.date + AFTER_INSIDE);
  const end = (fact: Fact) => (fact.date === undefined ? AFTER_INSIDE : (fact.dateEnd ?? fact.date) + AFTER_INSIDE);
  return compareCodes(start(a), start(b)) || compareCodes(end(a), end(b));
}

/** Compares by code units (dates are ASCII; the end marker is the highest unit), not by a locale's collation. */
function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The card of an entity from its facts (in the pack's order, as the store gives them) and every entity's reference. */
export function cardOf(entity: Entity, facts: readonly Fact[], refs: Map<string, EntityRef>): EntityCard {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    facts: [...facts].sort(byDate).map((fact) => viewOf(fact, refs)),
    related: entity.related.flatMap((id) => refs.get(id) ?? []),
  };
}
