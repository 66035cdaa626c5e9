/**
 * Functions run inside a test page (page world) to read what the extension
 * did. The highlight registry is shared with the page, so a page can see it.
 * Each function is sent to the page as source, so names it needs are written
 * out in it: the kinds' highlights are `peninsula-lens-KIND`, and
 * `peninsula-lens-underline` underlines the same ranges again.
 */

export type HighlightedRange = { name: string; text: string; x: number; y: number; width: number; height: number };

/** Every highlighted range of the extension, with its text and where it is drawn. */
export function readHighlights(): HighlightedRange[] {
  const found: HighlightedRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('peninsula-lens-') || name === 'peninsula-lens-underline') continue;
    for (const range of highlight) {
      if (!(range instanceof Range)) continue;
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      found.push({ name, text: range.toString(), x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    }
  }
  return found.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Scrolls the first highlighted range with this text to the middle of the view; returns where it is drawn. */
export function revealHighlight(text: string): HighlightedRange | null {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('peninsula-lens-') || name === 'peninsula-lens-underline') continue;
    for (const range of highlight) {
      if (!(range instanceof Range) || range.toString() !== text) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (rect) return { name, text, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
  }
  return null;
}

/** The texts the extension underlines, sorted; null when its underline is not registered. */
export function underlinedTexts(): string[] | null {
  const underline = CSS.highlights.get('peninsula-lens-underline');
  return underline ? [...underline].map((range) => String(range)).sort() : null;
}
