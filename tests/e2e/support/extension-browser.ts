/**
 * One face for both browsers under test, so each end-to-end test is written
 * once and run in Chromium (Playwright) and Firefox (puppeteer-core over
 * WebDriver BiDi) alike: launching each with the extension, its popup and
 * background, the hooks that give a test file its browser and tab, and
 * reading the marks on a tab. The tab itself: test-tab.ts.
 */
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../scripts/browsers/chromium';
import { FIREFOX_EXTENSION_ID, FIREFOX_EXTENSION_UUID, firefoxBackgroundState, firefoxExtensionErrors, launchFirefox } from '../../../scripts/browsers/firefox';
import {
  firefoxEmulateDarkMode,
  firefoxGrantPermissionRequests,
  firefoxSetDefaultFontSize,
  firefoxSetEnabled,
  firefoxSetSiteAccess,
} from '../../../scripts/browsers/firefox-settings';
import { type HighlightedRange, readHighlights, revealHighlight } from '../../../scripts/browsers/page-probes';
import { blend, type PageEvaluate, type Rgb, shareOfPixelsChanged, shareOfPixelsNear } from '../../../scripts/browsers/pixels';
import { type PageServer, servePages } from '../../../scripts/serve';
import { playwrightTab, puppeteerTab, type Rect, type TestTab } from './test-tab';
import { pollFor, waitFor } from './wait';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

type PopupTab = {
  switchChecked(): Promise<boolean>;
  clickSwitch(): Promise<void>;
  text(): Promise<string>;
  type(selector: string, text: string): Promise<void>;
  /** A key pressed where focus is, as the keyboard would ("ArrowDown"). */
  press(key: string): Promise<void>;
  /** A click, as the mouse would, on the first element `selector` finds. */
  click(selector: string): Promise<void>;
  /** The computed font size and family of the first element `selector` finds. */
  fontOf(selector: string): Promise<string>;
  /** Runs `fn` in the popup's page. */
  evaluate<R>(fn: () => R): Promise<R>;
  /** Renders the popup as the system's dark mode asks (or, with `false`, its light mode). */
  emulateDarkMode(on: boolean): Promise<void>;
  /** Sets the browser's default font size (its "Font size" setting) in CSS pixels; 16 is the browsers' own. */
  setDefaultFontSize(px: number): Promise<void>;
  close(): Promise<void>;
};

type ExtensionBrowser = {
  name: BrowserName;
  /** The extension's ID as its scripts know it (`runtime.id`): what names the event a content script dispatches when it starts. */
  runtimeId: string;
  newTab(): Promise<TestTab>;
  /** The popup opened as a page, naming the site it speaks of (and, with `tabId`, the tab it acts on). */
  openPopup(site: string, tabId?: number): Promise<PopupTab>;
  /**
   * Lets the extension read every site, or takes that away as a reader can: Chromium's site access "On
   * click", Firefox's "Access your data for all websites" turned off.
   */
  setSiteAccess(allowed: boolean): Promise<void>;
  /** Turns the extension off or on again, as a reader does on the browser's extensions page. */
  setEnabled(enabled: boolean): Promise<void>;
  /**
   * Answers the extension's requests for a site at once, as a reader who allows them, or with `false` asks
   * again (Firefox only: Chromium's dialog is out of a test's reach).
   */
  grantPermissionRequests?: (grant: boolean) => Promise<void>;
  /** Stops the extension's background (service worker or event page) and waits until it has stopped. */
  stopBackground(): Promise<void>;
  /** Errors the browser itself logged about the extension since a time (Firefox's Browser Console); undefined where none can be read. */
  extensionErrors?: (since: number) => Promise<string[]>;
  close(): Promise<void>;
};

/** An element's computed font, as "14px system-ui, …": run in the page. */
function fontDescription(element: Element): string {
  const style = getComputedStyle(element);
  return `${style.fontSize} ${style.fontFamily}`;
}

/** The popup page's query: the site it speaks of, and the tab it acts on. */
function popupQuery(site: string, tabId?: number): string {
  return `?site=${encodeURIComponent(site)}${tabId === undefined ? '' : `&tab=${tabId}`}`;
}

