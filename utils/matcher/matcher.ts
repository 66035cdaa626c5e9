/**
 * Finds every alias of every entity in a text in one left-to-right pass over
 * a radix tree compiled at build time (compile.ts). A page load only parses
 * that tree, where one regular expression of all aliases took about 5 ms to
 * compile at every load; and the longest alias wins where aliases overlap.
 */
import type { EntityKind } from '../../data/schema';
import { type CompiledMatcher, compileMatcher, expandRule, type MatcherEntity, type PackedNode } from './compile';
import { isCombiningCode, isSpaceCode, keyOfCode } from './fold';
import { acceptsMatch, type MatchRule } from './rules';

export type { MatcherEntity };

type TextMatch = { start: number; end: number; entityId: string; kind: EntityKind };

export type Matcher = {
  /** Every mention in `text`, in order, none overlapping. */
  findIn(text: string): TextMatch[];
};

const SOFT_HYPHEN_CODE = 0xad;
const SPACE_KEY = 32;

type EdgeIndex = Record<number, [label: string, node: PackedNode]>;

/**
 * A matcher over a compiled tree (what the content script ships). A node's
 * edges are indexed on first use: a page visits a small part of the tree.
 */
export function createMatcher({ tree, rules: compactRules, entities, starts }: CompiledMatcher): Matcher {
  const indexes = new Map<PackedNode, EdgeIndex>();
  const edgesOf = (node: PackedNode): EdgeIndex => {
    let index = indexes.get(node);
    if (!index) {
      index = {};
      for (let at = 1; at < node.length; at += 2) {
        const label = node[at] as string;
        index[label.charCodeAt(0)] = [label, node[at + 1] as PackedNode];
      }
      indexes.set(node, index);
    }
    return index;
  };
  const rules = compactRules.map((rule) => expandRule(rule, entities));
  const candidates = new RegExp(starts, 'giu');
  return { findIn: (text) => findAll(tree, edgesOf, rules, candidates, text) };
}

/** Compiles and creates in one step: for tests and tools that start from the entities. */
export function buildMatcher(entities: readonly MatcherEntity[]): Matcher {
  return createMatcher(compileMatcher(entities));
}

/** Where the key read last ends; set by keyAt so reading allocates nothing. */
let keyEnd = 0;

/**
 * The key of the character at `index`: soft hyphens skipped, a run of spaces
 * read as one, combining accents read with the letter before them. -1 past the end.
 */
function keyAt(text: string, index: number): number {
  let at = index;
  let code = text.charCodeAt(at);
  while (code === SOFT_HYPHEN_CODE) code = text.charCodeAt(++at);
  if (Number.isNaN(code)) return -1;
  at++;
  if (isSpaceCode(code)) {
    while (at < text.length && isSpaceCode(text.charCodeAt(at))) at++;
    keyEnd = at;
    return SPACE_KEY;
  }
  while (at < text.length && isCombiningCode(text.charCodeAt(at))) at++;
  keyEnd = at;
  return keyOfCode(code);
}

/** The longest accepted alias starting at `start`, if any. */
function matchAt(root: PackedNode, edgesOf: (node: PackedNode) => EdgeIndex, rules: MatchRule[], text: string, start: number): TextMatch | undefined {
  const ends: number[] = [];
  const nodes: PackedNode[] = [];
  let node = root;
  let index = start;
  while (node.length > 1) {
    const edge = edgesOf(node)[keyAt(text, index)];
    if (!edge) break;
    const [label, child] = edge;
    let at = keyEnd;
    let k = 1;
    for (; k < label.length && keyAt(text, at) === label.charCodeAt(k); k++) at = keyEnd;
    if (k < label.length) break;
    node = child;
    index = at;
    if (node[0] !== 0) {
      ends.push(index);
      nodes.push(node);
    }
  }
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = ends[i] as number;
    for (const ruleIndex of (nodes[i] as PackedNode)[0] as number[]) {
      const rule = rules[ruleIndex] as MatchRule;
      if (acceptsMatch(text, start, end, rule)) return { start, end, entityId: rule.entityId, kind: rule.kind };
    }
  }
  return undefined;
}

/** Every mention in order; the regular expression skips, natively, to each place an alias may start. */
function findAll(root: PackedNode, edgesOf: (node: PackedNode) => EdgeIndex, rules: MatchRule[], candidates: RegExp, text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  candidates.lastIndex = 0;
  // test(), not exec(): no match array to allocate; every start it finds is one UTF-16 unit long.
  while (candidates.test(text)) {
    const match = matchAt(root, edgesOf, rules, text, candidates.lastIndex - 1);
    if (match) {
      matches.push(match);
      candidates.lastIndex = match.end;
    }
  }
  return matches;
}
