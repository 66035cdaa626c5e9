/**
 * A card host whose code is loaded when the first card opens. The card's
 * bundle (Preact, floating-ui, the view and its styles; entrypoints/card.ts)
 * was two fifths of the content script that every page and frame loads and
 * evaluates, most of them never opening a card. Until it has loaded, a card
 * asked for is remembered and shown once it is there; a card closed meanwhile
 * is not shown. A bundle that cannot load is not asked for again: the browser
 * keeps a failed import for the page's life.
 */
import { browser } from 'wxt/browser';
import { CARD_BUNDLE_PATH, CARD_FACTORY_KEY, type CardHostFactory, cardBundleGlobal } from './card-bundle';
import type { CardCallbacks, CardHost } from './card-host';
import { attachCardHost } from './card-host-element';

/** Loads the card's bundle from the extension and returns its factory; rejects, saying why, when it cannot. */
export async function loadCardBundle(): Promise<CardHostFactory> {
  // A file of the extension, named here, not a value from the page: the import cannot be pointed elsewhere.
  await import(/* @vite-ignore */ browser.runtime.getURL(CARD_BUNDLE_PATH as '/card.js'));
  const factory = cardBundleGlobal[CARD_FACTORY_KEY];
  if (typeof factory !== 'function') throw new Error('the card bundle loaded but left no card');
  return factory as CardHostFactory;
}

type WantedCard = { state: Parameters<CardHost['show']>[0]; anchor: Parameters<CardHost['show']>[1]; focus?: [relatedId?: string] };

export function createLazyCardHost(doc: Document, callbacks: CardCallbacks, load: () => Promise<CardHostFactory> = loadCardBundle): CardHost {
  let real: CardHost | undefined;
  /** The card asked for while the bundle loads: the latest state, and whether focus was asked to go to it. */
  let wanted: WantedCard | undefined;
  let loading = false;
  let failed = false;
  let destroyed = false;

  /** Says why once, and puts the cards back as after a close (focus given back): no card will show. */
  function fail(error: unknown): void {
    failed = true;
    wanted = undefined;
    console.warn('Peninsula Lens: no card can be shown on this page:', error);
    if (!destroyed) callbacks.onClose();
  }

  function startLoading(): void {
    if (loading) return;
    loading = true;
    load().then((factory) => {
      if (destroyed) return;
      const card = wanted;
      wanted = undefined;
      try {
        real = factory(doc, callbacks, attachCardHost);
        if (!card) return;
        real.show(card.state, card.anchor);
        if (card.focus) real.focus(card.focus[0]);
      } catch (error) {
        real = undefined;
        fail(error);
      }
    }, fail);
  }

  return {
    show(state, anchor) {
      if (real) return real.show(state, anchor);
      if (failed) return;
      // Focus goes to this card only if asked for after it (a hover card after a keyboard one takes none).
      wanted = { state, anchor };
      startLoading();
    },
    hide() {
      wanted = undefined;
      real?.hide();
    },
    // A card asked for counts as open while its bundle loads: leaving its name closes it as it would an open one.
    isOpen: () => (real ? real.isOpen() : wanted !== undefined),
    isVisible: () => real?.isVisible() === true,
    contains: (event) => real?.contains(event) === true,
    containsNode: (node) => real?.containsNode(node) === true,
    hasFocusAtEdge: (backwards) => real?.hasFocusAtEdge(backwards) === true,
    focus(relatedId) {
      if (real) real.focus(relatedId);
      else if (wanted) wanted.focus = [relatedId];
    },
    showsAllFacts: () => real?.showsAllFacts() === true,
    destroy() {
      destroyed = true;
      wanted = undefined;
      real?.destroy();
    },
  };
}
