/**
 * The names a search query writes: every entity's names and aliases read
 * word by word, the names found inside a query of several words, and the
 * hits reordered so a name being typed comes first.
 */
import type { Entity } from '../../data/schema';
import type { SearchHit } from '../../utils/protocol';
import type { FactStore } from './fact-store';
import { isPrefix, termOf, withoutParticles, wordKeysOf } from './search-terms';

/** Every name and alias of every entity, as compared word by word ("kim jongun jong"), with the entity it names. */
type NameKeys = {
  entityOf: Map<string, { entity: Entity; english: boolean }>;
  /** The longest name, in words. */
  longest: number;
  /** Each entity's names, by its id. */
  keysOf: Map<string, string[]>;
};

/** Names of up to this many words are also known with their words run together, however many of them. */
const MOST_WORDS_RUN_TOGETHER = 4;

/**
 * A short name of several words with some or all of its words run together, as they are typed in haste or
 * extracted from a page that lost its spaces: "kimjongun", "kimjong un" (the bundled article's own
 * "Kimjong-un"), "northkorea". Not the name as written.
 */
function runTogether(words: readonly string[]): string[] {
  if (words.length < 2 || words.length > MOST_WORDS_RUN_TOGETHER) return [];
  const keys: string[] = [];
  // Bit i of `gaps` keeps the gap after word i; the last value keeps them all: the name as written.
  for (let gaps = 0; gaps < 2 ** (words.length - 1) - 1; gaps++) {
    keys.push(words.reduce((key, word, at) => `${key}${gaps & (1 << (at - 1)) ? ' ' : ''}${word}`));
  }
  return keys;
}

/** Built once a store, as its index is: reading them at every key took a few milliseconds. */
export const nameKeysOf = new WeakMap<FactStore, NameKeys>();

export function nameKeys(store: FactStore, entities: readonly Entity[]): NameKeys {
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
    // Once every name is known as written: a name run together never takes the place of another's.
    for (const entity of entities) {
      const own = keysOf.get(entity.id) ?? [];
      for (const key of [...own]) {
        for (const joined of runTogether(key.split(' '))) {
          own.push(joined);
          if (!entityOf.has(joined)) entityOf.set(joined, entityOf.get(key) ?? { entity, english: true });
        }
      }
    }
    keys = { entityOf, longest, keysOf };
    nameKeysOf.set(store, keys);
  }
  return keys;
}

/** The names inside a query, the words left over, and whether a name was written in a language other than English. */
export type NamesInside = {
  named: Entity[];
  rest: string[];
  foreign: boolean;
  /** The query in parts, as its reader thinks of them: each name's words together ("security council"), each other word alone. */
  parts: string[];
};

/**
 * The names inside a query of several words ("China Russia", "트럼프 김정은", "HRW 2019"), each the longest
 * run of words that a name or an alias writes (a Korean one also with its particle), and the words left over.
 */
export function namesInside({ entityOf, longest }: NameKeys, query: string): NamesInside {
  const words = wordKeysOf(query);
  const named: Entity[] = [];
  const rest: string[] = [];
  const parts: string[] = [];
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
      parts.push(words.slice(at, at + found.length).join(' '));
      at += found.length;
    } else {
      const term = termOf(words[at] ?? '');
      if (term !== null) {
        rest.push(term);
        parts.push(term);
      }
      at += 1;
    }
  }
  return { named, rest, foreign, parts };
}

/** A name from each of its words on ("north korea", "korea"): "Korea" begins North Korea as it does the Korea Economic Institute. */
function atWords(key: string): string[] {
  const words = key.split(' ');
  return words.map((_, at) => words.slice(at).join(' '));
}

/**
 * The hits with the names whose start, or a word's start inside them, is being typed first, the shortest such
 * name first ("North Kor" is North Korea before "North Korean prison camps"; "Human Rights W" is Human Rights
 * Watch; "Korea" is North Korea before the Korea Economic Institute); the rest as found.
 * The index ranks a short name field higher: North Korea's, which holds its aliases in eight languages,
 * came third, after the forced repatriation "of North Koreans".
 */
export function namesBegunFirst(hits: SearchHit[], { keysOf }: NameKeys, query: string): SearchHit[] {
  const words = wordKeysOf(query);
  const typed = words.join(' ');
  if (typed === '') return hits;
  // A word too short to be taken as the start of one ("un") begins only a name that has it whole ("UN Security Council").
  const last = words.length - 1;
  const begins = (key: string) => (isPrefix(words[last] ?? '', last, words) ? key.startsWith(typed) : key === typed || key.startsWith(`${typed} `));
  const begun = (hit: SearchHit): number | undefined => {
    if (hit.fact) return undefined;
    const lengths = (keysOf.get(hit.entity.id) ?? []).filter((key) => atWords(key).some(begins)).map((key) => key.length);
    return lengths.length === 0 ? undefined : Math.min(...lengths);
  };
  const ranked = hits.map((hit) => ({ hit, length: begun(hit) }));
  const first = ranked.flatMap(({ hit, length }) => (length === undefined ? [] : [{ hit, length }])).sort((a, b) => a.length - b.length);
  return [...first.map(({ hit }) => hit), ...ranked.filter(({ length }) => length === undefined).map(({ hit }) => hit)];
}
