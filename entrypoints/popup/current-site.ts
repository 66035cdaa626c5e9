/**
 * Which site the popup speaks of: the active tab's. A `?site=` parameter
 * names one instead, for the popup opened as a page (where the active tab is
 * the popup itself): a host name or a page's address, read as the tab's
 * would be, so "News.Example:8080" turns the same site off as the tab does.
 */
import { browser } from 'wxt/browser';
import { LOCAL_FILES_SITE, siteOf } from '../../utils/site';
import { type StaleTab, wasOpenBeforeInstall } from '../../utils/tabs-before-install';
import { isClosedToExtensions } from './closed-pages';

/** The site a `?site=` value names: itself for local files, else the site of the address or host it gives. */
function namedSite(named: string): string | null {
  if (named === LOCAL_FILES_SITE) return named;
  // An address starts with its scheme and a colon; a host's colon comes before its port's digits.
  return siteOf(/^[a-z][a-z\d+.-]*:(?!\d)/i.test(named) ? named : `https://${named}`);
}

export async function currentSite(location: Location): Promise<string | null> {
  const named = new URLSearchParams(location.search).get('site');
  if (named) return namedSite(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return isClosedToExtensions(tab?.url, import.meta.env.FIREFOX) ? null : siteOf(tab?.url);
}

/** The popup's tab: the active one, or, for the popup opened as a page, the one a `?tab=` parameter names. */
async function popupTabId(location: Location): Promise<number | undefined> {
  const named = new URLSearchParams(location.search).get('tab');
  const tabId = named === null ? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id : Number(named);
  return tabId !== undefined && Number.isInteger(tabId) ? tabId : undefined;
}

/** Reloads the popup's tab. */
export async function reloadPopupTab(location: Location): Promise<void> {
  const tabId = await popupTabId(location);
  if (tabId === undefined) throw new Error('The browser did not say which tab this is.');
  await browser.tabs.reload(tabId);
}

/**
 * The popup's tab, where Chromium has not run the content script in it
 * (utils/tabs-before-install.ts); null elsewhere, and always in Firefox.
 */
export async function staleTab(location: Location): Promise<StaleTab | null> {
  if (import.meta.env.FIREFOX) return null;
  const tabId = await popupTabId(location);
  if (tabId === undefined || !(await wasOpenBeforeInstall(tabId))) return null;
  return { reload: () => browser.tabs.reload(tabId) };
}
