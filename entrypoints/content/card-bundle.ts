/**
 * What joins the content script to the card's own bundle (entrypoints/card.ts,
 * built to card.js): where the bundle is, and the name under which it leaves
 * its factory. Both run in the extension's isolated world, which the page
 * cannot see, so a global is how the two meet.
 */
import type { CardCallbacks, CardHost } from './card-host';

export type CardHostFactory = (doc: Document, callbacks: CardCallbacks, attach: (doc: Document) => [HTMLElement, ShadowRoot]) => CardHost;

/** The card's bundle in the extension, as WXT writes an unlisted script (web-accessible: wxt.config.ts). */
export const CARD_BUNDLE_PATH = '/card.js';

/** The property of the isolated world's global object that holds the factory once the bundle has run. */
export const CARD_FACTORY_KEY = 'peninsulaLensCardHost';

/** The isolated world's global object, as the two bundles use it. */
export const cardBundleGlobal = globalThis as typeof globalThis & { [CARD_FACTORY_KEY]?: unknown };
