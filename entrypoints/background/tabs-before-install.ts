/**
 * Keeps the list of tabs open at install, update or turning on (utils/tabs-before-install.ts)
 * in Chromium: filled when the extension is installed or updated, or starts for the first time since the
 * browser loaded it (turned on again: no install event comes then), and each tab
 * taken off once its top page asks for its site's status, which shows that it
 * runs the content script. Nothing else takes a tab off: the browser says a tab
 * is "loading" also when its page only rewrites its address (`pushState`, a
 * link to an anchor) or a frame in it navigates, with the old page, and no
 * script, still there. Listening to every tab's changes would also wake the
 * worker at each one in the whole browser; tab ids are not reused, so a closed
 * tab left on the list does no harm until the browser closes and the list goes.
 */
import { browser } from 'wxt/browser';
import { errorMessage } from '../../utils/error-message';
import { browserStarted, forgetTab, rememberTabsAtFirstStart, rememberTabsOpenNow } from '../../utils/tabs-before-install';

function warn(error: unknown): void {
  console.warn('Peninsula Lens: could not keep the list of tabs open at install:', errorMessage(error));
}

/**
 * Adds the listener (synchronously, so the event that wakes the worker is not
 * missed) and returns what to call for each page that asks for its site's
 * status.
 */
export function followTabsOpenBeforeInstall(): (sender: { tabId?: number; frameId?: number }) => void {
  /** Tabs whose top page asked since this worker started: an install handled after their asks must not list them. */
  const heardFrom = new Set<number>();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Not after a browser update: the browser started again, and its tabs loaded with the content script.
    if (reason === 'install' || reason === 'update') rememberTabsOpenNow(heardFrom).catch(warn);
  });
  // Turned on again on the extensions page, Chromium fires no install event: the first start since it loaded
  // the extension lists the open tabs instead, unless the browser itself started.
  rememberTabsAtFirstStart(heardFrom).catch(warn);
  browser.runtime.onStartup.addListener(() => {
    browserStarted().catch(warn);
  });
  return ({ tabId, frameId }) => {
    // A tab heard from is off the list already: its next asks (at each settings change) need no storage read.
    if (tabId === undefined || frameId !== 0 || heardFrom.has(tabId)) return;
    heardFrom.add(tabId);
    forgetTab(tabId).catch(warn);
  };
}
