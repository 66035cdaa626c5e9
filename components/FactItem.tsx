import { formatDateRange } from '../utils/dates';
import type { FactView } from '../utils/protocol';
import { openingWords } from './repeated-quotes';

type Props = {
  fact: FactView;
  /** Quotes a fact above this one in the same list already shows in full (repeated-quotes.ts). */
  shownAbove?: ReadonlySet<string>;
};

/** One fact: the claim, when, who says so, and the article's own words. */
export function FactItem({ fact, shownAbove }: Props) {
  const when = formatDateRange(fact.date, fact.dateEnd);
  return (
    <li class="fact">
      <p class="claim">
        {when && <time dateTime={fact.date}>{when}: </time>}
        {fact.claim}
      </p>
      {fact.attributedTo && <p class="attribution">According to {fact.attributedTo.name}</p>}
      {fact.quotes.map((quote) =>
        shownAbove?.has(quote) ? (
          <blockquote class="quote repeated" key={quote}>
            {openingWords(quote)} <span class="quoted-above">(quoted above)</span>
          </blockquote>
        ) : (
          <blockquote class="quote" key={quote}>
            {quote}
          </blockquote>
        ),
      )}
    </li>
  );
}
