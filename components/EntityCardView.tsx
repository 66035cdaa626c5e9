import type { EntityCard } from '../utils/protocol';
import { FactItem } from './FactItem';
import { repeatedQuotes } from './repeated-quotes';

export type CardState = (
  | { status: 'loading'; name: string }
  | {
      status: 'ready';
      card: EntityCard;
      /** The mention's own entity, when the card shows a related one at its place. */
      backTo?: { id: string; name: string };
      /** Every fact shown, as the reader left this card for a related name: back, it is as they left it. */
      allFacts?: boolean;
    }
  | { status: 'failed'; name: string; message: string }
) & {
  /** Where the mention stands among the page's, when the keyboard stepped to it ("mention 3 of 16"). */
  place?: string;
};

type Props = {
  state: CardState;
  onClose: () => void;
  onOpenEntity: (entityId: string, name: string) => void;
};

/** Facts shown before the rest are asked for: a card of twenty facts was ten windows tall. */
const FIRST_FACTS = 3;

/**
 * The facts of a card: the first few, and the rest in a native disclosure (no script state to keep). Its
 * label says what a press does: the card's style shows one of the two, as the disclosure is open or not.
 */
function FactList({ card, open }: { card: EntityCard; open?: boolean }) {
  const rest = card.facts.slice(FIRST_FACTS);
  const repeated = repeatedQuotes(card.facts);
  return (
    <>
      <ol class="facts">
        {card.facts.slice(0, FIRST_FACTS).map((fact) => (
          <FactItem fact={fact} shownAbove={repeated.get(fact)} key={fact.id} />
        ))}
      </ol>
      {rest.length > 0 && (
        <details class="more" open={open}>
          <summary>
            <span class="when-folded">
              {rest.length} more {rest.length === 1 ? 'fact' : 'facts'}
            </span>
            <span class="when-open">Fewer facts</span>
          </summary>
          <ol class="facts" start={FIRST_FACTS + 1}>
            {rest.map((fact) => (
              <FactItem fact={fact} shownAbove={repeated.get(fact)} key={fact.id} />
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

/** The card shown over a mention: what the bundled article says of one actor. */
export function EntityCardView({ state, onClose, onOpenEntity }: Props) {
  const name = state.status === 'ready' ? state.card.name : state.name;
  const ready = state.status === 'ready' ? state : undefined;
  return (
    // In English, left to right, whatever the page around it is written in (a screen reader reads it in an English voice).
    <div
      class="card"
      role="dialog"
      aria-labelledby="card-name"
      aria-describedby={`card-kind ${ready ? 'card-description' : 'card-status'}`}
      tabIndex={-1}
      dir="ltr"
      lang="en"
      data-kind={ready?.card.kind}
    >
      {/* Not a <header>: in a dialog, that is a second "banner" landmark beside the page's own. */}
      <div class="card-header">
        <div>
          {ready?.backTo && (
            <button
              type="button"
              class="back"
              aria-label={`Back to ${ready.backTo.name}`}
              onClick={() => ready.backTo && onOpenEntity(ready.backTo.id, ready.backTo.name)}
            >
              ← {ready.backTo.name}
            </button>
          )}
          {/* The kind's own name: the card's style writes it in capitals. Stepping wraps round: the place says so. */}
          <span class="kind" id="card-kind">
            {[ready?.card.kind, state.place].filter(Boolean).join(' · ')}
          </span>
          <h2 class="name" id="card-name">
            {name}
          </h2>
        </div>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      {state.status === 'loading' && (
        <p class="status" id="card-status">
          Looking up…
        </p>
      )}
      {state.status === 'failed' && (
        <p class="status error" role="alert" id="card-status">
          {state.message}
        </p>
      )}
      {ready && (
        <>
          <p class="description" id="card-description">
            {ready.card.description}
          </p>
          {/* A new list for each entity: one opened from "Related" starts folded. */}
          <FactList card={ready.card} open={ready.allFacts} key={ready.card.id} />
          {/* After the facts, which are what the card is for: eleven names above them hid all but two lines. */}
          {ready.card.related.length > 0 && (
            <nav class="related" aria-label="Related">
              <span class="related-label">Related:</span>
              {ready.card.related.map((entity) => (
                <button type="button" class="related-entity" key={entity.id} data-id={entity.id} onClick={() => onOpenEntity(entity.id, entity.name)}>
                  {entity.name}
                </button>
              ))}
            </nav>
          )}
          <p class="source">Source: Robert R. King’s analysis bundled with Peninsula Lens.</p>
        </>
      )}
    </div>
  );
}
