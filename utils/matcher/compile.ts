/**
 * Compiles entities' aliases into the matcher's tree: a radix tree keyed by
 * folded character codes, with the rules each alias must pass. Runs at build
 * time (scripts/facts-pack-plugin.ts), so a page load only parses it.
 */
import type { Alias, EntityKind } from '../../data/schema';
import { foldText, isCjkCode, keyOfCode } from './fold';
import { type MatchRule, scriptOf } from './rules';

/** An entity as the matcher sees it: the language of an alias does not change how it matches. */
export type MatcherEntity = { id: string; kind: EntityKind; aliases: readonly Omit<Alias, 'lang'>[] };

/**
 * A node of the tree as shipped, in nested arrays (smaller than objects): the
 * rules of the aliases that end here (0 for none), then each edge's label
 * (keys as a string) and the node it leads to, in turn.
 */
export type PackedNode = [rules: number[] | 0, ...edges: (string | PackedNode)[]];

/**
 * A rule as shipped, small because every page load carries it: the entity's
 * index, flags (1 case-sensitive, 2 acronym, 4 Chinese/Japanese, 8 Korean),
 * the exact text where case matters, and the look-alike words (0 for none).
 */
export type CompactRule = [entity: number, flags: number, exactText: string | 0, notAfterWords: string[] | 0, notBeforeWords: string[] | 0];

/**
 * What the content script ships: plain JSON. `starts` is the source of a
 * regular expression that finds where an alias may start (a word's start,
 * or any Chinese or Japanese character) with the first character of some
 * alias, so the scan skips the rest of the text natively.
 */
export type CompiledMatcher = { tree: PackedNode; rules: CompactRule[]; entities: [id: string, kind: EntityKind][]; starts: string };

const CASE_SENSITIVE = 1;
const ACRONYM = 2;
const SCRIPT_FLAGS: Record<MatchRule['script'], number> = { word: 0, cjk: 4, korean: 8 };

function compact(rule: MatchRule, entity: number): CompactRule {
  const flags = (rule.caseSensitive ? CASE_SENSITIVE : 0) | (rule.acronym ? ACRONYM : 0) | SCRIPT_FLAGS[rule.script];
  const words = (list: readonly string[]) => (list.length > 0 ? [...list] : 0);
  return [entity, flags, rule.caseSensitive ? rule.exactText : 0, words(rule.notAfterWords), words(rule.notBeforeWords)];
}

/** The rule a compact rule stands for. */
export function expandRule([entity, flags, exactText, notAfterWords, notBeforeWords]: CompactRule, entities: CompiledMatcher['entities']): MatchRule {
  const [entityId, kind] = entities[entity] as [string, EntityKind];
  return {
    entityId,
    kind,
    exactText: exactText === 0 ? '' : exactText,
    caseSensitive: (flags & CASE_SENSITIVE) !== 0,
    acronym: (flags & ACRONYM) !== 0,
    script: flags & SCRIPT_FLAGS.cjk ? 'cjk' : flags & SCRIPT_FLAGS.korean ? 'korean' : 'word',
    notAfterWords: notAfterWords === 0 ? [] : notAfterWords,
    notBeforeWords: notBeforeWords === 0 ? [] : notBeforeWords,
  };
}

type TrieNode = { next: Map<number, TrieNode>; rules: number[] };

const HANGUL_JAMO = /[\u1100-\u11ff]/;

function insert(root: TrieNode, folded: string, rule: number): void {
  let node = root;
  for (let index = 0; index < folded.length; index++) {
    const key = keyOfCode(folded.charCodeAt(index));
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map(), rules: [] };
      node.next.set(key, child);
    }
    node = child;
  }
  if (!node.rules.includes(rule)) node.rules.push(rule);
}

