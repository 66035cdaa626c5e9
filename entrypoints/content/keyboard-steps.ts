/**
 * Where Alt+Shift+↓ / ↑ go: which mention is next, which keys are the
 * page's, and scrolling the mention to the middle of the view.
 */
import { getOverflowAncestors } from '@floating-ui/dom';
import { browser } from 'wxt/browser';
import { flatTreeAncestors } from './flat-tree';
import type { PaintedMention } from './highlights';
import { TOP_LAYER } from './top-layer';

/** True for a box the browser drew: a hidden mention's is empty. */
function isDrawn(rect: DOMRect): boolean {
  return rect.width > 0 || rect.height > 0;
}

/** True when the mention can be seen: drawn, in the window, and not scrolled out of a box around it. */
function isInView(doc: Document, mention: PaintedMention): boolean {
  const rect = mention.range.getBoundingClientRect();
  if (!isDrawn(rect) || rect.bottom <= 0 || rect.top >= (doc.defaultView?.innerHeight ?? 0)) return false;
  // From the text node: a box whose own text the mention is counts too.
  return getOverflowAncestors(mention.startNode, [], false).every((box) => {
    if (!(box instanceof Element)) return true;
    const clip = box.getBoundingClientRect();
    return rect.bottom > clip.top && rect.top < clip.bottom;
  });
}

/**
 * True for a mention in a box that stays put while the page scrolls (a fixed
 * or sticky header, a banner): always in view, it says nothing of where the
 * reader is, and scrolling to it scrolls the page away from them. Not one
 * in a box that scrolls inside the fixed one (an app that scrolls its main
 * column), nor one in a dialog or an element shown full screen.
 */
function staysPut(mention: PaintedMention): boolean {
  for (const element of flatTreeAncestors(mention.startNode)) {
    if (element.matches(TOP_LAYER)) return false;
    const { position, overflowY } = getComputedStyle(element);
    if (/fixed|sticky/.test(position)) return true;
    if (/auto|scroll/.test(overflowY)) return false;
  }
  return false;
}

/**
 * The mention to step to from `from` (the open card's, or the last one's):
 * the next one in `direction` while `from` is still in view (and not in a
 * box that stays put); else, from where the reader is, the first mention at
 * or below the top of the window (stepping up, the last at or above its
 * bottom) outside such boxes; past the end, round to the other end.
 */
export function nextMention(
  doc: Document,
  mentions: readonly PaintedMention[],
  from: PaintedMention | undefined,
  direction: 1 | -1,
): PaintedMention | undefined {
  // Where the page wrote the name anew (a ticker, a re-render), its live range collapsed into the nearest
  // part still on the page: the mention now in that part stands for it. Else every step would start again
  // from the first name in view, the ticker.
  const place = from?.range.collapsed && from.range.startContainer;
  const at = from ? mentions.findIndex((mention) => (place ? place.contains(mention.startNode) : mention.range === from.range)) : -1;
  const standing = mentions[at];
  const onFrom = () => mentions[(at + direction + mentions.length) % mentions.length];
  const standsInView = standing !== undefined && isInView(doc, standing);
  if (standsInView && !staysPut(standing)) return onFrom();
  const height = doc.defaultView?.innerHeight ?? 0;
  const inOrder = direction === 1 ? mentions : [...mentions].reverse();
  const ahead = (mention: PaintedMention) => {
    const rect = mention.range.getBoundingClientRect();
    return isDrawn(rect) && (direction === 1 ? rect.top >= 0 : rect.bottom <= height);
  };
  const seen = inOrder.find((mention) => ahead(mention) && !staysPut(mention));
  if (seen) return seen;
  // Every name ahead stays put (a page that locks its scrolling with a fixed body): in order, from the last.
  return standsInView ? onFrom() : (inOrder.find(ahead) ?? inOrder[0]);
}

/**
 * The mentions a reader can reach: not those put before the page's start,
 * where no scrolling brings them (a "skip to content" link at -9999px: its
 * card would open out of sight); while the page shows a modal dialog (or an
 * element full screen), those inside it. The browser makes the rest inert,
 * and their cards would open behind it, out of reach of focus.
 */
