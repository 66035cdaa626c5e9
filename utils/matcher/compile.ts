/**
 * Compiles entities' aliases into the matcher's tree: a radix tree keyed by
 * folded character codes, with the rules each alias must pass. Runs at build
 * time (scripts/facts-pack-plugin.ts), so a page load only parses it.
 */

import type { Alias, EntityKind } from '../../data/schema';
import { foldText, keyOfCode } from './fold';
import { KOREAN_PARTICLES } from './korean-particles';
import { type PrefilterParts, prefilterParts } from './prefilter';
import { isCapitalWord, type MatchRule, type Script, scriptOf } from './rules';

/** An entity as the matcher sees it: the language of an alias does not change how it matches. */
export type MatcherEntity = { id: string; kind: EntityKind; aliases: readonly Omit<Alias, 'lang'>[] };

/**
 * A node of the tree as shipped, in nested arrays (smaller than objects): the
 * rules of the aliases that end here (0 for none), then each edge's label
 * (keys as a string) and the node it leads to, in turn.
 */
export type PackedNode = [rules: number[] | 0, ...edges: (string | PackedNode)[]];

/**
 * A rule as shipped, small because every page where the extension is on
 * receives and parses it: the entity's index, flags (1 case-sensitive, 2
 * acronym), the exact text where case matters, and the look-alike words,
 * with trailing "none" entries left off.
 * The script is not shipped: the first character of a match tells it.
 */
export type CompactRule = [entity: number, flags?: number, exactText?: string | 0, notAfterWords?: string[] | 0, notBeforeWords?: string[] | 0];

/**
 * What the background sends content scripts: plain JSON. `prefilter` holds
 * the parts of the regular expression that finds where an alias may start
 * (prefilter.ts), so the scan skips the rest of the text natively.
 * `capitalWords` are the words in capitals of any alias ("UNSC", the "NY" of
 * "NY Times"): next to an acronym they make a list of names, not a shouted
 * headline (rules.ts). `koreanParticles` may follow a Korean alias without a
 * space (korean-particles.ts).
 */
export type CompiledMatcher = {
  tree: PackedNode;
  rules: CompactRule[];
  entities: [id: string, kind: EntityKind][];
  prefilter: PrefilterParts;
  capitalWords: string[];
  koreanParticles: string[];
};

const CASE_SENSITIVE = 1;
const ACRONYM = 2;

function compact(rule: MatchRule, entity: number): CompactRule {
  const flags = (rule.caseSensitive ? CASE_SENSITIVE : 0) | (rule.acronym ? ACRONYM : 0);
  const words = (list: readonly string[]) => (list.length > 0 ? [...list] : 0);
  const compacted: CompactRule = [entity, flags, rule.caseSensitive ? rule.exactText : 0, words(rule.notAfterWords), words(rule.notBeforeWords)];
  while (compacted.length > 1 && compacted.at(-1) === 0) compacted.pop();
  return compacted;
}

/** The rule a compact rule stands for, for an alias of `script`. */
export function expandRule(
  [entity, flags = 0, exactText = 0, notAfterWords = 0, notBeforeWords = 0]: CompactRule,
  entities: CompiledMatcher['entities'],
  script: Script,
): MatchRule {
  const [entityId, kind] = entities[entity] as [string, EntityKind];
  return {
    entityId,
    kind,
    exactText: exactText === 0 ? '' : exactText,
    caseSensitive: (flags & CASE_SENSITIVE) !== 0,
    acronym: (flags & ACRONYM) !== 0,
    script,
    notAfterWords: notAfterWords === 0 ? [] : notAfterWords,
    notBeforeWords: notBeforeWords === 0 ? [] : notBeforeWords,
  };
}

type TrieNode = { next: Map<number, TrieNode>; rules: number[] };

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

/** Compiles the aliases of entities; aliases marked ambiguous are left out. */
export function compileMatcher(entities: readonly MatcherEntity[]): CompiledMatcher {
  const root: TrieNode = { next: new Map(), rules: [] };
  const rules: CompactRule[] = [];
  const capitalWords = new Set<string>();
  for (const [entityIndex, entity] of entities.entries()) {
    for (const alias of entity.aliases) {
      // An ambiguous alias is not matched, but it is still a name: "COI" next to an acronym is no shout.
      // Words as the rules read a neighbour: runs of letters, digits and marks.
      for (const word of alias.text.split(/[^\p{L}\p{Nd}\p{M}]+/u)) if (isCapitalWord(word)) capitalWords.add(word);
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
      // One entry per alias: the matcher reads accented letters by their base letter (fold.ts) and
      // decomposed Hangul by its syllable (matcher.ts).
      insert(root, exactText, index);
    }
  }
  const tree = pack(root);
  return {
    tree,
    rules,
    entities: entities.map((entity) => [entity.id, entity.kind]),
    prefilter: prefilterParts(tree),
    capitalWords: [...capitalWords],
    koreanParticles: [...KOREAN_PARTICLES],
  };
}
