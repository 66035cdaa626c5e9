/**
 * The card's own bundle: Preact, floating-ui, the card's view and its styles,
 * which only a page that opens a card needs. The content script imports it
 * from the extension when the first card opens (content/lazy-card-host.ts);
 * it runs in the content script's isolated world and leaves its factory there.
 */

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_FACTORY_KEY, cardBundleGlobal } from './content/card-bundle';
import { createCardHost } from './content/card-host';

export default defineUnlistedScript(() => {
  cardBundleGlobal[CARD_FACTORY_KEY] = createCardHost;
});
