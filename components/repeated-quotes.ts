/**
 * Quotes an earlier fact of the same list already shows in full. Many facts
 * take their date or their subject from one sentence ("Since the Security
 * Council session in December 2020 …" backs twenty of them); written out
 * under each, it buried the sentences the facts were taken from and read as
 * if it had been matched to the wrong fact.
 */
import type { FactView } from '../utils/protocol';

/**
 * For each fact of `facts` (listed in this order), the quotes after its first
 * that a fact before it in the list already showed. A fact's first quote, the
 * sentence it was taken from, is always written out.
 */
export function repeatedQuotes(facts: readonly FactView[]): ReadonlyMap<FactView, ReadonlySet<string>> {
  const shown = new Set<string>();
  const repeated = new Map<FactView, ReadonlySet<string>>();
  for (const fact of facts) {
    repeated.set(fact, new Set(fact.quotes.slice(1).filter((quote) => shown.has(quote))));
    for (const quote of fact.quotes) shown.add(quote);
  }
  return repeated;
}

/** Words a repeated quote keeps: enough to tell which sentence it is. */
const OPENING_WORDS = 8;
/** Characters it keeps of a sentence written without spaces (Chinese, Japanese). */
const OPENING_CHARACTERS = 20;

/** The first words of a quote, with an ellipsis where words were left out. */
export function openingWords(quote: string): string {
  const words = quote.split(/\s+/);
  if (words.length > OPENING_WORDS) return `${words.slice(0, OPENING_WORDS).join(' ')} …`;
  const characters = [...quote];
  return words.length === 1 && characters.length > 2 * OPENING_CHARACTERS ? `${characters.slice(0, OPENING_CHARACTERS).join('')} …` : quote;
}
