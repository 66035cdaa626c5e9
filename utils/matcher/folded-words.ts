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

/** The letter text[from, to) as a folded word spells it. */
function foldLetter(text: string, from: number, to: number): string {
  return foldPunctuation(text.slice(from, to).normalize('NFC')).toLowerCase();
}

/** Where `word` ends in `text` when it begins at `at`; -1 when it does not begin there. */
export function endOfFoldedWord(text: string, at: number, word: string): number {
  let index = at;
  let matched = 0;
  while (matched < word.length) {
    const code = text.charCodeAt(index);
    if (Number.isNaN(code)) return -1;
    if (code === SOFT_HYPHEN_CODE) {
      index++;
    } else if (isSpaceCode(code)) {
      if (word.charCodeAt(matched) !== SPACE_CODE) return -1;
      while (isSpaceCode(text.charCodeAt(index))) index++;
      matched++;
    } else {
      let next = index + 1;
      while (joinsPrevious(text.charCodeAt(next))) next++;
      if (code < 128 && next === index + 1) {
        if (asciiLower(code) !== word.charCodeAt(matched)) return -1;
        matched++;
      } else {
        const letter = foldLetter(text, index, next);
        if (!word.startsWith(letter, matched)) return -1;
        matched += letter.length;
      }
      index = next;
    }
  }
  return index;
}

/** Where `word` begins in `text` when it ends just before `at`; -1 when it does not end there. */
export function startOfFoldedWord(text: string, at: number, word: string): number {
  let index = at;
  let unmatched = word.length;
  while (unmatched > 0) {
    if (index <= 0) return -1;
    const code = text.charCodeAt(index - 1);
    if (code === SOFT_HYPHEN_CODE) {
      index--;
    } else if (isSpaceCode(code)) {
      if (word.charCodeAt(unmatched - 1) !== SPACE_CODE) return -1;
      while (index > 0 && isSpaceCode(text.charCodeAt(index - 1))) index--;
      unmatched--;
    } else {
      let begin = index - 1;
      while (begin > 0 && joinsPrevious(text.charCodeAt(begin))) begin--;
      if (code < 128 && begin === index - 1) {
        if (asciiLower(code) !== word.charCodeAt(unmatched - 1)) return -1;
        unmatched--;
      } else {
        const letter = foldLetter(text, begin, index);
        if (!word.endsWith(letter, unmatched)) return -1;
        unmatched -= letter.length;
      }
      index = begin;
    }
  }
  return index;
}
