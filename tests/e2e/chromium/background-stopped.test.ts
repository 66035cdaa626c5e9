/**
 * The browser stops an idle MV3 service worker at will. A lookup must wake it
 * and still answer from the IndexedDB cache.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import facts from '../../../data/facts.json';
import { type ChromiumSession, chromiumCardText, launchChromium } from '../../../scripts/browsers/chromium';
import { revealHighlight } from '../../../scripts/browsers/page-probes';
import { type PageServer, servePages } from '../../../scripts/serve';

let server: PageServer;
let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  server = await servePages();
  session = await launchChromium({ headless: true });
  page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(`${server.origin}/demo`);
  await page.waitForFunction(() => CSS.highlights.size > 0);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

it('Chromium: a card shows a fact and its quote after the service worker was stopped', async () => {
  const cdp = await page.context().newCDPSession(page);
  const running = new Set<string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { versionId: string; runningStatus: string }[] }) => {
    for (const version of versions) {
      if (version.runningStatus === 'running') running.add(version.versionId);
      else running.delete(version.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => running.size).toBeGreaterThan(0);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => running.size, { timeout: 10_000 }).toBe(0);

  const mention = await page.evaluate(revealHighlight, 'Christoph Heusgen');
  if (!mention) throw new Error('"Christoph Heusgen" is not highlighted');
  await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2);
  await expect.poll(() => chromiumCardText(page), { timeout: 10_000 }).toContain('Christoph Heusgen');
  const quotes = facts.filter((fact) => fact.entities.includes('christoph-heusgen')).flatMap((fact) => fact.quotes);
  await expect
    .poll(async () => {
      const text = await chromiumCardText(page);
      return quotes.some((quote) => text.includes(quote));
    })
    .toBe(true);
  // The lookup woke the worker again.
  expect(running.size).toBeGreaterThan(0);
  await cdp.detach();
});