async function launchChromiumBrowser(): Promise<ExtensionBrowser> {
  const session = await launchChromium({ headless: true });
  const firstPage = session.context.pages()[0];
  let firstUsed = false;
  return {
    name: 'chromium',
    runtimeId: session.extensionId,
    newTab: async () => {
      const page = !firstUsed && firstPage ? firstPage : await session.context.newPage();
      firstUsed = true;
      return playwrightTab(page);
    },
    openPopup: async (site, tabId) => {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/popup.html${popupQuery(site, tabId)}`);
      const toggle = page.getByRole('switch');
      await toggle.waitFor();
      return {
        switchChecked: () => toggle.isChecked(),
        clickSwitch: () => toggle.click(),
        text: async () => ((await page.locator('body').textContent()) ?? '').replace(/\s+/g, ' '),
        type: (selector, text) => page.locator(selector).fill(text),
        press: (key) => page.keyboard.press(key),
        click: (selector) => page.locator(selector).first().click(),
        fontOf: (selector) => page.locator(selector).first().evaluate(fontDescription),
        evaluate: (fn) => page.evaluate(fn),
        emulateDarkMode: (on) => page.emulateMedia({ colorScheme: on ? 'dark' : 'light' }),
        setDefaultFontSize: async (px) => {
          const cdp = await session.context.newCDPSession(page);
          await cdp.send('Page.setFontSizes', { fontSizes: { standard: px } });
          await cdp.detach();
        },
        close: () => page.close(),
      };
    },
    setSiteAccess: async (allowed) => {
      const page = await session.context.newPage();
      await page.goto(`chrome://extensions/?id=${session.extensionId}`);
      await page.locator('select#hostAccess').selectOption(allowed ? 'ON_ALL_SITES' : 'ON_CLICK');
      // Done once the extension's own pages see it.
      await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
      type Permissions = { contains(permissions: { origins: string[] }): Promise<boolean> };
      const holds = () =>
        page.evaluate(() =>
          (globalThis as unknown as { chrome: { permissions: Permissions } }).chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
        );
      await waitFor(async () => (await holds()) === allowed, `the extension's access to sites to be ${allowed ? 'granted' : 'withdrawn'}`);
      await page.close();
    },
    setEnabled: async (enabled) => {
      const page = await session.context.newPage();
      await page.goto(`chrome://extensions/?id=${session.extensionId}`);
      const toggle = page.locator('extensions-detail-view #enableToggle');
      const isOn = () => toggle.evaluate((element) => (element as HTMLElement & { checked: boolean }).checked);
      // A click the page takes before it is wired up changes nothing (seen once, on a fresh clone's first run):
      // clicked again, a few times, until the switch has moved.
      for (let click = 0; click < 4 && (await isOn()) !== enabled; click++) {
        await toggle.click();
        await waitFor(async () => (await isOn()) === enabled, 'the switch to move', 3000).catch(() => undefined);
      }
      await waitFor(async () => (await isOn()) === enabled, `the extension to be turned ${enabled ? 'on' : 'off'}`);
      await page.close();
    },
    stopBackground: async () => {
      const page = session.context.pages()[0] ?? (await session.context.newPage());
      const cdp = await session.context.newCDPSession(page);
      const running = new Set<string>();
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
        for (const version of versions) {
          if (version.runningStatus === 'running') running.add(version.versionId);
          else running.delete(version.versionId);
        }
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor(async () => running.size === 0, 'the service worker to stop');
      await cdp.detach();
    },
    close: () => session.close(),
  };
}

/** Firefox stops an idle event page after this long in the tests (its default is 30 s). */
const FIREFOX_IDLE_SECONDS = 2;