export function reachableMentions(doc: Document, mentions: readonly PaintedMention[]): readonly PaintedMention[] {
  const onPage = mentions.filter((mention) => {
    const rect = mention.range.getBoundingClientRect();
    let [right, bottom] = [rect.right, rect.bottom];
    // Only a name left of or above the view asks how far each box around it, and the window, is scrolled.
    if (right > 0 && bottom > 0) return true;
    for (const box of getOverflowAncestors(mention.startNode, [], false)) {
      if (box instanceof Element) [right, bottom] = [right + box.scrollLeft, bottom + box.scrollTop];
      else if ('scrollX' in box) [right, bottom] = [right + box.scrollX, bottom + box.scrollY];
    }
    return right > 0 && bottom > 0;
  });
  // The dialog in front holds focus (also one in a component, or one opened from inside another).
  let focused = doc.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  const front =
    (focused && [...flatTreeAncestors(focused)].find((element) => element.matches(':modal'))) || doc.querySelector('dialog:modal') || doc.fullscreenElement;
  return front ? onPage.filter((mention) => [...flatTreeAncestors(mention.startNode)].includes(front)) : onPage;
}

/** Chromium's way for an extension to see into a closed shadow root (its `dom` API, which the polyfill passes through). */
type ClosedRootReader = { dom?: { openOrClosedShadowRoot(element: HTMLElement): ShadowRoot | null } };

/** A component's shadow root, a closed one too: extensions may look in (Firefox gives its content scripts a property). */
function shadowRootOf(element: HTMLElement): ShadowRoot | null | undefined {
  try {
    return (
      (element as HTMLElement & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
      (browser as ClosedRootReader).dom?.openOrClosedShadowRoot(element)
    );
  } catch {
    // A copy of the script left running by an update has lost its extension APIs: nothing to look into.
    return null;
  }
}

/** Fields that take typed text and arrow keys; not a checkbox, a radio button, a range or a button, which leave the steps to the reader. */
const TEXT_FIELDS =
  'textarea,select,input:not([type=checkbox],[type=radio],[type=range],[type=button],[type=submit],[type=reset],[type=image],[type=file],[type=color])';

/**
 * True when keys go to a text field or an editor: the focused element, down
 * through the components around it (a closed one shows only itself as the
 * target, whatever has focus inside it).
 */
export function isEditing(target: EventTarget | null): boolean {
  for (let focused = target; focused instanceof HTMLElement; focused = shadowRootOf(focused)?.activeElement ?? null) {
    if (focused.isContentEditable || focused.matches(TEXT_FIELDS)) return true;
  }
  return false;
}

/**
 * Scrolls so that the mention itself, not only its element (a long paragraph
 * may be taller than the window), stands in the middle of the view, through
 * every scrolling box around it.
 */
export function scrollToMiddle(doc: Document, mention: PaintedMention): void {
  const element = mention.startNode.parentElement;
  // A header that stays put is in view already: scrolling it "into view" would move the page under it.
  if (!element || (isInView(doc, mention) && staysPut(mention))) return;
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  const view = doc.defaultView;
  if (!view) return;
  for (const box of getOverflowAncestors(mention.startNode, [], false)) {
    if (!(box instanceof Element) && box !== view) continue;
    const rect = mention.range.getBoundingClientRect();
    const boxTop = box instanceof Element ? box.getBoundingClientRect().top : 0;
    const boxHeight = box instanceof Element ? box.clientHeight : view.innerHeight;
    const scrolledFrom = box instanceof Element ? box.scrollTop : view.scrollY;
    box.scrollBy({ top: rect.top + rect.height / 2 - (boxTop + boxHeight / 2), behavior: 'instant' });
    // A box whose scrolling does not move the mention (the page behind a fixed header or a dialog) goes back.
    if (Math.abs(mention.range.getBoundingClientRect().top - rect.top) < 1) box.scrollTo({ top: scrolledFrom, behavior: 'instant' });
  }
}
