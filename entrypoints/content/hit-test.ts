/**
 * Which mention is under a point of the viewport, found by asking the browser
 * for the caret position there: the page's DOM carries no marks to hit.
 */
import type { MentionHighlights, PaintedMention } from './highlights';

/** Open shadow roots under the point, outermost first: the caret may only enter those it is given. */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let scope: Document | ShadowRoot = doc;
  for (let depth = 0; depth < 8; depth++) {
    const root: ShadowRoot | null | undefined = scope.elementFromPoint(x, y)?.shadowRoot;
    if (!root || roots.includes(root)) break;
    roots.push(root);
    scope = root;
  }
  return roots;
}

/** True when the point lies on the mention's text, not merely nearest to it. */
function isOnText(mention: PaintedMention, x: number, y: number): boolean {
  for (const rect of mention.range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

/** The mention drawn at viewport point (x, y), if any. */
export function mentionAtPoint(doc: Document, highlights: MentionHighlights, x: number, y: number): PaintedMention | undefined {
  // Both browsers we support have caretPositionFromPoint (Chrome from 128, our minimum).
  // https://drafts.csswg.org/cssom-view/#dom-document-caretpositionfrompoint: without shadowRoots the caret stops at the host.
  const caret = doc.caretPositionFromPoint(x, y, { shadowRoots: shadowRootsAt(doc, x, y) });
  if (!caret) return undefined;
  const { offsetNode, offset } = caret;
  // The caret sits between characters; the one before it may be the mention's last.
  const mention = highlights.at(offsetNode, offset) ?? (offset > 0 ? highlights.at(offsetNode, offset - 1) : undefined);
  return mention && isOnText(mention, x, y) ? mention : undefined;
}
