/**
 * Finds every alias of every entity in a text in one left-to-right pass: a
 * small regular expression (prefilter.ts) skips natively to the few places
 * where an alias may start, and a radix tree compiled at build time
 * (compile.ts) decides there, the longest alias winning where aliases
 * overlap. One regular expression of all aliases took about 5 ms to compile
 * at every page load; the prefilter checks only their first keys.
 */
import type { EntityKind } from '../../data/schema';
import { type CompactRule, type CompiledMatcher, compileMatcher, expandRule, type MatcherEntity, type PackedNode } from './compile';
import { isCombiningCode, isSpaceCode, keyOfCode } from './fold';
import { type Prefiltered, prefilterFor } from './prefilter';
import { acceptsMatch, type MatchRule, scriptOf } from './rules';

export type { MatcherEntity };

type TextMatch = { start: number; end: number; entityId: string; kind: EntityKind };

export type Matcher = {
  /** Every mention in `text`, in order, none overlapping. */
  findIn(text: string): TextMatch[];
};

const SOFT_HYPHEN_CODE = 0xad;
const SPACE_KEY = 32;

type EdgeIndex = Record<number, [label: string, node: PackedNode]>;
type RuleAt = (index: number, text: string, start: number) => MatchRule;

/**
 * A matcher over a compiled tree (what the background sends each content
 * script, utils/matcher/shipped.ts). A node's edges are indexed on first
 * use: a page visits a small part of the tree.
 */
export function createMatcher({ tree, rules: compactRules, entities, prefilter, capitalWords: capitalWordList, koreanParticles }: CompiledMatcher): Matcher {
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
  // Expanded on first use, like the edges: a page meets a few of the rules, and a fresh page runs this code slowly.
  const expanded: MatchRule[] = [];
  let capitalWords: ReadonlySet<string> | undefined;
  let particles: ReadonlySet<string> | undefined;
  // A rule's script is that of the first character of any text it matches.
  const ruleAt = (index: number, text: string, start: number): MatchRule => {
    let rule = expanded[index];
    if (!rule) {
      rule = expandRule(compactRules[index] as CompactRule, entities, scriptOf(text.charAt(start)));
      if (rule.acronym) rule.capitalWords = capitalWords ??= new Set(capitalWordList);
      if (rule.script === 'korean') rule.particles = particles ??= new Set(koreanParticles);
      expanded[index] = rule;
    }
    return rule;
  };
  const prefilterOf = prefilterFor(prefilter);
  return { findIn: (text) => findAll(tree, edgesOf, ruleAt, prefilterOf(text), text) };
}

/** Compiles and creates in one step: for tests and tools that start from the entities. */
export function buildMatcher(entities: readonly MatcherEntity[]): Matcher {
  return createMatcher(compileMatcher(entities));
}

/** Where the key read last ends; set by keyAt so reading allocates nothing. */
let keyEnd = 0;

/** Unicode's arithmetic for Hangul: a leading consonant, a vowel and an optional final jamo make one syllable. */
const HANGUL = { syllables: 0xac00, leads: 0x1100, leadCount: 19, vowels: 0x1161, vowelCount: 21, finals: 0x11a7, finalCount: 28 } as const;

/**
 * The syllable that the jamo at `at` spell, Hangul written decomposed (NFD,
 * as macOS writes it) read as the tree knows it; NaN when they spell none.
 */
function hangulSyllableAt(text: string, at: number): number {
  const lead = text.charCodeAt(at) - HANGUL.leads;
  const vowel = text.charCodeAt(at + 1) - HANGUL.vowels;
  if (!(lead >= 0 && lead < HANGUL.leadCount && vowel >= 0 && vowel < HANGUL.vowelCount)) return Number.NaN;
  const final = text.charCodeAt(at + 2) - HANGUL.finals;
  const hasFinal = final > 0 && final < HANGUL.finalCount;
  keyEnd = at + (hasFinal ? 3 : 2);
  return HANGUL.syllables + (lead * HANGUL.vowelCount + vowel) * HANGUL.finalCount + (hasFinal ? final : 0);
}

/**
 * The key of the character at `index`: soft hyphens skipped, a run of spaces
 * read as one, combining accents read with the letter before them, decomposed
 * Hangul read as its syllable. -1 past the end.
 */
function keyAt(text: string, index: number): number {
  let at = index;
  let code = text.charCodeAt(at);
  while (code === SOFT_HYPHEN_CODE) code = text.charCodeAt(++at);
  if (Number.isNaN(code)) return -1;
  if (code >= HANGUL.leads && code < HANGUL.leads + HANGUL.leadCount) {
    const syllable = hangulSyllableAt(text, at);
    if (!Number.isNaN(syllable)) return syllable;
  }
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
function matchAt(root: PackedNode, edgesOf: (node: PackedNode) => EdgeIndex, ruleAt: RuleAt, text: string, start: number): TextMatch | undefined {
  // A soft hyphen sits inside a word: no mention starts with one.
  if (text.charCodeAt(start) === SOFT_HYPHEN_CODE) return undefined;
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
      const rule = ruleAt(ruleIndex, text, start);
      if (acceptsMatch(text, start, end, rule)) return { start, end, entityId: rule.entityId, kind: rule.kind };
    }
  }
  return undefined;
}

/** Every mention in order; the regular expression skips, natively, to each place an alias may start. */
function findAll(root: PackedNode, edgesOf: (node: PackedNode) => EdgeIndex, ruleAt: RuleAt, [candidates, searched]: Prefiltered, text: string): TextMatch[] {
  const matches: TextMatch[] = [];
  candidates.lastIndex = 0;
  // test(), not exec(): no match array to allocate; the prefilter only looks ahead, so lastIndex is where it matched.
  while (candidates.test(searched)) {
    const start = candidates.lastIndex;
    const match = matchAt(root, edgesOf, ruleAt, text, start);
    if (match) matches.push(match);
    candidates.lastIndex = match ? match.end : start + 1;
  }
  return matches;
}
