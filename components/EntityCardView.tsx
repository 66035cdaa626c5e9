import type { EntityCard } from '../utils/protocol';
import { FactItem } from './FactItem';

export type CardState = { status: 'loading'; name: string } | { status: 'ready'; card: EntityCard } | { status: 'failed'; name: string; message: string };

type Props = {
  state: CardState;
  onClose: () => void;
  onOpenEntity: (entityId: string, name: string) => void;
};

/** The card shown over a mention: what the bundled article says of one actor. */
export function EntityCardView({ state, onClose, onOpenEntity }: Props) {
  const name = state.status === 'ready' ? state.card.name : state.name;
  return (
    // In English, left to right, whatever the page around it is written in (a screen reader reads it in an English voice).
    <div class="card" role="dialog" aria-label={name} tabIndex={-1} dir="ltr" lang="en" data-kind={state.status === 'ready' ? state.card.kind : undefined}>
      <header class="card-header">
        <div>
          {/* The kind's own name: the card's style writes it in capitals. */}
          {state.status === 'ready' && <span class="kind">{state.card.kind}</span>}
          <h2 class="name">{name}</h2>
        </div>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {state.status === 'loading' && <p class="status">Looking up…</p>}
      {state.status === 'failed' && (
        <p class="status error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p class="description">{state.card.description}</p>
          <ol class="facts">
            {state.card.facts.map((fact) => (
              <FactItem fact={fact} key={fact.id} />
            ))}
          </ol>
          {state.card.related.length > 0 && (
            <nav class="related" aria-label="Related">
              <span class="related-label">Related:</span>
              {state.card.related.map((entity) => (
                <button type="button" class="related-entity" key={entity.id} onClick={() => onOpenEntity(entity.id, entity.name)}>
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
