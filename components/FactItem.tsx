import { formatDateRange } from '../utils/dates';
import type { FactView } from '../utils/protocol';

type Props = { fact: FactView };

/** One fact: the claim, when, who says so, and the article's own words. */
export function FactItem({ fact }: Props) {
  const when = formatDateRange(fact.date, fact.dateEnd);
  return (
    <li class="fact">
      <p class="claim">
        {when && <time dateTime={fact.date}>{when}: </time>}
        {fact.claim}
      </p>
      {fact.attributedTo && <p class="attribution">According to {fact.attributedTo.name}</p>}
      {fact.quotes.map((quote) => (
        <blockquote class="quote" key={quote}>
          {quote}
        </blockquote>
      ))}
    </li>
  );
}
