/**
 * The regular expression that finds, natively, the few places in a text where
 * an alias may start: where the first keys of some alias stand at a word's
 * start. The matcher then walks its tree only there; with only an alias's
 * first letter to go on, it walked the tree at nearly every word, in
 * JavaScript a freshly loaded page has not compiled yet. Written at build
 * time from the tree (built at page load, it cost more than it saved); a few
 * keys deep, as every page load compiles it.
 */
import type { PackedNode } from './compile';
import { isCjkCode, isHangulSyllableCode, keyOfCode } from './fold';

/**
 * Keys of an alias the prefilter checks: fewer let more words through to the
 * tree, more make the pattern longer (it travels to every page where the
 * extension is on, and compiles there). A Chinese, Japanese or Korean character says more than a
 * letter: two of them are as rare as four letters.
 */
const LETTER_KEYS = 4;
const SYLLABLE_KEYS = 2;

const SPACE_KEY = 32;
const HYPHEN_KEY = 45;
const APOSTROPHE_KEY = 39;

/**
 * Accented Latin and Cyrillic letters, and the Kelvin and Ångström signs:
 * each one character that the matcher reads as another letter (fold.ts). The
 * prefilter reads them the same way (`foldLetters`), so they cost nothing.
 */
const FOLDED_LETTERS = '\\u00c0-\\u017e\\u0180-\\u024f\\u0400-\\u040f\\u0419\\u0439\\u0450-\\u04ff\\u1e00-\\u1eff\\u212a\\u212b';

/**
 * What the matcher reads together with the characters around it, or as
 * nothing (matcher.ts): soft hyphens, combining accents, decomposed Hangul. A
 * text with one of them takes a slower prefilter, which sends every word with
 * one among its first keys to the tree.
 */
const JOINERS = '\\u00ad\\u0300-\\u036f\\u1100-\\u11ff';

const FOLDED_LETTER = new RegExp(`[${FOLDED_LETTERS}]`, 'g');
export const JOINER = new RegExp(`[${JOINERS}]`);

const letterAsKey = (letter: string): string => String.fromCharCode(keyOfCode(letter.charCodeAt(0)));

/** The text with each folded letter replaced by the letter the matcher reads it as: same length, same places. */
export function foldLetters(text: string): string {
  return text.replace(FOLDED_LETTER, letterAsKey);
}

/**
 * Flags of every prefilter. Not `u`: Unicode property classes and Unicode
 * case folding made V8 compile the prefilter for several milliseconds at
 * every page load; these patterns hold only characters of the BMP.
 */
export const PREFILTER_FLAGS = 'gi';

/**
 * Letters and digits of the aliases' scripts (ASCII, Latin-1 and Latin
 * Extended, basic Cyrillic, Hangul syllables) and the soft hyphen, which sits
 * inside a word: characters after which no word starts. Only some of the
 * characters the rules take as continuing a word (rules.ts): a place after
 * any other letter gets through to the tree, whose rules check the word start
 * exactly (tests/unit/prefilter.test.ts checks each character of the class).
 */
export const CONTINUES_WORD = '[0-9a-z\\u00ad\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0400-\\u045f\\uac00-\\ud7a3]';

const WORD_START = `(?<!${CONTINUES_WORD})`;

/** The pattern of one key: the character itself (the `i` flag takes care of case) or the characters read as it. */
export function keyPattern(key: number): string {
  if (key === SPACE_KEY) return '\\s+';
  if (key === HYPHEN_KEY) return '[\\-\\u2010-\\u2013\\u2212]';
  if (key === APOSTROPHE_KEY) return "['\\u2018\\u2019\\u02bc]";
  const char = String.fromCharCode(key);
  return SYNTAX_CHARS.includes(char) ? `\\${char}` : char;
}

/** The characters with a meaning in a pattern, escaped where a key is one of them. */
const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

/** Alternatives as one group: single characters as a class, which is shorter. */
function group(alternatives: readonly string[]): string {
  if (alternatives.length === 1) return alternatives[0] as string;
  const singles = alternatives.every((alternative) => alternative.length === 1 && !SYNTAX_CHARS.includes(alternative) && alternative !== '-');
  return singles ? `[${alternatives.join('')}]` : `(?:${alternatives.join('|')})`;
}

