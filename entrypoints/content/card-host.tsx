/**
 * The card: a closed shadow host, in the page only while a card is open (made
 * when the first one is needed, then put back and taken away). Preact renders
 * into it; the styles are adopted from a constructed sheet, so a page's CSP
 * cannot strip them. This module and what it imports (Preact, floating-ui,
 * the card's view and styles) are the card's own bundle (entrypoints/card.ts),
 * which the content script loads when a page first needs a card
 * (lazy-card-host.ts), not on every page.
 */
import { computePosition, flip, getOverflowAncestors, hide, type Middleware, platform, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { type CardState, EntityCardView } from '../../components/EntityCardView';
import cardCss from './card.css?inline';
import { flatTreeAncestors } from './flat-tree';
import { oncePerFrame } from './once-per-frame';
import { TOP_LAYER } from './top-layer';

export type CardHost = {
  show(state: CardState, anchor: VirtualElement): void;
  hide(): void;
  /** True while a card is shown and its host is on the page. */
  isOpen(): boolean;
  /**
   * True while the open card can be seen: not while its mention is scrolled away or its dialog was closed,
   * nor behind a modal dialog the page opened since.
   */
  isVisible(): boolean;
  /** True when an event happened inside the card. */
  contains(event: Event): boolean;
  /** True for the card's host (what the page sees of anything inside the card). */
  containsNode(node: Node): boolean;
  /**
   * True while focus stands where the next Tab (or Shift+Tab, `backwards`) leaves the card: on its last
   * control, or on the card itself or its first control.
   */
  hasFocusAtEdge(backwards: boolean): boolean;
  /** Moves keyboard focus to the open card, or to its button of a related entity. */
  focus(relatedId?: string): void;
  /** True while the open card shows every fact (its disclosure is open). */
  showsAllFacts(): boolean;
  destroy(): void;
};

export type CardCallbacks = { onClose: () => void; onOpenEntity: (entityId: string, name: string) => void };

/** How far down the card its heading lies, where the card is looked for in front of the page. */
const HEADING_PX = 24;

/** Events of selecting and copying a quote in the card, which the page's own listeners on the way up do not hear. */
const KEPT_FROM_THE_PAGE = ['mousedown', 'selectstart', 'copy', 'contextmenu', 'dragstart'] as const;

/**
 * The gap between the name and the card, below it or above it (the only two sides it takes). floating-ui's
 * own `offset` middleware, which knows every side and alignment, took 235 bytes of what was then the content script's
 * budget; this is the same step for the two sides, first, so that `flip` and `size` measure with the gap.
 */
const GAP_PX = 6;
const gap: Middleware = { name: 'gap', fn: ({ y, placement }) => ({ y: placement.startsWith('top') ? y - GAP_PX : y + GAP_PX }) };

/** The card keeps this far from the window's edges. */
const EDGE_PX = 8;
/**
 * With less room than this beside its name (in a short frame, an ad slot, a
 * short dialog) the card takes the whole height of the box it is drawn in,
 * over the name: cut to the room, it showed half a heading.
 */
const MIN_ROOM_PX = 160;
/** Where there is room, the card takes at most this share of that box's height. */
const MOST_OF_WINDOW = 0.7;

/**
 * Counts each card's placements. Placing takes several steps: one begun for
 * what the card showed a moment before ("Looking up…", answered at once from
 * the cache) must neither cut the card to its room nor move it once a newer
 * one has begun.
 */
const placements = new WeakMap<HTMLElement, number>();

function place(anchor: VirtualElement, card: HTMLElement): void {
  const placement = (placements.get(card) ?? 0) + 1;
  placements.set(card, placement);
  const isLatest = () => placements.get(card) === placement;
  // Measured at its full height: a cut left from an earlier placement (a card that said "Looking up…" fitted
  // below) would make the full card seem to fit there too, and it would never go to the side with more room.
  // The cut is set again below before the browser draws.
  card.style.removeProperty('--room');
  const host = (card.getRootNode() as ShadowRoot).host;
  // A page that zooms its root element (which holds the host) would zoom the card and its translation too.
  card.style.zoom = `${1 / (host as Element & { currentCSSZoom: number }).currentCSSZoom}`;
  void computePosition(anchor, card, {
    strategy: 'fixed',
    // Everything as the window shows it, from the window's corner. floating-ui would take the root element's
    // offset (a transformed or zoomed root, one with a margin, a page written top to bottom) for a scroll bar's
    // and move the card by it; the corner the card is drawn from is found below.
    platform: {
      ...platform,
      getOffsetParent: () => window,
      getElementRects: ({ reference, floating }) => ({ reference: reference.getBoundingClientRect(), floating: floating.getBoundingClientRect() }),
    },
    placement: 'bottom-start',
    middleware: [
      gap,
      // Where neither side has room for a long card, the side with more room takes it, cut to fit.
      flip({ padding: EDGE_PX }),
      size({
        padding: EDGE_PX,
        async apply({ availableHeight, elements, platform, strategy }) {
          if (!isLatest()) return;
          // The whole box the card is drawn in: the window, or a top layer or frame that clips it.
          const clip = await platform.getClippingRect({ element: elements.floating, boundary: 'clippingAncestors', rootBoundary: 'viewport', strategy });
          const room = availableHeight < MIN_ROOM_PX ? clip.height - 2 * EDGE_PX : Math.min(availableHeight, MOST_OF_WINDOW * clip.height);
          elements.floating.style.setProperty('--room', `${Math.max(0, Math.floor(room))}px`);
          // The box's width, not the window's (100vw takes in the page's scroll bar).
          elements.floating.style.setProperty('--width', `${Math.max(0, Math.floor(clip.width - 2 * EDGE_PX))}px`);
        },
      }),
      // Across too: a card given the box's whole height moves to stay inside it.
      shift({ padding: EDGE_PX, crossAxis: true }),
      hide(),
    ],
  }).then(({ x, y, middlewareData }) => {
    if (!isLatest()) return;
    // Positions are from the window's corner, where a fixed box starts, unless a box around it (the page's
    // root element, a dialog) contains its paint or is transformed: then the box starts at that box's corner,
    // which may scroll. Where the card stands untranslated says which.
    card.style.transform = '';
    const origin = card.getBoundingClientRect();
    card.style.transform = `translate(${Math.round(x - origin.left)}px, ${Math.round(y - origin.top)}px)`;
    // A mention scrolled out of its box is not pointed at from over the box's edge.
    card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : '';
  });
}

/**
 * Keeps the card at its mention while the page or any scrolling box around
 * the mention scrolls (in a component's shadow tree too, whose scroll events
 * do not reach the document), and when the window resizes; returns a function
 * that stops. (Not floating-ui's autoUpdate: scroll and resize are all a
 * mention can move with, and the card's bundle is loaded at a page's first
 * card, which waits for it.)
 */
function followAnchor(doc: Document, anchor: VirtualElement, card: HTMLElement): () => void {
  const listening = new AbortController();
  // Not once the page took the card away: it is shown again, and placed, at the next point at its name.
  const update = oncePerFrame(() => card.isConnected && place(anchor, card), listening.signal);
  place(anchor, card);
  doc.addEventListener('scroll', update, { capture: true, passive: true, signal: listening.signal });
  if (anchor.contextElement) {
    // This frame's only: the card is fixed in this frame's window, which a parent frame's scrolling moves whole.
    // The mention's own element too: it may be the scrolling box itself.
    for (const scroller of [anchor.contextElement, ...getOverflowAncestors(anchor.contextElement, [], false)]) {
      scroller.addEventListener('scroll', update, { passive: true, signal: listening.signal });
    }
  }
  doc.defaultView?.addEventListener('resize', update, { passive: true, signal: listening.signal });
  return () => listening.abort();
}

/**
 * Where the card goes: the root element, or the modal dialog, open popover
 * or full-screen element around the mention (in the flat tree: also one in
 * the shadow tree of a component the mention is slotted into), which the
 * browser draws above the root element's descendants and, for a modal
 * dialog, makes everything outside it inert.
 */
function layerAround(doc: Document, element: Element | undefined): Element {
  if (element) for (const around of flatTreeAncestors(element)) if (around.matches(TOP_LAYER)) return around;
  return doc.documentElement;
}

/**
 * Creates the host lazily on first show; nothing is added to the page before. `attach` makes the host
 * element: the content script's (card-host-element.ts), which keeps the list of our hosts.
 */
export function createCardHost(doc: Document, callbacks: CardCallbacks, attach: (doc: Document) => [HTMLElement, ShadowRoot]): CardHost {
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  let stopPositioning: (() => void) | undefined;

  function ensureMounted(layer: Element): HTMLElement {
    if (host && mount) {
      // Put back after the last card closed, or after the page took it away.
      if (host.parentNode !== layer) layer.append(host);
      return mount;
    }
    const [created, shadow] = attach(doc);
    host = created;
    // A page that cancels these on its document (no selecting, no copying, no menu to copy with) or rewrites
    // what a copy puts on the clipboard would do so to the card's quotes: they stop at the card. The page's
    // listeners on the way down (capture) still hear them; the extension's own do not listen for them.
    for (const type of KEPT_FROM_THE_PAGE) shadow.addEventListener(type, (event) => event.stopPropagation());
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    shadow.adoptedStyleSheets = [sheet];
    mount = doc.createElement('div');
    mount.className = 'anchor';
    shadow.append(mount);
    // The root element, not body: pages that replace their body keep the card.
    layer.append(host);
    return mount;
  }

  function hide(): void {
    stopPositioning?.();
    stopPositioning = undefined;
    if (mount) render(null, mount);
    // While no card is open, the page holds nothing of ours.
    host?.remove();
  }

  return {
    show(state, anchor) {
      const target = ensureMounted(layerAround(doc, anchor.contextElement));
      render(<EntityCardView state={state} onClose={callbacks.onClose} onOpenEntity={callbacks.onOpenEntity} />, target);
      stopPositioning?.();
      stopPositioning = followAnchor(doc, anchor, target);
    },
    hide,
    // Not once the page took the host away: pointing at the name again shows the card again.
    isOpen: () => host?.isConnected === true && mount?.firstChild != null,
    // Nor while anything the page opened since stands in front of it (a modal dialog, which dims it and makes
    // it inert, even one in a component or in front of another): the point at its heading must be the card's.
    isVisible: () => {
      const card = mount?.firstElementChild;
      if (!card?.checkVisibility({ visibilityProperty: true })) return false;
      const { left, top, width, height } = card.getBoundingClientRect();
      // Asked of the tree the host is in (a component's dialog holds it where the name is in one).
      const scope = host?.getRootNode() as Document | ShadowRoot | undefined;
      return scope?.elementFromPoint(left + width / 2, top + Math.min(height / 2, HEADING_PX)) === host;
    },
    contains: (event) => host !== undefined && event.composedPath().includes(host),
    containsNode: (node) => host?.contains(node) === true,
    hasFocusAtEdge(backwards) {
      // In the card's order: the way back, close, the facts' disclosure, then the related names. The event's
      // path stops at the host of a closed root: ask the root what has focus.
      if (!mount) return false;
      const focused = (mount.getRootNode() as ShadowRoot).activeElement;
      const controls = mount.querySelectorAll('button,summary');
      // The card itself takes focus when the keyboard opens it, and is not in the Tab order.
      return backwards ? focused === controls[0] || focused?.getAttribute('role') === 'dialog' : focused === controls[controls.length - 1];
    },
    focus(relatedId) {
      // The dialog itself takes focus (and is announced by its name); Tab then reaches its buttons. Entity
      // ids are checked to be [a-z0-9-] (utils/protocol.ts): safe in a selector.
      const target = mount?.querySelector<HTMLElement>(relatedId ? `[data-id="${relatedId}"]` : '[role="dialog"]');
      // Away and back when it has focus already (the keyboard stepped on with the card open): a screen reader
      // tells of an element focus moves to, not of a name changed under focus ("mention 2 of 6" went unsaid).
      target?.blur();
      target?.focus();
    },
    showsAllFacts: () => mount?.querySelector('details')?.open === true,
    destroy() {
      hide();
      host?.remove();
      host = undefined;
      mount = undefined;
    },
  };
}
