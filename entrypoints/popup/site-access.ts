/**
 * Whether the browser lets the extension read the popup's site. A reader can
 * take that away: Chromium's site access "On click" or "On specific sites",
 * Firefox's "Access your data for all websites" (which Firefox for Android
 * leaves off until the reader turns it on). The content script then does not
 * run there, and the popup's "On" would speak of marks that never come.
 */
import { browser } from 'wxt/browser';
import { LOCAL_FILES_SITE } from '../../utils/site';

export type WithheldSite = {
  /**
   * Asks the browser to let the extension read the site; it asks the reader. True once it may.
   * Called from the reader's click itself: browsers ask only during one.
   */
  allow: () => Promise<boolean>;
  /** The page was loaded without the content script: it runs once the page loads again. */
  reload: () => Promise<void>;
};

/** Every page of a site, over http and https, on any port: its part of the content script's `<all_urls>`. */
function sitePattern(site: string): string {
  return `*://${site}/*`;
}

/**
 * The site, where the browser keeps the extension out of it; null where it
 * may read it, or the site is none the reader can allow (local files have a
 * setting of their own, which the popup speaks of apart).
 */
export async function withheldSite(site: string | null, reload: () => Promise<void>): Promise<WithheldSite | null> {
  if (site === null || site === LOCAL_FILES_SITE) return null;
  const origins = [sitePattern(site)];
  if (await browser.permissions.contains({ origins })) return null;
  return { allow: () => browser.permissions.request({ origins }), reload };
}
