import { useEffect, useRef } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import { highlightName, UNDERLINE_HIGHLIGHT } from '../entrypoints/content/highlights';
// The marks' own style sheet: the key is painted exactly as pages are.
import '../entrypoints/content/highlights.css';

type Props = {
  /** The kinds the reader chose not to mark; undefined until the background has said. */
  unmarked: readonly EntityKind[] | undefined;
  /** The reader ticked a kind (marked) or cleared it. */
  onChange: (kind: EntityKind, marked: boolean) => void;
};

/**
 * What the marks' colours mean, and which kinds are marked: each kind's name,
 * marked as pages mark a name of that kind (the same highlights and style
 * sheet, so the key cannot drift from the marks), with a box to tick or clear.
 * On a news page most marks are countries' names; a reader who knows them
 * keeps to the rest.
 */
export function ColourKey({ unmarked, onChange }: Props) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const registry = globalThis.CSS?.highlights;
    if (!list.current || !registry || typeof Highlight === 'undefined') return;
    const names: string[] = [];
    const underline = new Highlight();
    for (const item of list.current.querySelectorAll<HTMLElement>('[data-kind]')) {
      const range = document.createRange();
      range.selectNodeContents(item);
      const name = highlightName(item.dataset.kind as EntityKind);
      registry.set(name, new Highlight(range));
      names.push(name);
      underline.add(range);
    }
    registry.set(UNDERLINE_HIGHLIGHT, underline);
    names.push(UNDERLINE_HIGHLIGHT);
    return () => {
      for (const name of names) registry.delete(name);
    };
  }, []);
  return (
    <fieldset class="colour-key">
      <legend class="colour-key-label">Mark:</legend>
      <ul ref={list}>
        {ENTITY_KINDS.map((kind) => (
          <li key={kind}>
            <label>
              <input
                type="checkbox"
                checked={!unmarked?.includes(kind)}
                disabled={unmarked === undefined}
                onChange={(event) => onChange(kind, event.currentTarget.checked)}
              />
              <span data-kind={kind}>{kind}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
