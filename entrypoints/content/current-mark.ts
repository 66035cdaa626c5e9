/**
 * The name a keyboard step went to, marked apart from the others (a solid line
 * under it, highlights.css) while its card is open: with several names on a
 * line, or one name twice, the card placed beside them did not say which it
 * was for. The mark is one more highlight in the page's registry, named so a
 * page can restyle it (README "For page authors").
 */

export const CURRENT_HIGHLIGHT = 'peninsula-lens-current';

/** Marks `range` as the name stepped to, or, with none, takes the mark away. */
export function markCurrent(range: Range | undefined): void {
  if (!range) {
    CSS.highlights.delete(CURRENT_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(range);
  // Drawn over the kind's colour and the dotted line under every mark.
  highlight.priority = 1;
  CSS.highlights.set(CURRENT_HIGHLIGHT, highlight);
}
