/**
 * Keeps the list of tabs open at install or update (utils/tabs-before-install.ts)
 * in Chromium: filled when the extension is installed or updated, and each tab
 * taken off once a page in it runs the content script, loads, or closes.
 */
import { browser } from 'wxt/browser';
import { errorMessage } from '../../utils/error-message';
import { forgetTab, rememberTabsOpenNow } from '../../utils/tabs-before-install';

function warn(error: unknown): void {
  console.warn('Peninsula Lens: could not keep the list of tabs open at install:', errorMessage(error));
}

/**
 * Adds the listeners (synchronously, so an event that wakes the worker is not
 * missed) and returns what to call for each page that asks for its site's
 * status, which shows that the tab runs the content script.
 */
export function followTabsOpenBeforeInstall(): (sender: { tabId?: number; frameId?: number }) => void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Not after a browser update: the browser started again, and its tabs loaded with the content script.
    if (reason === 'install' || reason === 'update') rememberTabsOpenNow().catch(warn);
  });
  browser.tabs.onUpdated.addListener((tabId, { status }) => {
    if (status === 'loading') forgetTab(tabId).catch(warn);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(warn);
  });
  return ({ tabId, frameId }) => {
    if (tabId !== undefined && frameId === 0) forgetTab(tabId).catch(warn);
  };
}
