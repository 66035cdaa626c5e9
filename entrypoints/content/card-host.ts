/**
 * The one place the extension adds to a page: a closed shadow host for the
 * card, in the page only while a card is open (made when the first one is
 * needed, then put back and taken away). Preact renders into it; the
 * styles are adopted from a constructed sheet, so a page's CSP cannot strip
 * them and nothing has to be web-accessible.
 */
import { computePosition, flip, offset, shift, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { type CardState, EntityCardView } from '../../components/EntityCardView';
import cardCss from './card.css?inline';

export const CARD_HOST_TAG = 'peninsula-lens-card';

/** True for our card's host: watchers of the page leave our own changes alone. */
export function isCardHost(node: Node): boolean {
  return node instanceof Element && node.localName === CARD_HOST_TAG;
}

export type CardHost = {
  show(state: CardState, anchor: VirtualElement): void;
  hide(): void;
  isOpen(): boolean;
  /** True when an event happened inside the card. */
  contains(event: Event): boolean;
  /** Moves keyboard focus to the open card. */
  focus(): void;
  destroy(): void;
};

export type CardCallbacks = { onClose: () => void; onOpenEntity: (entityId: string, name: string) => void };

function place(anchor: VirtualElement, card: HTMLElement): void {
  void computePosition(anchor, card, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [offset(6), flip(), shift({ padding: 8 })],
  }).then(({ x, y }) => {
    card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  });
}

/**
 * Keeps the card at its mention while the page or any scrolling box in it
 * scrolls, and when the window resizes; returns a function that stops. (Not
 * floating-ui's autoUpdate: scroll and resize are all a mention can move with,
 * and the content script ships on every page, so every kilobyte counts.)
 */
function followAnchor(doc: Document, anchor: VirtualElement, card: HTMLElement): () => void {
  const listening = new AbortController();
  let framePending = false;
  const update = () => {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      place(anchor, card);
    });
  };
  place(anchor, card);
  doc.addEventListener('scroll', update, { capture: true, passive: true, signal: listening.signal });
  doc.defaultView?.addEventListener('resize', update, { passive: true, signal: listening.signal });
  return () => listening.abort();
}

/** Creates the host lazily on first show; nothing is added to the page before. */
export function createCardHost(doc: Document, callbacks: CardCallbacks): CardHost {
  let host: HTMLElement | undefined;
  let mount: HTMLElement | undefined;
  let stopPositioning: (() => void) | undefined;

  function ensureMounted(): HTMLElement {
    if (host && mount) {
      // Put back after the last card closed, or after the page took it away.
      if (!host.isConnected) doc.documentElement.append(host);
      return mount;
    }
    host = doc.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cardCss);
    shadow.adoptedStyleSheets = [sheet];
    mount = doc.createElement('div');
    mount.className = 'anchor';
    shadow.append(mount);
    // The root element, not body: pages that replace their body keep the card.
    doc.documentElement.append(host);
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
      const target = ensureMounted();
      render(h(EntityCardView, { state, onClose: callbacks.onClose, onOpenEntity: callbacks.onOpenEntity }), target);
      stopPositioning?.();
      stopPositioning = followAnchor(doc, anchor, target);
    },
    hide,
    isOpen: () => mount?.firstChild != null,
    contains: (event) => host !== undefined && event.composedPath().includes(host),
    focus() {
      // The dialog itself takes focus (and is announced by its name); Tab then reaches its buttons.
      mount?.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    },
    destroy() {
      hide();
      host?.remove();
      host = undefined;
      mount = undefined;
    },
  };
}
