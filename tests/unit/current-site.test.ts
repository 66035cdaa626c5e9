/**
 * Which site the popup speaks of: in real use the active tab's (through
 * `activeTab`); `?site=` names one instead when the popup is opened as a page,
 * as the end-to-end tests open it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isClosedToExtensions } from '../../entrypoints/popup/closed-pages';
import { currentSite, staleTab } from '../../entrypoints/popup/current-site';
import { rememberTabsOpenNow } from '../../utils/tabs-before-install';

/** The browser's state the popup opens in: a focused window whose active tab shows `url`. */
async function activeTabAt(url: string | undefined): Promise<void> {
  const focused = await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.tabs.create({ windowId: focused?.id, url, active: true });
}

/** The popup's own address, as the browser opens it. */
function openPopupAt(path: string): Location {
  history.replaceState(null, '', path);
  return window.location;
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});

describe('currentSite', () => {
  it('without ?site=, gives the site of the active tab in this window, without its port or path', async () => {
    await activeTabAt('https://news.example:8080/x');
    expect(await currentSite(openPopupAt('/popup.html'))).toBe('news.example');
  });

  it('gives no site when no tab is active', async () => {
    await fakeBrowser.windows.create({ focused: true });
    const query = vi.spyOn(browser.tabs, 'query');
    expect(await currentSite(openPopupAt('/popup.html'))).toBeNull();
    expect(query).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a browser page', 'chrome://extensions/'],
    ['a blank tab', 'about:blank'],
    ['a tab whose URL the popup may not see', undefined],
  ])('gives no site for %s', async (_name, url) => {
    await activeTabAt(url);
    const query = vi.spyOn(browser.tabs, 'query');
    expect(await currentSite(openPopupAt('/popup.html'))).toBeNull();
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('gives no site for a page the browser keeps extensions out of: its store, a PDF file', async () => {
    await activeTabAt('https://chromewebstore.google.com/detail/some-extension/abc');
    expect(await currentSite(openPopupAt('/popup.html'))).toBeNull();
    fakeBrowser.reset();
    await activeTabAt('https://news.example/report.PDF');
    expect(await currentSite(openPopupAt('/popup.html'))).toBeNull();
  });

  it('gives the site ?site= names, over the active tab’s', async () => {
    await activeTabAt('https://news.example/');
    const query = vi.spyOn(browser.tabs, 'query');
    expect(await currentSite(openPopupAt('/popup.html?site=blog.example.org'))).toBe('blog.example.org');
    expect(query).not.toHaveBeenCalled();
  });

  it.each([
    ['a host name in capitals, with a port and a trailing dot', 'News.Example.:8080', 'news.example'],
    ['a page’s address', 'https://blog.example.org/2019/06/x?y=1', 'blog.example.org'],
    ['local files', 'local files', 'local files'],
    ['a file’s address', 'file:///home/reader/article.html', 'local files'],
    ['a browser page', 'about:blank', null],
    ['no host name at all', 'not a host/', null],
  ])('reads ?site= as the tab’s site would be read: %s', async (_name, named, site) => {
    expect(await currentSite(openPopupAt(`/popup.html?site=${encodeURIComponent(named)}`))).toBe(site);
  });
});

describe('isClosedToExtensions', () => {
  it.each([
    ['Chrome’s store', 'https://chromewebstore.google.com/category/extensions', false, true],
    ['Chrome’s old store address', 'https://chrome.google.com/webstore/detail/x', false, true],
    ['another page of chrome.google.com', 'https://chrome.google.com/intl/en/chrome/', false, false],
    ['Firefox’s add-ons site, in Chrome', 'https://addons.mozilla.org/en-US/firefox/', false, false],
    ['Firefox’s add-ons site, in Firefox', 'https://addons.mozilla.org/en-US/firefox/', true, true],
    ['Firefox’s support site, in Firefox', 'https://support.mozilla.org/kb/x', true, true],
    ['Chrome’s store, in Firefox', 'https://chromewebstore.google.com/', true, false],
    ['a PDF file', 'https://news.example/files/statement.pdf', true, true],
    ['a news page', 'https://news.example/pdf-reader-review', false, false],
    ['no address', undefined, false, false],
  ])('%s', (_name, address, firefox, closed) => {
    expect(isClosedToExtensions(address, firefox)).toBe(closed);
  });
});

describe('staleTab', () => {
  /** Lists every tab open now, as an install does (the fake browser gives its tabs no loading status). */
  async function installNow(): Promise<void> {
    const tabs = await fakeBrowser.tabs.query({});
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementationOnce(() => Promise.resolve(tabs));
    await rememberTabsOpenNow();
  }

  it('is the active tab where it was open at install, and reloads that tab', async () => {
    await activeTabAt('https://news.example/a');
    await installNow();
    const reload = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined);
    const stale = await staleTab(openPopupAt('/popup.html'));
    await stale?.reload();
    const [tab] = await fakeBrowser.tabs.query({ active: true });
    expect(reload).toHaveBeenCalledWith(tab?.id);
  });

  it('is none for a tab opened after install, and none for a ?tab= that names no tab of the list', async () => {
    await installNow();
    await activeTabAt('https://news.example/b');
    expect(await staleTab(openPopupAt('/popup.html'))).toBeNull();
    expect(await staleTab(openPopupAt('/popup.html?site=news.example&tab=x'))).toBeNull();
  });

  it('takes the tab a ?tab= parameter names, for the popup opened as a page', async () => {
    await activeTabAt('https://news.example/c');
    const [tab] = await fakeBrowser.tabs.query({ active: true });
    await installNow();
    await activeTabAt(undefined);
    expect(await staleTab(openPopupAt(`/popup.html?site=news.example&tab=${tab?.id}`))).not.toBeNull();
  });
});
