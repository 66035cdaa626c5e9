/**
 * Character folding shared by the matcher's build and scan steps, so an alias
 * written one way finds the forms real pages use: any white space, either
 * apostrophe, any hyphen, any case (where the alias allows).
 */

const HYPHENS = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2212']);
/** An invisible hyphenation point ("Sicher&shy;heits&shy;rat"): not part of the word. */
const SOFT_HYPHEN = '\u00ad';
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc']);

/** True for a combining accent (U+0300–U+036F), which the matcher reads as part of the letter before it. */
export function isCombiningCode(code: number): boolean {
  return code >= 0x300 && code <= 0x36f;
}

/** True for the code of a character a reader treats as a gap between words. */
export function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** True for characters a reader treats as a gap between words. */
export function isSpace(char: string): boolean {
  return isSpaceCode(char.charCodeAt(0));
}

const SPACE_KEY = 32;
const HYPHEN_KEY = 45;
const APOSTROPHE_KEY = 39;
const keysOfCodes = new Map<number, number>();

/**
 * The key under which the matcher's tree knows a character: lower case, any
 * hyphen as "-", either apostrophe as "'", any white space as " ". Computed
 * once per character code outside ASCII.
 */
export function keyOfCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let key = keysOfCodes.get(code);
  if (key === undefined) {
    const char = String.fromCharCode(code);
    if (isSpaceCode(code)) key = SPACE_KEY;
    else if (HYPHENS.has(char)) key = HYPHEN_KEY;
    else if (APOSTROPHES.has(char)) key = APOSTROPHE_KEY;
    else {
      // Latin and Cyrillic letters match without their accents ("Coree", "Corée", and "Corée" written
      // decomposed, as macOS writes it, all read alike); the tree then needs one entry per alias.
      const decomposed = char.normalize('NFD');
      const base = decomposed.length > 1 && isCombiningCode(decomposed.charCodeAt(1)) ? decomposed.charAt(0) : char;
      const lower = base.toLowerCase();
      key = lower.length === 1 ? lower.charCodeAt(0) : code;
    }
    keysOfCodes.set(code, key);
  }
  return key;
}

/** One character as the matcher compares it, case kept. */
export function foldPunctuation(char: string): string {
  if (char.charCodeAt(0) < 128) return char;
  if (HYPHENS.has(char)) return '-';
  if (APOSTROPHES.has(char)) return "'";
  return char;
}

/** An alias or a piece of page text as the matcher compares it: runs of space folded to one. */
export function foldText(text: string, ignoreCase: boolean): string {
  let out = '';
  let lastWasSpace = false;
  for (const char of text.normalize('NFC')) {
    if (char === SOFT_HYPHEN) continue;
    if (isSpace(char)) {
      if (!lastWasSpace) out += ' ';
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    out += foldPunctuation(char);
  }
  out = out.trim();
  return ignoreCase ? out.toLowerCase() : out;
}

/** Letters, decimal digits and marks: a superscript digit or a circled number after a name is a footnote mark, no letter of it. */
const WORD_CHAR = /[\p{L}\p{Nd}\p{M}]/u;

/** What WORD_CHAR said of each code outside ASCII: 0 not asked yet, 1 no, 2 yes. */
let wordCodes: Uint8Array | undefined;

/** True for the code of a letter, digit or combining mark (NaN, past the text's end, is none). */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (Number.isNaN(code)) return false;
  // The usual neighbours of a mention, answered without the Unicode tables, which took about a millisecond
  // to load at their first use on a fresh page: no-break space, « », curly quotes, dashes and the other
  // general punctuation are never part of a word; accented Latin, Cyrillic and Hangul syllables always are.
  if (code === 0xa0 || code === 0xab || code === 0xbb || (code >= 0x2000 && code <= 0x206f)) return false;
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x400 && code <= 0x481) || isHangulSyllableCode(code)) return true;
  // The rules look at the letters around every candidate: ask the Unicode tables once per code.
  wordCodes ??= new Uint8Array(65536);
  let known = wordCodes[code];
  if (!known) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    wordCodes[code] = known;
  }
  return known === 2;
}

/** True for letters, digits and combining marks: what a word is made of. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && isWordCode(char.charCodeAt(0));
}

/** Hangul syllables and jamo: Korean names take particles straight after them. */
export function isHangul(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f);
}

/** True for the code of a precomposed Hangul syllable. */
export function isHangulSyllableCode(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** True for the code of a Chinese character or Japanese kana. */
export function isCjkCode(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Chinese characters and Japanese kana: no spaces between words, so aliases match as substrings. */
export function isCjk(char: string | undefined): boolean {
  return char !== undefined && isCjkCode(char.charCodeAt(0));
}
