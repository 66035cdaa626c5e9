/**
 * The extension installed while a page is open, as a reader installs it from
 * the store with tabs open. Chromium runs no content script in that page until
 * it loads again: the popup says so, and reloads it at the reader's press.
 * Firefox runs the content script in the open page at once: its popup has
 * nothing to say.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../scripts/browsers/chromium';
import { type LateInstallSession, launchChromiumThenInstall } from '../../scripts/browsers/chromium-install-later';
import { FIREFOX_EXTENSION_UUID, type FirefoxSession, launchFirefox } from '../../scripts/browsers/firefox';
import { readHighlights } from '../../scripts/browsers/page-probes';
import { type PageServer, servePages } from '../../scripts/serve';
import { browsersUnderTest } from './support/browsers-under-test';
import { waitFor } from './support/extension-browser';

const NOTICE = /open before Peninsula Lens was installed, updated or turned on: nothing on it is marked until it loads again/;

/** Highlighted ranges on the page; none while it reloads. */
const highlightCount = async (page: Page): Promise<number> => (await page.evaluate(readHighlights).catch(() => [])).length;

/**
 * Loads `url` in `popup` and waits until `ready` holds there. A moz-extension://
 * navigation may never report that it finished: it is started, and the page polled.
 */
async function loadPopup(popup: Page, url: string, ready: () => boolean): Promise<void> {
  void popup.goto(url).catch(() => undefined);
  await waitFor(() => popup.evaluate(ready).catch(() => false), `the popup at ${url}`);
}

/** The popup opened as a page in a tab of its own, naming the tab of `target` (the active one once it is brought to the front). */
async function openPopupFor(popup: Page, popupUrl: string, target: Page): Promise<void> {
  await loadPopup(popup, popupUrl, () => document.querySelector('[role=switch]') !== null);
  await target.bringToFront();
  const tabId = await popup.evaluate(async () => {
    type Tabs = { query(query: object): Promise<{ id?: number }[]> };
    const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
    return (await (scope.browser ?? scope.chrome)?.tabs.query({ active: true, currentWindow: true }))?.[0]?.id;
  });
  // In front again, as a popup is: a page in a background tab may never answer while it navigates.
  await popup.bringToFront();
  await loadPopup(popup, `${popupUrl}&tab=${tabId}`, () => location.search.includes('tab=') && document.querySelector('[role=switch]') !== null);
}

const popupText = (popup: Page): Promise<string> => popup.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' '));

/** The popup's text once it is no longer busy: it has said what it knows of the tab. */
async function settledPopupText(popup: Page): Promise<string> {
  // With the site's switch: a popup whose question about the site failed is not busy either, and says no notice.
  await waitFor(
    () =>
      popup
        .evaluate(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false' && document.querySelector('[role=switch]') !== null)
        .catch(() => false),
    'the popup to say what it knows, with the site’s switch',
  );
  return popupText(popup);
}

describe.skipIf(!browsersUnderTest().includes('chromium'))('chromium: installed while a page is open', () => {
  let server: PageServer;
  let session: LateInstallSession;
  /** A page that opted out, open in a tab of its own at install. */
  let optedOut: Page;

  beforeAll(async () => {
    server = await servePages();
    session = await launchChromiumThenInstall(async (page) => {
      const blockOthers = async (tab: Page) => {
        await tab.setRequestInterception(true);
        tab.on('request', (request) => void (isAllowedUrl(request.url()) ? request.continue() : request.abort('blockedbyclient')));
      };
      await blockOthers(page);
      await page.goto(`${server.origin}/pages/static.html`);
      optedOut = await page.browser().newPage();
      await blockOthers(optedOut);
      await optedOut.goto(`${server.origin}/pages/opt-out-page.html`);
      await page.bringToFront();
    });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('leaves the open page unmarked, says why in the popup, and marks it once the reader reloads it from there', async () => {
    // Given time to mark it, were the script running there.
    await new Promise((done) => setTimeout(done, 1500));
    expect(await highlightCount(session.page)).toBe(0);
    // The page rewrites its address and a frame in it navigates: the browser says the tab is loading, with
    // the same page, still without the script, in it.
    await session.page.evaluate(async () => {
      history.pushState(null, '', '#gallery-2');
      const frame = Object.assign(document.createElement('iframe'), { src: '/pages/static.html' });
      const loaded = () => new Promise((done) => frame.addEventListener('load', done, { once: true }));
      const first = loaded();
      document.body.append(frame);
      await first;
      const second = loaded();
      frame.src = '/pages/static.html?again';
      await second;
    });
    expect(await highlightCount(session.page)).toBe(0);
    const popup = await session.browser.newPage();
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html?site=127.0.0.1`;
    await openPopupFor(popup, popupUrl, session.page);
    await popup.waitForSelector('button.notice-action');
    expect(await popupText(popup)).toMatch(NOTICE);
    // A finger's height, as the popup's other controls.
    expect(await popup.$eval('button.notice-action', (button) => button.getBoundingClientRect().height)).toBeGreaterThanOrEqual(23.5);
    await popup.click('button.notice-action');
    await expect.poll(() => highlightCount(session.page), { timeout: 10_000 }).toBeGreaterThan(3);
    await openPopupFor(popup, popupUrl, session.page);
    expect(await settledPopupText(popup)).not.toMatch(NOTICE);
    await popup.close();
  });

  it('says nothing more of a page that opted out once the reader reloaded it, though the script marks nothing there', async () => {
    const popup = await session.browser.newPage();
    const popupUrl = `chrome-extension://${session.extensionId}/popup.html?site=127.0.0.1`;
    await openPopupFor(popup, popupUrl, optedOut);
    await popup.waitForSelector('button.notice-action');
    expect(await popupText(popup)).toMatch(NOTICE);
    await popup.click('button.notice-action');
    // Reloaded, the script runs there and leaves the page alone, as the page asked.
    await waitFor(() => optedOut.evaluate(() => document.readyState === 'complete').catch(() => false), 'the page to load again');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await highlightCount(optedOut)).toBe(0);
    await openPopupFor(popup, popupUrl, optedOut);
    expect(await settledPopupText(popup)).not.toMatch(NOTICE);
    await popup.close();
  });

  it('says nothing of it on a page opened after the install', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${server.origin}/pages/static.html`);
    await expect.poll(() => highlightCount(page), { timeout: 10_000 }).toBeGreaterThan(3);
    const popup = await session.browser.newPage();
    await openPopupFor(popup, `chrome-extension://${session.extensionId}/popup.html?site=127.0.0.1`, page);
    const text = await settledPopupText(popup);
    expect(text).toMatch(/Mark names on 127\.0\.0\.1/);
    expect(text).not.toMatch(NOTICE);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe.skipIf(!browsersUnderTest().includes('firefox'))('firefox: installed while a page is open', () => {
  let server: PageServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await servePages();
    session = await launchFirefox({ headless: true, beforeInstall: (page) => page.goto(`${server.origin}/pages/static.html`).then(() => undefined) });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('marks the open page at once, and the popup asks for no reload', async () => {
    await expect.poll(() => highlightCount(session.page), { timeout: 10_000 }).toBeGreaterThan(3);
    const popup = await session.browser.newPage();
    await openPopupFor(popup, `moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html?site=127.0.0.1`, session.page);
    const text = await settledPopupText(popup);
    expect(text).toMatch(/Mark names on 127\.0\.0\.1/);
    expect(text).not.toMatch(NOTICE);
    await popup.close();
  });
});
