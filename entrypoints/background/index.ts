import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { errorMessage } from '../../utils/error-message';
import { parseRequest } from '../../utils/protocol';
import { openFactStore } from './fact-store';
import { serveRequest } from './requests';
import { keptFactStore } from './store-keeper';
import { followTabsOpenBeforeInstall } from './tabs-before-install';

export default defineBackground({
  // Firefox: an event page, stopped when idle like Chrome's service worker.
  persistent: false,
  main() {
    // The store is a cache, rebuilt from IndexedDB whenever the worker starts:
    // no data lives only in this worker's memory. A store on memory (the
    // database failed to open, to seed or a read) answers every request, and
    // the database is tried again a minute later (store-keeper.ts); the next
    // request after the connection closed under us opens the database anew.
    const services = {
      extensionOrigin: browser.runtime.getURL('/'),
      store: keptFactStore((onClosed, options) => openFactStore({ entities, facts, dataVersion }, onClosed, options)),
    };

    // Listeners are added synchronously in main() so a message that wakes the worker is not missed.
    // Firefox runs the content script in the tabs open at install; Chromium does not.
    const contentScriptRuns = import.meta.env.FIREFOX ? undefined : followTabsOpenBeforeInstall();
    browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
      const request = parseRequest(message);
      if (!request) {
        console.warn('Peninsula Lens: ignored a message that is not a known request.', message);
        sendResponse(undefined);
        return true;
      }
      if (request.type === 'site-status' || request.type === 'page-not-read') contentScriptRuns?.({ tabId: sender.tab?.id, frameId: sender.frameId });
      serveRequest(request, { url: sender.url, tabUrl: sender.tab?.url }, services).then(sendResponse, (error: unknown) => {
        sendResponse({ error: errorMessage(error) });
      });
      return true;
    });
  },
});
