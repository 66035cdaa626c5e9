/**
 * Answers to lookups, shaped for the card and the popup: an entity with its
 * facts and related entities, a search, the timeline.
 */
import MiniSearch from 'minisearch';
import type { Entity, Fact } from '../../data/schema';
import { foldText } from '../../utils/matcher/fold';
import type { EntityCard, FactView, SearchHit } from '../../utils/protocol';
import type { FactStore } from './fact-store';
import { isNameSwapped, nameForIndex, nameOf, namesTyped, termOf, withMonthsWritten, withoutParticles, wordKeysOf, wordsOf } from './search-terms';

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
function byDate(a: Fact, b: Fact): number {
  const start = (fact: Fact) => (fact.date === undefined ? AFTER_INSIDE : fact.date + AFTER_INSIDE);
  const end = (fact: Fact) => (fact.date === undefined ? AFTER_INSIDE : (fact.dateEnd ?? fact.date) + AFTER_INSIDE);
  return compareCodes(start(a), start(b)) || compareCodes(end(a), end(b));
}

/** Compares by code units (dates are ASCII; the end marker is the highest unit), not by a locale's collation. */
function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The card of one entity, or null when there is no such entity. */
export async function entityCard(store: FactStore, entityId: string): Promise<EntityCard | null> {
  const entity = await store.entity(entityId);
  if (!entity) return null;
  const [facts, refs] = await Promise.all([store.factsAbout(entityId), refsById(store)]);
  return cardOf(entity, facts, refs);
}

