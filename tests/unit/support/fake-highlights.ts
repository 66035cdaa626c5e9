/**
 * The CSS Custom Highlight API for the test DOM, which has none: a Highlight
 * is a set of ranges, and `CSS.highlights` a map the tests read.
 */
import { vi } from 'vitest';
import { UNDERLINE_HIGHLIGHT } from '../../../entrypoints/content/highlights';

/** Like the browser's: `new Highlight(...ranges)`. */
export class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

/** Stubs `Highlight` and `CSS.highlights` with a fresh, empty registry, and returns it. */
export function stubHighlightRegistry(): Map<string, FakeHighlight> {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

/** The highlights of the kinds of entity in `registry`: the underline holds the same ranges again. */
export function kindHighlights(registry: Map<string, FakeHighlight>): FakeHighlight[] {
  return [...registry].filter(([name]) => name !== UNDERLINE_HIGHLIGHT).map(([, highlight]) => highlight);
}
