/**
 * Chrome keeps an updated or reloaded extension's old content script running
 * in open tabs, cut off from the extension. It must notice and take its
 * highlights away instead of leaving marks whose cards can only fail.
 * Chromium only: that is where old content scripts outlive their extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../../scripts/browsers/chromium';
import { readHighlights } from '../../scripts/browsers/page-probes';
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