/** The card of an entity from its facts (in the pack's order, as the store gives them) and every entity's reference. */
function cardOf(entity: Entity, facts: readonly Fact[], refs: Map<string, EntityRef>): EntityCard {
  return {
    id: entity.id,
    kind: entity.kind,
    name: entity.name,
    description: entity.description,
    facts: [...facts].sort(byDate).map((fact) => viewOf(fact, refs)),
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
 * prefixes, so "201" while typing finds the decade. Nor in short words: one
 * edit makes "NYT" "not" and "КНДР" "КНР".
 */
const WORD_FUZZINESS = 0.2;
const FUZZY_FROM_LETTERS = 5;
const hasLetter = /\p{L}/u;
const fuzzinessOf = (term: string): number | false => (hasLetter.test(term) && [...term].length >= FUZZY_FROM_LETTERS ? WORD_FUZZINESS : false);
/**
 * The word being typed, the last, is taken as the start of a word ("Heus", "201"): alone, once it has
 * three characters, as "un" alone found every "united", "universal" and "unanimous"; after other words
 * ("North Ko") or in Korean, Chinese or Japanese (김정, 北朝), at once. The words before it are whole.
 */
const PREFIX_FROM_CHARS = 3;
const CHINESE_OR_JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** Chinese and Japanese: words written one after another with no space. */
const WRITTEN_WITHOUT_SPACES = new RegExp(`[${CHINESE_OR_JAPANESE}]`, 'u');
/** Those and Korean: a word of one or two characters says as much as a longer one in a Latin script. */
const WRITTEN_WITHOUT_SHORT_WORDS = new RegExp(`[\\p{Script=Hangul}${CHINESE_OR_JAPANESE}]`, 'u');
const isPrefix = (term: string, index: number, terms: string[]): boolean =>
  index === terms.length - 1 && (index > 0 || [...term].length >= PREFIX_FROM_CHARS || WRITTEN_WITHOUT_SHORT_WORDS.test(term));
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

/** Every name and alias of every entity, as compared word by word ("kim jongun jong"), with the entity it names. */
type NameKeys = {
  entityOf: Map<string, { entity: Entity; english: boolean }>;
  /** The longest name, in words. */
  longest: number;
  /** Each entity's names, by its id. */
  keysOf: Map<string, string[]>;
};

/** Built once a store, as its index is: reading them at every key took a few milliseconds. */
const nameKeysOf = new WeakMap<FactStore, NameKeys>();

function nameKeys(store: FactStore, entities: readonly Entity[]): NameKeys {
  let keys = nameKeysOf.get(store);
  if (!keys) {
    const entityOf: NameKeys['entityOf'] = new Map();
    const keysOf = new Map<string, string[]>();
    let longest = 0;
    for (const entity of entities) {
      const own: string[] = [];
      for (const { text, lang } of [{ text: entity.name, lang: 'en' }, ...entity.aliases]) {
        const words = wordKeysOf(text);
        longest = Math.max(longest, words.length);
        const key = words.join(' ');
        if (key === '') continue;
        own.push(key);
        const known = entityOf.get(key);
        if (!known || (known.entity === entity && lang === 'en')) entityOf.set(key, { entity, english: lang === 'en' });
      }
      keysOf.set(entity.id, own);
    }
    keys = { entityOf, longest, keysOf };
    nameKeysOf.set(store, keys);
  }
  return keys;
}

/** The names inside a query, the words left over, and whether a name was written in a language other than English. */
type NamesInside = { named: Entity[]; rest: string[]; foreign: boolean };

/**
 * The names inside a query of several words ("China Russia", "트럼프 김정은", "HRW 2019"), each the longest
 * run of words that a name or an alias writes (a Korean one also with its particle), and the words left over.
 */
function namesInside({ entityOf, longest }: NameKeys, query: string): NamesInside {
  const words = wordKeysOf(query);
  const named: Entity[] = [];
  const rest: string[] = [];
  let foreign = false;
  let at = 0;
  while (at < words.length) {
    let found: { entity: Entity; english: boolean; length: number } | undefined;
    for (let length = Math.min(longest, words.length - at); length > 0 && !found; length--) {
      const run = words.slice(at, at + length);
      const last = run.at(-1) ?? '';
      const keys = [run.join(' '), ...withoutParticles(last).map((bare) => [...run.slice(0, -1), bare].join(' '))];
      const name = keys.map((key) => entityOf.get(key)).find((entry) => entry !== undefined);
      if (name) found = { ...name, length };
    }
    if (found) {
      if (!named.includes(found.entity)) named.push(found.entity);
      foreign ||= !found.english;
      at += found.length;
    } else {
      const term = termOf(words[at] ?? '');
      if (term !== null) rest.push(term);
      at += 1;
    }
  }
  return { named, rest, foreign };
}

/**
 * Hits for several names typed together, or a name with other words: the facts about every name that hold
 * the other words ("HRW 2019"), under the first name; the other names' headings after. Beside a name
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
  let index = indexes.get(store);
  if (!index) {
    index = buildIndex(store);
    indexes.set(store, index);
  }
  const [built, allFacts, entities] = await Promise.all([index, store.allFacts(), store.allEntities()]);
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
  // Several names, or a name and other words: what is about all of them first ("China Russia", "HRW 2019").
  if (called.length === 0) first.push(...namedTogether(built, allFacts, refs, together));
  const listed = new Set<string>();
  const once = first.filter((hit) => {
    const key = hit.fact?.id ?? `entity:${hit.entity.id}`;
    if (listed.has(key)) return false;
    listed.add(key);
    return true;
  });
  // Every other hit: a common word matches a few dozen of the article's facts and names, and the popup says how many.
  const found = built.search(withMonthsWritten(query)).flatMap((result): SearchHit[] => {
    if (listed.has(typeof result.factId === 'string' ? result.factId : String(result.id))) return [];
    const entity = refs.get(String(result.entityId));
    if (!entity) return [];
    const fact = typeof result.factId === 'string' ? facts.get(result.factId) : undefined;
    if (fact) return [{ entity, fact: viewOf(fact, refs) }];
    return [{ entity, ...(typeof result.description === 'string' ? { description: result.description } : {}) }];
  });
  return [...once, ...namesBegunFirst(found, keys, query)];
}

/**
 * The hits with the names whose start is being typed first, the shortest such name first ("North Kor" is
 * North Korea before "North Korean prison camps"; "Human Rights W" is Human Rights Watch); the rest as found.
 * The index ranks a short name field higher: North Korea's, which holds its aliases in eight languages,
 * came third, after the forced repatriation "of North Koreans".
 */
function namesBegunFirst(hits: SearchHit[], { keysOf }: NameKeys, query: string): SearchHit[] {
  const words = wordKeysOf(query);
  const typed = words.join(' ');
  if (typed === '') return hits;
  // A word too short to be taken as the start of one ("un") begins only a name that has it whole ("UN Security Council").
  const last = words.length - 1;
  const begins = (key: string) => (isPrefix(words[last] ?? '', last, words) ? key.startsWith(typed) : key === typed || key.startsWith(`${typed} `));
  const begun = (hit: SearchHit): number | undefined => {
    if (hit.fact) return undefined;
    const lengths = (keysOf.get(hit.entity.id) ?? []).filter(begins).map((key) => key.length);
    return lengths.length === 0 ? undefined : Math.min(...lengths);
  };
  const ranked = hits.map((hit) => ({ hit, length: begun(hit) }));
  const first = ranked.flatMap(({ hit, length }) => (length === undefined ? [] : [{ hit, length }])).sort((a, b) => a.length - b.length);
  return [...first.map(({ hit }) => hit), ...ranked.filter(({ length }) => length === undefined).map(({ hit }) => hit)];
}
