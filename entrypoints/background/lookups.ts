/**
 * Answers to lookups, shaped for the card and the popup: an entity with its
 * facts and related entities, a search, the timeline.
 */
import MiniSearch from 'minisearch';
import type { Entity, Fact } from '../../data/schema';
import { foldText } from '../../utils/matcher/fold';
import type { EntityCard, FactView, SearchHit } from '../../utils/protocol';
import type { FactStore } from './fact-store';

type EntityRef = EntityCard['related'][number];

function refOf(entity: Entity): EntityRef {
  return { id: entity.id, name: entity.name, kind: entity.kind };
}

function refsOf(entities: readonly Entity[]): Map<string, EntityRef> {
  return new Map(entities.map((entity) => [entity.id, refOf(entity)]));
}

async function refsById(store: FactStore): Promise<Map<string, EntityRef>> {
  return refsOf(await store.allEntities());
}

function viewOf(fact: Fact, refs: Map<string, EntityRef>): FactView {
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

/** Orders facts by date, undated last, keeping the article's order among equals. */
function byDate(a: Fact, b: Fact): number {
  return (a.date ?? '9999').localeCompare(b.date ?? '9999');
}

/** The card of one entity, or null when there is no such entity. */
export async function entityCard(store: FactStore, entityId: string): Promise<EntityCard | null> {
  const entity = await store.entity(entityId);
  if (!entity) return null;
  const [facts, refs] = await Promise.all([store.factsAbout(entityId), refsById(store)]);
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    facts: facts.sort(byDate).map((fact) => viewOf(fact, refs)),
    related: entity.related.flatMap((id) => refs.get(id) ?? []),
  };
}

/** Every dated fact, earliest first. */
export async function timeline(store: FactStore): Promise<FactView[]> {
  const [facts, refs] = await Promise.all([store.allFacts(), refsById(store)]);
  return facts
    .filter((fact) => fact.date !== undefined)
    .sort(byDate)
    .map((fact) => viewOf(fact, refs));
}

type SearchDocument = { id: string; entityId: string; factId?: string; description?: string; name: string; text: string };

/**
 * Typos are forgiven in words only: a number one edit away is another number,
 * so "2019" fuzzily would also find 2014 to 2018. Numbers still match as
 * prefixes, so "201" while typing finds the decade.
 */
const WORD_FUZZINESS = 0.2;
const hasLetter = /\p{L}/u;
const fuzzinessOf = (term: string): number | false => (hasLetter.test(term) ? WORD_FUZZINESS : false);
const indexes = new WeakMap<FactStore, Promise<MiniSearch<SearchDocument>>>();

async function buildIndex(store: FactStore): Promise<MiniSearch<SearchDocument>> {
  const [entities, facts] = await Promise.all([store.allEntities(), store.allFacts()]);
  const index = new MiniSearch<SearchDocument>({
    fields: ['name', 'text'],
    storeFields: ['entityId', 'factId', 'description'],
    searchOptions: { boost: { name: 3 }, prefix: true, fuzzy: fuzzinessOf, combineWith: 'AND' },
  });
  index.addAll([
    ...entities.map((entity) => ({
      id: `entity:${entity.id}`,
      entityId: entity.id,
      name: [entity.name, ...entity.aliases.map((alias) => alias.text)].join(' '),
      text: entity.description,
      description: entity.description,
    })),
    ...facts.flatMap((fact) =>
      fact.entities.slice(0, 1).map((entityId) => ({
        id: `fact:${fact.id}`,
        entityId,
        factId: fact.id,
        name: '',
        text: [fact.claim, ...fact.quotes].join(' '),
      })),
    ),
  ]);
  return index;
}

/** The entities called what was typed, by their name or one of their aliases, compared as the matcher compares them. */
function entitiesNamed(entities: readonly Entity[], query: string): Set<string> {
  const typed = foldText(query.trim(), true);
  const called = (entity: Entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)].some((name) => foldText(name, true) === typed);
  return new Set(entities.filter(called).map((entity) => entity.id));
}

/** Entities and facts that match a free-text query, best first. */
export async function search(store: FactStore, query: string): Promise<SearchHit[]> {
  if (query.trim() === '') return [];
  let index = indexes.get(store);
  if (!index) {
    index = buildIndex(store);
    indexes.set(store, index);
  }
  const [results, refs, facts, named] = await Promise.all([index, store.allFacts(), store.allEntities()]).then(
    ([built, allFacts, entities]) =>
      [built.search(query), refsOf(entities), new Map(allFacts.map((fact) => [fact.id, fact])), entitiesNamed(entities, query)] as const,
  );
  // The entity called what was typed comes first. The index ranks a match in a short name higher, so North
  // Korea, whose name field holds its aliases in eight languages, came after "North Korea's prison camps".
  const isNamed = (result: (typeof results)[number]) => result.factId === undefined && named.has(String(result.entityId));
  results.sort((a, b) => Number(isNamed(b)) - Number(isNamed(a)));
  // Every hit: a common word matches a few dozen of the article's facts and names, and the popup says how many.
  return results.flatMap((result): SearchHit[] => {
    const entity = refs.get(String(result.entityId));
    if (!entity) return [];
    const fact = typeof result.factId === 'string' ? facts.get(result.factId) : undefined;
    if (fact) return [{ entity, fact: viewOf(fact, refs) }];
    return [{ entity, ...(typeof result.description === 'string' ? { description: result.description } : {}) }];
  });
}