function keysToCheck(firstKey: number): number {
  return isCjkCode(firstKey) || isHangulSyllableCode(firstKey) ? SYLLABLE_KEYS : LETTER_KEYS;
}

/** What trieSource writes: the alternatives, and the most keys (spaces included) any of them checks. */
type Trie = { alternatives: string[]; longest: number };

/** The alternatives for the next `depth` keys below `node`, as a trie: a shared prefix is written once. */
function trieSource(node: PackedNode, depthOf: number | ((firstKey: number) => number), firstKeys?: (key: number) => boolean): Trie {
  const alternatives: string[] = [];
  let longest = 0;
  for (let at = 1; at < node.length; at += 2) {
    const label = node[at] as string;
    const child = node[at + 1] as PackedNode;
    if (firstKeys && !firstKeys(label.charCodeAt(0))) continue;
    const depth = typeof depthOf === 'number' ? depthOf : depthOf(label.charCodeAt(0));
    // Keys after a space count too little to stop at: "the " starts many a sentence, not only "the Council".
    let source = '';
    let used = 0;
    let index = 0;
    for (; index < label.length && used < depth; index++) {
      const key = label.charCodeAt(index);
      source += keyPattern(key);
      if (key !== SPACE_KEY) used++;
    }
    let keys = index;
    // Where an alias ends, its keys alone are enough: the tree checks the rest.
    if (index === label.length && used < depth && child[0] === 0) {
      const below = trieSource(child, depth - used);
      source += group(below.alternatives);
      keys += below.longest;
    }
    alternatives.push(source);
    longest = Math.max(longest, keys);
  }
  return { alternatives, longest };
}

/**
 * The prefilter as shipped: the alternatives for a word's first keys, those
 * for a Chinese or Japanese alias's, and how many keys (spaces included) the
 * longest of the first checks.
 */
export type PrefilterParts = [words: string, anywhere: string, longest: number];

/** Writes the prefilter's parts from the matcher's tree (at build time). */
export function prefilterParts(tree: PackedNode): PrefilterParts {
  const words = trieSource(tree, keysToCheck, (key) => !isCjkCode(key));
  const anywhere = trieSource(tree, keysToCheck, isCjkCode);
  // With no alias of a kind, an alternative that never matches, not an empty one that always does.
  const alternatives = (trie: Trie) => trie.alternatives.join('|') || '(?!)';
  return [alternatives(words), alternatives(anywhere), words.longest];
}

/** The regular expression to run, and the text to run it over (positions are those of the text given). */
export type Prefiltered = [candidates: RegExp, searched: string];

/**
 * The prefilter for a text. It only looks ahead: where it succeeds,
 * `lastIndex` is the place an alias may start. Latin, Cyrillic and Korean
 * aliases start after a word break; Chinese and Japanese ones anywhere. It
 * runs over the text with its accented letters read as the matcher reads
 * them; only a text with a soft hyphen, a combining accent or decomposed
 * Hangul needs the slower form.
 */
export function prefilterFor([words, anywhere, longest]: PrefilterParts): (text: string) => Prefiltered {
  // V8 compiles a regular expression when it first runs, so the one a page never needs costs little.
  // Keys first, then the word start: V8 rules most places out by their first character alone, and
  // this runs twice as fast as the other way round (in Chromium 156, on the bench's 100k page).
  const plain = new RegExp(`(?=${words})${WORD_START}|(?=${anywhere})`, PREFILTER_FLAGS);
  // A joiner among the keys checked (each one character or a run of spaces) sends the word to the tree, and
  // a soft hyphen inside a Chinese or Japanese alias sends that. Any first character may start this
  // alternative, so nothing is ruled out by it: here the word start goes first. A run of spaces is one key,
  // read one way only (a whole run, or one character that is no space): with two ways to read each space the
  // engine tried every split of a long run, and one soft hyphen and 150 spaces held the page for 7 seconds.
  // No alias starts with a space, so neither does a place this sends to the tree.
  const folded = `(?:\\s+(?!\\s)|\\S){0,${Math.max(longest - 1, 0)}}[${JOINERS}${FOLDED_LETTERS}]`;
  const withJoiners = new RegExp(`${WORD_START}(?=\\S)(?=${words}|${folded})|(?=${anywhere}|[^]\\u00ad)`, PREFILTER_FLAGS);
  return (text) => (JOINER.test(text) ? [withJoiners, text] : [plain, foldLetters(text)]);
}