/** Collapses chains of nodes with one child and no rules into labelled edges, packed as arrays. */
function pack(node: TrieNode): PackedNode {
  const packed: PackedNode = [node.rules.length > 0 ? node.rules : 0];
  for (const [key, child] of node.next) {
    let label = String.fromCharCode(key);
    let end = child;
    while (end.rules.length === 0 && end.next.size === 1) {
      const [nextKey, nextNode] = end.next.entries().next().value as [number, TrieNode];
      label += String.fromCharCode(nextKey);
      end = nextNode;
    }
    packed.push(label, pack(end));
  }
  return packed;
}

/** A character class's body for sorted codes, runs written as ranges. */
function classOf(codes: number[]): string {
  // Letters as themselves (smaller to ship), anything a class could read as syntax escaped.
  const hex = (code: number) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? String.fromCharCode(code) : `\\u${code.toString(16).padStart(4, '0')}`);
  let body = '';
  for (let index = 0; index < codes.length; ) {
    let end = index;
    while (end + 1 < codes.length && (codes[end + 1] as number) === (codes[end] as number) + 1) end++;
    body += end > index ? `${hex(codes[index] as number)}-${hex(codes[end] as number)}` : hex(codes[index] as number);
    index = end + 1;
  }
  return body;
}

/**
 * The source of the regular expression (flags `giu`, so case is the engine's
 * business) that finds where an alias may start: the first key of every alias
 * and its first character as written, after a word break, or any Chinese or
 * Japanese one anywhere.
 */
function startsSource(firstCodes: Set<number>): string {
  const sorted = [...firstCodes].sort((a, b) => a - b);
  const afterWordBreak = sorted.filter((code) => !isCjkCode(code));
  const anywhere = sorted.filter((code) => isCjkCode(code));
  const alternatives = [
    afterWordBreak.length > 0 ? `(?<![\\p{L}\\p{N}\\p{M}\\u00ad])[${classOf(afterWordBreak)}]` : '',
    anywhere.length > 0 ? `[${classOf(anywhere)}]` : '',
  ];
  return alternatives.filter((alternative) => alternative !== '').join('|') || '(?!)';
}

/**
 * Latin letters with accents, which the matcher reads by their base letter
 * (fold.ts). Where an alias starts with a Latin letter, all of them may start
 * one: a single range costs less to ship than each letter's accented forms.
 */
const ACCENTED_LATIN = { from: 0xc0, to: 0x24f };

function isBasicLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Compiles the aliases of entities; aliases marked ambiguous are left out. */
export function compileMatcher(entities: readonly MatcherEntity[]): CompiledMatcher {
  const root: TrieNode = { next: new Map(), rules: [] };
  const rules: CompactRule[] = [];
  const firstCodes = new Set<number>();
  for (const [entityIndex, entity] of entities.entries()) {
    for (const alias of entity.aliases) {
      if (alias.ambiguous) continue;
      const exactText = foldText(alias.text, false);
      const rule: MatchRule = {
        entityId: entity.id,
        kind: entity.kind,
        exactText,
        caseSensitive: alias.caseSensitive === true,
        acronym: alias.acronym === true,
        script: scriptOf(exactText),
        notAfterWords: (alias.notAfterWords ?? []).map((word) => foldText(word, true)),
        notBeforeWords: (alias.notBeforeWords ?? []).map((word) => foldText(word, true)),
      };
      const index = rules.push(compact(rule, entityIndex)) - 1;
      const first = exactText.charCodeAt(0);
      firstCodes.add(first).add(keyOfCode(first));
      if (isBasicLatinLetter(keyOfCode(first))) for (let code = ACCENTED_LATIN.from; code <= ACCENTED_LATIN.to; code++) firstCodes.add(code);
      insert(root, exactText, index);
      // Hangul written decomposed (NFD, as macOS writes it) reads the same; accents need no second
      // entry, since the matcher reads accented letters by their base letter (fold.ts).
      const decomposed = exactText.normalize('NFD');
      if (HANGUL_JAMO.test(decomposed)) {
        insert(root, decomposed, index);
        firstCodes.add(decomposed.charCodeAt(0));
      }
    }
  }
  return { tree: pack(root), rules, entities: entities.map((entity) => [entity.id, entity.kind]), starts: startsSource(firstCodes) };
}
