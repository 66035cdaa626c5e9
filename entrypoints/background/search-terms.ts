import { isHangul } from '../../utils/matcher/fold';
import { KOREAN_PARTICLES } from '../../utils/matcher/korean-particles';

/**
 * How the popup's search reads words, in the facts and in what is typed
 * alike: "U.S." as "US", "ＵＮ" as "UN", "Corée" as "Coree", and without the
 * words and single letters that would match nearly every fact ("the", "a",
 * the "s" of "Trump’s").
 */

/** Letters each followed by a full stop, the last one's optional: an acronym written with stops ("U.S.", "D.P.R.K", not "N.Korea"). */
const DOTTED_ACRONYM = /(?<![\p{L}\p{N}])(?:\p{L}\.)+\p{L}\.?(?![\p{L}\p{N}])/gu;

/** Splits text into words at spaces and punctuation (as MiniSearch does by default). */
const WORD_BREAK = /[\n\r\p{Z}\p{P}\p{S}]+/u;

/** Accents on Latin, Greek and Cyrillic letters, which readers often leave out; not the marks of other scripts. */
const ACCENT = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

/** One letter of a cased script: an initial, or what is left of a possessive; a prefix of a third of the index. */
const SINGLE_CASED_LETTER = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;

/**
 * English words that say nothing of what a fact is about; each is in most of the article's sentences, and
 * a pronoun typed on the way to a name ("He" of "Heusgen") listed facts about other men.
 */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his in is it its of on or she that the their them they this to was were which with'.split(
    ' ',
  ),
);

/** Months as readers shorten them ("Dec 2020"), read as the article writes them. */
const MONTH_ABBREVIATIONS = new Map(
  'january february march april june july august september october november december'.split(' ').map((month) => [month.slice(0, 3), month]),
).set('sept', 'september');

/** A shortened month with a word after it: a whole word, not the start of one being typed ("Dec" of "Declaration"). */
const SHORT_MONTH = /(?<![\p{L}\p{N}])(\p{L}{3,4})\.?(?=\s+\S)/gu;

/** The query with each shortened month that has a word after it written out ("Dec 2020" as "December 2020"). */
export function withMonthsWritten(query: string): string {
  return query.replace(SHORT_MONTH, (word: string, letters: string) => MONTH_ABBREVIATIONS.get(letters.toLowerCase()) ?? word);
}

/** Full-width and compatibility forms as the plain ones ("ＵＮ" as "UN"), and acronyms without their stops. */
export function plainText(text: string): string {
  return text.normalize('NFKC').replace(DOTTED_ACRONYM, (acronym) => acronym.replaceAll('.', ''));
}

/**
 * A word with a part of one or two letters after a hyphen, as Korean given names are romanised ("Jong-un"):
 * that part is no word of its own ("un" found Kim Jong-un before the UN), so it is kept joined ("Jongun")
 * beside the first part ("Jong").
 */
const SHORT_HYPHENED_PART = /(\p{L}+)[-\u2010-\u2013](\p{L}{1,2})(?![\p{L}\p{N}])/gu;

/** A name's last word of one or two letters, after a space or a hyphen ("Kim Jong Un"). */
const SHORT_LAST_WORD = /(\p{L}+)[\s\-\u2010-\u2013](\p{L}{1,2})$/u;

/** A name as the index keeps it: a short last word joined to the one before ("Kim JongUn Jong"), as in a text. */
export function nameForIndex(name: string): string {
  return name.replace(SHORT_LAST_WORD, '$1$2 $1');
}

/** The words of a text, as the index keeps them. */
export function wordsOf(text: string): string[] {
  return plainText(text).replace(SHORT_HYPHENED_PART, '$1$2 $1').split(WORD_BREAK);
}

/** A word lower case and without accents, as names are compared word by word. */
export function keyOf(word: string): string {
  return word.toLowerCase().normalize('NFKD').replace(ACCENT, '').normalize('NFC');
}

/** A word as the index keeps it, lower case and without accents; null for a word not worth a lookup. */
export function termOf(word: string): string | null {
  const term = keyOf(word);
  if (term === '' || SINGLE_CASED_LETTER.test(term) || STOP_WORDS.has(term)) return null;
  return term;
}

/** The words of a name or of a query as names are compared word by word: "Kim Jong-un’s" as "kim jongun jong s". */
export function wordKeysOf(text: string): string[] {
  return wordsOf(text)
    .map(keyOf)
    .filter((key) => key !== '');
}

/** A Korean word as it may be without a particle after it (북한의 as 북한); none for a word with no such ending. */
export function withoutParticles(word: string): string[] {
  return KOREAN_PARTICLES.filter((ending) => word.endsWith(ending) && isHangul(word.at(-ending.length - 1))).map((ending) => word.slice(0, -ending.length));
}

/** A possessive ending ("’s", "'s", or the apostrophe after an "s"). */
const POSSESSIVE_END = /(?:['’]s|s['’])$/iu;

/** A name as typed or as written, compared whole: plain, and without a possessive ending ("North Korea’s"). */
export function nameOf(text: string): string {
  const plain = plainText(text).trim();
  return plain.replace(POSSESSIVE_END, (ending) => (ending.toLowerCase().startsWith('s') ? 's' : ''));
}

/** What a query may name: the name as typed, and a Korean one also without the particle after it (김정은의, 북한은). */
export function namesTyped(query: string): string[] {
  const name = nameOf(query);
  return [name, ...withoutParticles(name)];
}

/** Names this short are left as typed: two letters swapped in "Kmi" or "SU" could as well be another word. */
const SWAPPED_FROM_CHARS = 5;

/** True when `typed` is `name` with two letters next to each other swapped ("Heusegn", "Beigun"), the typo of hands that race. */
export function isNameSwapped(typed: string, name: string): boolean {
  const [a, b] = [[...typed], [...name]];
  if (a.length !== b.length || a.length < SWAPPED_FROM_CHARS) return false;
  const at = a.findIndex((char, index) => char !== b[index]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2).join('') === b.slice(at + 2).join('');
}

/**
 * The word being typed, the last, is taken as the start of a word ("Heus", "201"): alone, once it has
 * three characters, as "un" alone found every "united", "universal" and "unanimous"; after other words
 * ("North Ko") or in Korean, Chinese or Japanese (김정, 北朝), at once. The words before it are whole.
 */
const PREFIX_FROM_CHARS = 3;
const CHINESE_OR_JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** Chinese and Japanese: words written one after another with no space. */
export const WRITTEN_WITHOUT_SPACES = new RegExp(`[${CHINESE_OR_JAPANESE}]`, 'u');
/** Those and Korean: a word of one or two characters says as much as a longer one in a Latin script. */
const WRITTEN_WITHOUT_SHORT_WORDS = new RegExp(`[\\p{Script=Hangul}${CHINESE_OR_JAPANESE}]`, 'u');
export const isPrefix = (term: string, index: number, terms: string[]): boolean =>
  index === terms.length - 1 && (index > 0 || [...term].length >= PREFIX_FROM_CHARS || WRITTEN_WITHOUT_SHORT_WORDS.test(term));
