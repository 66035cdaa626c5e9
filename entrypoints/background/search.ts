/**
 * The popup's search over the facts and names: a MiniSearch index built once
 * a store, with the entities called what was typed, and the names typed
 * together, first.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Entity, Fact } from '../../data/schema';
import { foldText } from '../../utils/matcher/fold';
import type { SearchAnswer, SearchHit } from '../../utils/protocol';
import type { FactStore } from './fact-store';
import { byDate, cardOf, type EntityRef, refOf, refsOf, viewOf } from './fact-views';
import { isNameSwapped, isPrefix, nameForIndex, nameOf, namesTyped, termOf, WRITTEN_WITHOUT_SPACES, withMonthsWritten, wordsOf } from './search-terms';
import { type NamesInside, nameKeys, namesBegunFirst, namesInside } from './typed-names';

type SearchDocument = { id: string; entityId: string; factId?: string; description?: string; name: string; text: string };

/**
 * Typos are forgiven in words only: a number one edit away is another number,
 * so "2019" fuzzily would also find 2014 to 2018. Numbers still match as
 * prefixes, so "201" while typing finds the decade. Nor in short words: one
 * edit makes "NYT" "not" and "КНДР" "КНР".
 */
const WORD_FUZZINESS = 0.2;
const FUZZY_FROM_LETTERS = 5;
const hasLetter = /\p{L}/u;
const fuzzinessOf = (term: string): number | false => (hasLetter.test(term) && [...term].length >= FUZZY_FROM_LETTERS ? WORD_FUZZINESS : false);
const indexes = new WeakMap<FactStore, Promise<MiniSearch<SearchDocument>>>();

