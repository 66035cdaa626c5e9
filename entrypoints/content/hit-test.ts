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

/** How many of the boxes under a link drawn over the text are looked into: the teaser's own few. */
const BOXES_UNDER_LINK = 6;

/**
 * The mention under a link the page drew over it: a teaser made a link whole by its headline's link
 * stretched over it (Bootstrap's `.stretched-link`, an empty `<a>` laid over the teaser). The caret stops at
 * the link on top; the boxes under the point hold the name. Only a name inside the box the link is laid out
 * in (the teaser): not one of the story under a sticky header's link or an open menu.
 */
function mentionUnderLink(doc: Document, highlights: MentionHighlights, x: number, y: number): PaintedMention | undefined {
  const [top, ...under] = doc.elementsFromPoint(x, y);
  const teaser = top?.closest<HTMLElement>('a[href]')?.offsetParent;
  if (!teaser) return undefined;
  for (const element of under.slice(0, BOXES_UNDER_LINK)) {
    for (const child of element.childNodes) {
      if (!(child instanceof Text) || !teaser.contains(child)) continue;
      const mention = highlights.in(child).find((painted) => isOnText(painted, x, y));
      if (mention) return mention;
    }
  }
  return undefined;
}

/** True for a node that is, or is in, a link. */
function isInLink(node: Node | null): boolean {
  return (node instanceof Element ? node : node?.parentElement)?.closest('a[href]') != null;
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
  if (mention && isOnText(mention, x, y)) return mention;
  // Only where the caret stopped at a link, which may lie over the text: a second hit test at every move of
  // the pointer over plain text would cost.
  return isInLink(offsetNode) ? mentionUnderLink(doc, highlights, x, y) : undefined;
}

/** True when what the reader points at is a link: the name's own, or one the page drew over it. */
export function isLinkAt(doc: Document, x: number, y: number): boolean {
  return isInLink(doc.elementFromPoint(x, y));
}
