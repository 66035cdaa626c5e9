/**
 * An extension updated or reloaded under an open page. Chrome keeps the old
 * content script running in open tabs, cut off from the extension: it must
 * notice and take its highlights away instead of leaving marks whose cards
 * can only fail. Firefox ends the old script at once and runs the new one in
 * the tab: a card the old one had open must not stay over the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../../scripts/browsers/chromium';
import { FIREFOX_EXTENSION_UUID, type FirefoxSession, firefoxCardText, launchFirefox } from '../../scripts/browsers/firefox';
import { firefoxFocusSelectedTab } from '../../scripts/browsers/firefox-settings';
import { readHighlights, revealHighlight } from '../../scripts/browsers/page-probes';
import { type PageServer, servePages } from '../../scripts/serve';
import { browsersUnderTest } from './support/browsers-under-test';

describe.skipIf(!browsersUnderTest().includes('chromium'))('chromium: an extension reloaded under an open page', () => {
  let server: PageServer;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await servePages();
    session = await launchChromium({ headless: true });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('takes its highlights away from pages it can no longer serve', async () => {
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(`${server.origin}/pages/static.html`);
    await expect.poll(async () => (await page.evaluate(readHighlights)).length, { timeout: 10_000 }).toBeGreaterThan(3);
    const worker = session.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    // The worker goes away with the reload, so its evaluate call may never answer.
    void worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(async () => (await page.evaluate(readHighlights)).length, { timeout: 10_000 }).toBe(0);
  });
});

describe.skipIf(!browsersUnderTest().includes('firefox'))('firefox: an extension reloaded under an open page', () => {
  let server: PageServer;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await servePages();
    session = await launchFirefox({ headless: true });
    // Focused, as a reader's window is: Firefox tells an unfocused page of no pointer moves.
    await firefoxFocusSelectedTab(session.browser);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** Card hosts anywhere on the page (a dialog in front holds one), ours or left by an earlier copy of the script. */
  const cardHosts = () =>
    session.page.evaluate(() => [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('peninsula-lens-card-')).length);

  /** Reloads the add-on from one of its own pages, as an update would replace it, and waits for the new script's marks. */
  async function reloadExtension(): Promise<void> {
    // The old script's highlight of people, to tell when the new script has put its own in its place.
    await session.page.evaluate(() => {
      (window as unknown as { oldPeople?: unknown }).oldPeople = CSS.highlights.get('peninsula-lens-person');
    });
    const extensionPage = await session.browser.newPage();
    // The page goes away with the reload, so neither call may ever answer.
    void extensionPage.goto(`moz-extension://${FIREFOX_EXTENSION_UUID}/popup.html?site=127.0.0.1`).catch(() => undefined);
    await expect
      .poll(() => extensionPage.evaluate(() => typeof (globalThis as { browser?: unknown }).browser).catch(() => 'not yet'), { timeout: 10_000 })
      .toBe('object');
    void extensionPage.evaluate(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload()).catch(() => undefined);
    const newPeople = () =>
      session.page.evaluate(() => {
        const people = CSS.highlights.get('peninsula-lens-person');
        return people !== undefined && people !== (window as unknown as { oldPeople?: unknown }).oldPeople;
      });
    await expect.poll(newPeople, { timeout: 10_000 }).toBe(true);
  }

  async function hoverName(text: string): Promise<void> {
    const mention = await session.page.evaluate(revealHighlight, text);
    if (!mention) throw new Error(`"${text}" is not highlighted`);
    await session.page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2);
    await expect.poll(async () => (await firefoxCardText(session.page)).includes('Source:'), { timeout: 10_000 }).toBe(true);
  }

  it('takes away the card the old script left open, and the new one opens and closes cards', async () => {
    await session.page.goto(`${server.origin}/pages/static.html`);
    await expect.poll(async () => (await session.page.evaluate(readHighlights)).length, { timeout: 10_000 }).toBeGreaterThan(3);
    await hoverName('Christoph Heusgen');
    await reloadExtension();
    expect(await cardHosts()).toBe(0);
    await session.page.mouse.move(2, 2);
    await hoverName('Kim Jong-un');
    expect(await cardHosts()).toBe(1);
    await session.page.keyboard.press('Escape');
    await expect.poll(cardHosts, { timeout: 5_000 }).toBe(0);
  });

  it('takes away a card the old script left in a modal dialog in front of the page', async () => {
    await session.page.goto(`${server.origin}/pages/card-cases.html`);
    await session.page.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal());
    await expect
      .poll(async () => (await session.page.evaluate(readHighlights)).some((range) => range.text === 'Christoph Heusgen'), { timeout: 10_000 })
      .toBe(true);
    await session.page.mouse.move(2, 2);
    await hoverName('Christoph Heusgen');
    await reloadExtension();
    expect(await cardHosts()).toBe(0);
  });
});