async function buildIndex(store: FactStore): Promise<MiniSearch<SearchDocument>> {
  const [entities, facts] = await Promise.all([store.allEntities(), store.allFacts()]);
  const index = new MiniSearch<SearchDocument>({
    fields: ['name', 'text'],
    storeFields: ['entityId', 'factId', 'description'],
    tokenize: wordsOf,
    processTerm: termOf,
    searchOptions: { boost: { name: 3 }, prefix: isPrefix, fuzzy: fuzzinessOf, combineWith: 'AND' },
  });
  index.addAll([
    ...entities.map((entity) => ({
      id: `entity:${entity.id}`,
      entityId: entity.id,
      name: [entity.name, ...entity.aliases.map((alias) => alias.text)].map(nameForIndex).join(' '),
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

/**
 * The entities called what was typed, by their name or one of their aliases ("Trump’s", "U.S." and "ＵＳ"
 * too), compared as the matcher compares them.
 */
function entitiesNamed(entities: readonly Entity[], query: string): Entity[] {
  // A hyphen typed as a space ("Kim Jong un") names as well.
  const typed = namesTyped(query).map((name) => foldText(name, true).replaceAll('-', ' '));
  const namesOf = (entity: Entity) => [entity.name, ...entity.aliases.map((alias) => alias.text)];
  const folded = (name: string) => foldText(nameOf(name), true).replaceAll('-', ' ');
  const named = entities.filter((entity) => namesOf(entity).some((name) => typed.includes(folded(name))));
  // Only where no name is typed right: "Heusegn" is Heusgen, but a name that is also a swap of another's stays
  // itself. Not an acronym: "UNHCR", the refugee agency, is no typo of "UNHRC".
  if (named.length > 0) return named;
  // A name of several words typed with some of them run together ("Kimjongun", the bundled article's own
  // "Kimjong-un", "Human RightsWatch").
  const runTogether = (name: string) => name.replaceAll(' ', '');
  const typedRunTogether = typed.map(runTogether);
  const joined = entities.filter((entity) =>
    namesOf(entity).some((name) => folded(name).includes(' ') && typedRunTogether.includes(runTogether(folded(name)))),
  );
  if (joined.length > 0) return joined;
  // Chinese and Japanese write a name and what follows it with no space between ("北朝鮮の人権", "金正恩的"):
  // a name of theirs anywhere in what was typed names its entity.
  if (WRITTEN_WITHOUT_SPACES.test(query)) {
    const plain = foldText(query, true);
    const inside = entities.filter((entity) => namesOf(entity).some((name) => WRITTEN_WITHOUT_SPACES.test(name) && plain.includes(folded(name))));
    if (inside.length > 0) return inside;
  }
  const swappedTo = (name: string) => /\p{Ll}/u.test(name) && typed.some((typedName) => isNameSwapped(typedName, folded(name)));
  return entities.filter((entity) => namesOf(entity).some(swappedTo));
}

/**
 * Hits for several names typed together, or a name with other words: the facts about every name that hold
 * the other words ("HRW anniversary"), under the first name; the other names' headings after. Beside a name
 * written in another language, a word no fact holds is passed over ("북한 인권", "Nordkorea Menschenrechte":
 * the facts are in English); beside English names it is a word the article does not use, and nothing matches
 * ("China veto"). Names typed together with no fact in common are listed each with every fact about it, as
 * one name alone is.
 */
function namedTogether(
  index: MiniSearch<SearchDocument>,
  allFacts: readonly Fact[],
  refs: Map<string, EntityRef>,
  { named, rest, foreign }: NamesInside,
): SearchHit[] {
  const [lead] = named;
  if (!lead || (named.length < 2 && rest.length === 0)) return [];
  const heading = (entity: Entity): SearchHit => ({ entity: refOf(entity), description: entity.description });
  const about = allFacts.filter((fact) => named.every((entity) => fact.entities.includes(entity.id)));
  const known = rest.filter((word) => index.search(word, { filter: (result) => typeof result.factId === 'string' }).length > 0);
  if (known.length < rest.length && !foreign) return [];
  let chosen: Fact[];
  if (known.length === 0) {
    chosen = [...about].sort(byDate);
  } else {
    const byId = new Map(about.map((fact) => [fact.id, fact]));
    chosen = index.search(known.join(' '), { filter: (result) => byId.has(String(result.factId)) }).flatMap((result) => byId.get(String(result.factId)) ?? []);
  }
  if (chosen.length === 0) {
    if (known.length > 0) return [];
    return named.flatMap((entity) => {
      const card = cardOf(
        entity,
        allFacts.filter((fact) => fact.entities.includes(entity.id)),
        refs,
      );
      return [heading(entity), ...card.facts.map((fact) => ({ entity: refOf(entity), fact }))];
    });
  }
  return [heading(lead), ...chosen.map((fact) => ({ entity: refOf(lead), fact: viewOf(fact, refs) })), ...named.slice(1).map(heading)];
}

/** Entities and facts that match a free-text query, best first. */
export async function search(store: FactStore, query: string): Promise<SearchHit[]> {
  if (query.trim() === '') return [];
  return searchIn(await readForSearch(store), query);
}

/** What a search reads from the store, read once for every search one answer makes. */
type SearchData = { store: FactStore; built: MiniSearch<SearchDocument>; allFacts: Fact[]; entities: Entity[] };

async function readForSearch(store: FactStore): Promise<SearchData> {
  let index = indexes.get(store);
  if (!index) {
    index = buildIndex(store);
    indexes.set(store, index);
  }
  const [built, allFacts, entities] = await Promise.all([index, store.allFacts(), store.allEntities()]);
  return { store, built, allFacts, entities };
}

/** The hits for `query` in what was read: no store read of its own, so one answer can make several searches. */
function searchIn({ store, built, allFacts, entities }: SearchData, query: string): SearchHit[] {
  if (query.trim() === '') return [];
  const refs = refsOf(entities);
  const facts = new Map(allFacts.map((fact) => [fact.id, fact]));
  // The entity called what was typed comes first, with every fact about it: "China" found China's facts
  // only where they say "China", not "Chinese". The index ranks a match in a short name higher, so North
  // Korea, whose name field holds its aliases in eight languages, came after "North Korea's prison camps".
  // Its card from what was read above: no second reading of the store at every key.
  // Names typed apart ("北朝鮮 安保理", "China Russia"), not a name run into what follows it (北朝鮮の人権).
  const keys = nameKeys(store, entities);
  const together = namesInside(keys, query);
  const several = together.named.length > 1;
  const called = several ? [] : entitiesNamed(entities, query);
  const cards = called.map((entity) =>
    cardOf(
      entity,
      allFacts.filter((fact) => fact.entities.includes(entity.id)),
      refs,
    ),
  );
  const first = cards.flatMap((card): SearchHit[] => {
    const entity = { id: card.id, name: card.name, kind: card.kind };
    return [{ entity, description: card.description }, ...card.facts.map((fact) => ({ entity, fact }))];
  });
  // Several names, or a name and other words: what is about all of them first ("China Russia", "HRW anniversary").
  if (called.length === 0) first.push(...namedTogether(built, allFacts, refs, together));
  const listed = new Set<string>();
  const once = first.filter((hit) => {
    const key = hit.fact?.id ?? `entity:${hit.entity.id}`;
    if (listed.has(key)) return false;
    listed.add(key);
    return true;
  });
  // Every other hit: a common word matches a few dozen of the article's facts and names, and the popup says how many.
  const found = hitsOf(built.search(withMonthsWritten(query)), refs, facts, listed);
  return [...once, ...namesBegunFirst(found, keys, withMonthsWritten(query))];
}

/** The index's results as hits, leaving out those already listed (by fact id, or `entity:` and the entity's). */
function hitsOf(results: readonly SearchResult[], refs: Map<string, EntityRef>, facts: Map<string, Fact>, listed: ReadonlySet<string>): SearchHit[] {
  return results.flatMap((result): SearchHit[] => {
    if (listed.has(typeof result.factId === 'string' ? result.factId : String(result.id))) return [];
    const entity = refs.get(String(result.entityId));
    if (!entity) return [];
    const fact = typeof result.factId === 'string' ? facts.get(result.factId) : undefined;
    if (fact) return [{ entity, fact: viewOf(fact, refs) }];
    return [{ entity, ...(typeof result.description === 'string' ? { description: result.description } : {}) }];
  });
}

/**
 * The facts and names that hold some of the words, where each is in the article but no fact holds them all
 * ("Trump Kim Stockholm": the Stockholm talks and Trump's praise of Kim are two sentences, two facts):
 * those holding the most of the words first, and among them the best match. A name of several words counts
 * as one, as its reader typed it: counted word by word, "Security Council Hanoi" listed some sixty facts
 * saying "Security Council" before the first about Hanoi.
 */
function holdingSome({ store, built, allFacts, entities }: SearchData, words: readonly string[]): SearchHit[] {
  const query = withMonthsWritten(words.join(' '));
  const holding = namesInside(nameKeys(store, entities), query).parts.map((part) => new Set(built.search(part).map((result) => result.id)));
  const held = (result: SearchResult) => holding.filter((ids) => ids.has(result.id)).length;
  // Stable: results holding as many parts keep the index's order, best first.
  const ranked = built
    .search(query, { combineWith: 'OR' })
    .map((result) => ({ result, held: held(result) }))
    .sort((one, other) => other.held - one.held)
    .map(({ result }) => result);
  return hitsOf(ranked, refsOf(entities), new Map(allFacts.map((fact) => [fact.id, fact])), new Set());
}

/** A query's words looked up one by one at most: each is a search of its own. */
const MAX_WORDS_TRIED_ALONE = 8;

/**
 * The search's answer for the popup. Where every word must be in a fact and one is nowhere in the article
 * ("covid-19": no fact says 19; "Kim nuclear"), the words that are there are searched without it, and the
 * answer says which were left out: the reader sees what the article has instead of nothing. Where the
 * words are in the article but no fact holds them all, the answer is what holds some of them, and says so.
 */
export async function searchAnswer(store: FactStore, query: string): Promise<SearchAnswer> {
  if (query.trim() === '') return { hits: [] };
  const data = await readForSearch(store);
  const hits = searchIn(data, query);
  if (hits.length > 0) return { hits };
  const words = wordsOf(query).filter((word) => termOf(word) !== null);
  if (words.length < 2) return { hits };
  // Past so many words, none is looked up alone: each counts as found, and the facts holding the most are listed.
  const found = words.map((word) => words.length > MAX_WORDS_TRIED_ALONE || searchIn(data, word).length > 0);
  const kept = words.filter((_word, index) => found[index]);
  if (kept.length === 0) return { hits };
  const leftOut = words.filter((_word, index) => !found[index]);
  const withLeftOut = leftOut.length > 0 ? { leftOut } : {};
  const rest = leftOut.length > 0 ? searchIn(data, kept.join(' ')) : [];
  if (rest.length > 0) return { hits: rest, ...withLeftOut };
  if (kept.length < 2) return { hits };
  const some = holdingSome(data, kept);
  return some.length > 0 ? { hits: some, ...withLeftOut, holdingSome: true } : { hits };
}
