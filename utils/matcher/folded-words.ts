/**
 * Reads a folded word (foldText's form: lower case, one space for any run of
 * white space, either apostrophe, any hyphen) in page text, outwards from a
 * mention, one letter at a time. A letter is what the reader sees as one: a
 * base character with the accents or kana voicing marks that follow it, or
 * Hangul jamo that spell a syllable, however the page encodes it (NFD, as
 * macOS writes text, spends two or three code units on "é", "ド" or "한").
 * Slicing the word's length of text and folding it missed such words, and
 * cost a normalisation per veto word at every mention on a fresh page ("Trump"
 * has 42): here most words are ruled out at their first letter. Letters are
 * lower-cased one at a time, so a veto word must not need more (a Greek final
 * sigma, a letter outside the BMP): a unit test checks the shipped ones.
 */
import { foldPunctuation, isCombiningCode, isSpaceCode } from './fold';

const SOFT_HYPHEN_CODE = 0xad;
const SPACE_CODE = 32;
/** Hangul vowel and final jamo: they join the jamo or syllable before them. */
const JAMO_JOINERS = { first: 0x1161, last: 0x11c2 } as const;
/** The kana voicing marks as combining characters (カ + ゛ is ガ). */
const KANA_VOICING = { first: 0x3099, last: 0x309a } as const;

/** True for a code that belongs to the letter before it. */
function joinsPrevious(code: number): boolean {
  return isCombiningCode(code) || (code >= JAMO_JOINERS.first && code <= JAMO_JOINERS.last) || (code >= KANA_VOICING.first && code <= KANA_VOICING.last);
}

function asciiLower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** The letter between `from` and `to` (in either order) as a folded word spells it. */
function foldLetter(text: string, from: number, to: number): string {
  return foldPunctuation(text.substring(from, to).normalize('NFC')).toLowerCase();
}

/**
 * Where `word` ends in `text` when it begins at `at` (`direction` 1), or where it begins when it ends just
 * before `at` (`direction` -1); -1 when it does not stand there. One walk for both ways, as `isShouted`
 * (rules.ts) reads its neighbours: going back, the character read is the one before the index.
 */
export function foldedWordEdge(text: string, at: number, word: string, direction: 1 | -1): number {
  const back = direction < 0 ? -1 : 0;
  let index = at;
  // The next character of `word` to match: its first going on, its last going back.
  let next = direction < 0 ? word.length - 1 : 0;
  while (next >= 0 && next < word.length) {
    // NaN past either end of the text (charCodeAt(-1) going back from 0).
    const code = text.charCodeAt(index + back);
    if (Number.isNaN(code)) return -1;
    if (code === SOFT_HYPHEN_CODE) {
      index += direction;
    } else if (isSpaceCode(code)) {
      if (word.charCodeAt(next) !== SPACE_CODE) return -1;
      while (isSpaceCode(text.charCodeAt(index + back))) index += direction;
      next += direction;
    } else {
      // The letter's other edge: going on, past the marks that join it; going back, to its base character.
      let edge = index + direction;
      while ((direction > 0 || edge > 0) && joinsPrevious(text.charCodeAt(edge))) edge += direction;
      if (code < 128 && edge === index + direction) {
        if (asciiLower(code) !== word.charCodeAt(next)) return -1;
        next += direction;
      } else {
        const letter = foldLetter(text, index, edge);
        if (!(direction > 0 ? word.startsWith(letter, next) : word.endsWith(letter, next + 1))) return -1;
        next += direction * letter.length;
      }
      index = edge;
    }
  }
  return index;
}
