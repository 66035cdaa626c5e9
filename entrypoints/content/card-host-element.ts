/**
 * The card's host element: the one element the extension adds to a page.
 * Made and known here, in the content script, not in the card's own module
 * (card-host.tsx, loaded when the first card opens): the page watchers must
 * tell our host from the page's elements before any card has opened, and a
 * copy of this module in each bundle would keep two lists of hosts.
 */

import { TOP_LAYER } from './top-layer';

/** The start of the card host's tag; a random suffix ends it (see attachCardHost). */
const CARD_HOST_TAG = 'peninsula-lens-card';

/** The hosts this script made: told apart by identity, not by a name a page could give its own elements. */
const ourHosts = new WeakSet<Node>();

/** True for our card's host: watchers of the page leave our own changes alone. */
export function isCardHost(node: Node): boolean {
  return ourHosts.has(node);
}

/**
 * A new host for the card, with its closed shadow root. Its tag ends in a
 * random suffix: a page that defined our tag as its own element would run
 * its code inside our call, and could reach into the shadow root through the
 * element's internals or forbid the root (no card would ever open).
 */
export function attachCardHost(doc: Document): [HTMLElement, ShadowRoot] {
  const host = doc.createElement(`${CARD_HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`);
  const shadow = host.attachShadow({ mode: 'closed' });
  ourHosts.add(host);
  return [host, shadow];
}

/**
 * Removes the card an earlier copy of this script left open when the extension was reloaded or updated:
 * Firefox ends that copy at once, before it can close its card, which would then stay over the page for good.
 */
export function removeLeftoverCards(doc: Document): void {
  // Where a card is put (layerAround): the root element, or a dialog, popover or element shown full screen
  // in front (not one inside a closed shadow root: no script reaches in there). Looked for at every start:
  // the query took 0.04 ms on a news page and 3.7 ms on one of 100,000 nodes (about 1 % of its scan); left
  // to the first card, a card left over the name would keep the reader from pointing at it.
  for (const layer of [doc.documentElement, ...doc.querySelectorAll(TOP_LAYER)]) {
    for (const element of [...layer.children]) {
      if (element.localName.startsWith(`${CARD_HOST_TAG}-`) && !ourHosts.has(element)) element.remove();
    }
  }
}
