/**
 * Pages the browser keeps every extension out of, though their address is
 * an ordinary web one: the popup says the extension does not run there
 * instead of showing a switch that changes nothing on them.
 */

/** Chrome's own store (the old address only under /webstore). */
function closedInChrome(url: URL): boolean {
  return url.hostname === 'chromewebstore.google.com' || (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore'));
}

/** Firefox's `extensions.webextensions.restrictedDomains`, as it ships: its add-ons site, accounts and support. */
const FIREFOX_RESTRICTED_HOSTS = new Set(
  (
    'accounts-static.cdn.mozilla.net accounts.firefox.com addons.cdn.mozilla.net addons.mozilla.org api.accounts.firefox.com ' +
    'content.cdn.mozilla.net discovery.addons.mozilla.org install.mozilla.org oauth.accounts.firefox.com ' +
    'profile.accounts.firefox.com support.mozilla.org sync.services.mozilla.com'
  ).split(' '),
);

/**
 * True for an address no extension may run on in this browser: its store, or a PDF file, which both
 * browsers show in their own viewer, where content scripts do not run. The address alone tells a PDF: a
 * site that serves an HTML page at ".pdf" (a login wall) is taken for one, rarer than PDF files are.
 */
export function isClosedToExtensions(address: string | undefined, firefox: boolean): boolean {
  let url: URL;
  try {
    url = new URL(address ?? '');
  } catch {
    return false;
  }
  if (/\.pdf$/i.test(url.pathname)) return true;
  return firefox ? FIREFOX_RESTRICTED_HOSTS.has(url.hostname) : closedInChrome(url);
}
