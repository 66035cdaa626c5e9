import { useEffect, useRef } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import { highlightName, UNDERLINE_HIGHLIGHT } from '../entrypoints/content/highlights';
// The marks' own style sheet: the key is painted exactly as pages are.
import '../entrypoints/content/highlights.css';

/**
 * What the marks' colours mean: each kind's name, marked as pages mark a
 * name of that kind (the same highlights and style sheet, so the key cannot
 * drift from the marks).
 */
export function ColourKey() {
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
    <section class="colour-key" aria-label="What the colours mean">
      <span class="colour-key-label">Marks:</span>
      <ul ref={list}>
        {ENTITY_KINDS.map((kind) => (
          <li key={kind} data-kind={kind}>
            {kind}
          </li>
        ))}
      </ul>
    </section>
  );
}