async function launchFirefoxBrowser(): Promise<ExtensionBrowser> {
  const session = await launchFirefox({ headless: true, backgroundIdleTimeoutSeconds: FIREFOX_IDLE_SECONDS });
  let firstUsed = false;
  return {
    name: 'firefox',
    runtimeId: FIREFOX_EXTENSION_ID,
    newTab: async () => {
      const page = firstUsed ? await session.browser.newPage() : session.page;
      firstUsed = true;
      return puppeteerTab(page);
    },
    openPopup: async (site, tabId) => {
      const page = await session.browser.newPage();
      // A moz-extension:// navigation may never report that it finished: start it and poll the page instead.
      void page.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html${popupQuery(site, tabId)}`).catch(() => undefined);
      // Polled by hand: while the page is still being replaced, a query can fail with a protocol error.
      const toggle = await pollFor(() => page.$('input[role=switch]').catch(() => null), 'the popup’s switch');
      return {
        switchChecked: () => page.evaluate(() => document.querySelector<HTMLInputElement>('input[role=switch]')?.checked === true),
        clickSwitch: () => toggle.click(),
        text: async () => (await page.evaluate(() => document.body.textContent ?? '')).replace(/\s+/g, ' '),
        type: async (selector, text) => {
          await page.click(selector);
          await page.keyboard.type(text);
        },
        press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
        click: async (selector) => (await pollFor(() => page.$(selector), selector)).click(),
        fontOf: async (selector) => (await pollFor(() => page.$(selector), selector)).evaluate(fontDescription),
        evaluate: (fn) => page.evaluate(fn) as never,
        // The whole browser's setting: the test that turns it on turns it off again.
        emulateDarkMode: (on) => firefoxEmulateDarkMode(session.browser, on),
        // The whole browser's setting: the test that changes it sets it back.
        setDefaultFontSize: async (px) => {
          await firefoxSetDefaultFontSize(session.browser, px);
          // Firefox sizes an open page by the setting it loaded with: the page loads again.
          await page.evaluate(() => {
            document.body.dataset.reloading = 'yes';
            location.reload();
          });
          await waitFor(
            async () =>
              (await page
                .evaluate(() => document.body?.dataset.reloading !== 'yes' && document.querySelector('input[role=switch]') !== null)
                .catch(() => false)) === true,
            'the popup to load again',
          );
        },
        close: () => page.close(),
      };
    },
    setSiteAccess: (allowed) => firefoxSetSiteAccess(session.browser, allowed),
    setEnabled: (enabled) => firefoxSetEnabled(session.browser, enabled),
    grantPermissionRequests: (grant) => firefoxGrantPermissionRequests(session.browser, grant),
    stopBackground: () => waitFor(async () => (await firefoxBackgroundState(session.browser)) === 'stopped', 'the event page to stop after its idle timeout'),
    extensionErrors: (since) => firefoxExtensionErrors(session.browser, since),
    close: () => session.close(),
  };
}

function launchExtensionBrowser(name: BrowserName): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromiumBrowser() : launchFirefoxBrowser();
}

/** Every highlighted range on the tab. */
export function highlightsOn(tab: TestTab): Promise<HighlightedRange[]> {
  return tab.evaluate(readHighlights, undefined);
}

/**
 * Waits for the highlight count to satisfy `accept`, then for the page's next
 * task: the content script wires the cards' keys and pointer in the task after
 * its first paint (annotator.ts), and a key pressed in between, faster than any
 * reader reacts to the marks, went unheard (seen once in a CI run).
 */
export async function waitForHighlights(tab: TestTab, accept: (ranges: HighlightedRange[]) => boolean, what: string): Promise<HighlightedRange[]> {
  let last: HighlightedRange[] = [];
  await waitFor(async () => {
    try {
      last = await highlightsOn(tab);
    } catch (error) {
      // A page that is loading (a reload the test asked for) has no context to ask yet: asked again.
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
      return false;
    }
    return accept(last);
  }, what);
  // Timers of equal delay run in the order they were set: this one runs after the script's, set before the paint.
  await tab.evaluate(() => new Promise((done) => setTimeout(done, 0)), undefined);
  return last;
}

/** Scrolls to a highlighted mention, hovers its middle and waits for its card to show `expected` and its facts. */
export async function hoverMention(tab: TestTab, text: string, expected: string): Promise<string> {
  const mention = await tab.evaluate(revealHighlight, text);
  if (!mention) throw new Error(`"${text}" is not highlighted`);
  await tab.hover(mention.x + mention.width / 2, mention.y + mention.height / 2);
  let card = '';
  // "Source:" closes a card whose facts have loaded (not "Looking up…").
  await waitFor(async () => {
    card = await tab.cardText();
    return card.includes(expected) && card.includes('Source:');
  }, `a card showing "${expected}"`);
  return card;
}

/** The share of a place's pixels painted in a highlight colour over a background. */
export async function shareOfHighlightColour(tab: TestTab, place: Rect, highlight: Rgb, alpha: number, background: Rgb): Promise<number> {
  const png = await tab.screenshot(place);
  const evaluate: PageEvaluate = (fn, args) => tab.evaluate(fn, args);
  return shareOfPixelsNear(evaluate, png, blend(highlight, alpha, background));
}

/** The share of a place's pixels that `change` alters on screen. */
export async function shareOfPixelsChangedBy(tab: TestTab, place: Rect, change: () => Promise<unknown>): Promise<number> {
  const before = await tab.screenshot(place);
  await change();
  const after = await tab.screenshot(place);
  const evaluate: PageEvaluate = (fn, args) => tab.evaluate(fn, args);
  return shareOfPixelsChanged(evaluate, before, after);
}

export { waitFor };

export type E2EContext = { server: PageServer; browser: ExtensionBrowser; tab: TestTab };

/**
 * Registers hooks that serve the test pages, launch `name` with the extension
 * and open one tab before a suite's tests, and close them all after. The
 * returned object is filled in before the first test runs.
 */
export function useExtensionBrowser(name: BrowserName, firstPage?: string): E2EContext {
  const context = {} as E2EContext;
  beforeAll(async () => {
    context.server = await servePages();
    context.browser = await launchExtensionBrowser(name);
    context.tab = await context.browser.newTab();
    if (firstPage) await context.tab.goto(`${context.server.origin}${firstPage}`);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.server?.close();
  });
  return context;
}
