/**
 * The checks an alias found in text must pass to count as a mention: word
 * boundaries by script, case, shouted headlines, and look-alike context.
 */
import type { EntityKind } from '../../data/schema';
import { foldText, isCjk, isHangul, isSpaceCode, isWordChar } from './fold';
import { foldedWordEdge } from './folded-words';

export type Script = 'word' | 'cjk' | 'korean';

export type MatchRule = {
  entityId: string;
  kind: EntityKind;
  /** The alias folded with its case kept, for case-sensitive comparison. */
  exactText: string;
  caseSensitive: boolean;
  acronym: boolean;
  script: Script;
  /** Lower-cased words that veto the match when they stand right before it. */
  notAfterWords: readonly string[];
  /** Lower-cased words that veto the match when they stand right after it. */
  notBeforeWords: readonly string[];
  /**
   * For an acronym: every word in capitals of any alias, as written. One of
   * them next to it ("the US DPRK talks", "UDHR NY Times") is a list of
   * names, not a shouted headline.
   */
  capitalWords?: ReadonlySet<string>;
  /** For a Korean alias: the particles that may follow it without a space (korean-particles.ts). */
  particles?: ReadonlySet<string>;
};

/** Decides which script's rules apply to an alias, from its first character. */
export function scriptOf(alias: string): Script {
  const first = alias[0];
  if (isHangul(first)) return 'korean';
  if (isCjk(first)) return 'cjk';
  return 'word';
}

/** True for a word of two or more capital letters and nothing else: "UNSC", "КНДР", "ECONOMY". */
export function isCapitalWord(word: string): boolean {
  if (word.length < 2) return false;
  // An ASCII word, the usual neighbour, is answered without loading the Unicode tables (slow on a fresh page).
  return /^[\0-\x7f]+$/.test(word) ? /^[A-Z]+$/.test(word) : /^\p{Lu}+$/u.test(word);
}

/**
 * True for an acronym in a shouted run ("THE US ECONOMY", "JOIN US", "КНДР ЗАЯВИЛА", "US AND UK CLASH"):
 * among the words in capitals around it that are no word of our names, two, or one of four letters or
 * more. One short acronym beside it is ordinary writing: "МИД КНДР выступил", "US GDP grew", "UK PM".
 */
function isShouted(text: string, start: number, end: number, rule: MatchRule): boolean {
  let others = 0;
  for (const direction of [-1, 1]) {
    // Going back, the character stepped over is the one before `at`.
    const back = direction < 0 ? -1 : 0;
    // The run of words in capitals on this side, read through the words of our names ("US AND UK CLASH").
    for (let at = direction < 0 ? start : end; ; ) {
      while (isSpaceCode(text.charCodeAt(at + back))) at += direction;
      const from = at;
      while (isWordChar(text[at + back])) at += direction;
      // `substring` takes its two ends in either order.
      const word = text.substring(from, at);
      if (!isCapitalWord(word)) break;
      if (!rule.capitalWords?.has(word) && (++others > 1 || word.length > 3)) return true;
    }
  }
  return false;
}

/**
 * True when `word` stands right before `at` (`direction` -1) or right after it (1), past white space, and
 * ends there at a word's edge (or is written in a script without spaces).
 */
function wordBeside(text: string, at: number, word: string, direction: 1 | -1): boolean {
  const back = direction < 0 ? -1 : 0;
  let near = at;
  while (isSpaceCode(text.charCodeAt(near + back))) near += direction;
  const far = foldedWordEdge(text, near, word, direction);
  // The word's far end: its first character going back, its last going on.
  return far !== -1 && (isCjk(word.at(-1 - back)) || !isWordChar(text[far + back]));
}

function hangulRunAfter(text: string, end: number): string {
  let stop = end;
  while (stop < text.length && isHangul(text[stop])) stop++;
  return text.slice(end, stop);
}

/** A neighbour that continues the word: a letter, digit or mark, or a soft hyphen inside a long word. */
export function continuesWord(char: string | undefined): boolean {
  return char === '\u00ad' || isWordChar(char);
}

function boundariesHold(text: string, start: number, end: number, rule: MatchRule): boolean {
  const before = text[start - 1];
  const after = text[end];
  switch (rule.script) {
    case 'cjk':
      return true;
    case 'korean': {
      if (continuesWord(before)) return false;
      if (!continuesWord(after)) return true;
      const run = hangulRunAfter(text, end);
      return run.length > 0 && rule.particles?.has(run.normalize('NFC')) === true && !isWordChar(text[end + run.length]);
    }
    case 'word': {
      const startsWithWordChar = isWordChar(text[start]);
      const endsWithWordChar = isWordChar(text[end - 1]);
      // A dollar sign right after a name makes it a currency: "US$2 million" (as the Korean and Asian press write it).
      return !(startsWithWordChar && continuesWord(before)) && !(endsWithWordChar && (continuesWord(after) || after === '$'));
    }
  }
}

/** True when the alias found at text[start, end) is a mention of the rule's entity. */
export function acceptsMatch(text: string, start: number, end: number, rule: MatchRule): boolean {
  if (!boundariesHold(text, start, end, rule)) return false;
  if (rule.caseSensitive && foldText(text.slice(start, end), false) !== rule.exactText) return false;
  if (rule.acronym && isShouted(text, start, end, rule)) return false;
  if (rule.notAfterWords.some((word) => wordBeside(text, start, word, -1))) return false;
  if (rule.notBeforeWords.some((word) => wordBeside(text, end, word, 1))) return false;
  return true;
}
