/**
 * Which site the popup speaks of: the active tab's. A `?site=` parameter
 * names one instead, for the popup opened as a page (where the active tab is
 * the popup itself).
 */
import { browser } from 'wxt/browser';
import { siteOf } from '../../utils/site';

export async function currentSite(location: Location): Promise<string | null> {
  const named = new URLSearchParams(location.search).get('site');
  if (named) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return siteOf(tab?.url);
}
