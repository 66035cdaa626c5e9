/**
 * Chromium for the bench: Debian's /usr/bin/chromium through playwright-core,
 * as scripts/browsers/chromium.ts launches it (same flags, every request that
 * is not 127.0.0.1 blocked), plus what measuring needs:
 * - with or without the extension (mark.js and the floors run without it);
 * - `--enable-precise-memory-info`, so `performance.memory` is not rounded;
 * - pages served cross-origin isolated (COOP + COEP added to documents), so
 *   `performance.now()` has 5 µs resolution instead of 100 µs;
 * - long tasks and long animation frames recorded in every page from its start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { closeAndForget, extensionIdIn, isAllowedUrl, QUIET_LOCAL_CHROMIUM } from '../scripts/browsers/chromium';
import { ensureBrowsers } from '../scripts/browsers/paths';

export type BenchBrowser = { context: BrowserContext; extensionId: string | null; close: () => Promise<void> };

const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * Runs first in every page (main world): records long tasks (`window.__longTasks`)
 * and long animation frames (`window.__loafs`, with their style+layout time),
 * from the page's first line on.
 */
const RECORDER = `(() => {
  const tasks = (window.__longTasks = []);
  const frames = (window.__loafs = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const end = e.startTime + e.duration;
        frames.push({ start: e.startTime, duration: e.duration, styleLayout: e.styleAndLayoutStart > 0 ? end - e.styleAndLayoutStart : 0 });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

export async function launchBenchBrowser(extensionDir: string | null): Promise<BenchBrowser> {
  const { chromium: executablePath } = ensureBrowsers(['chromium']);
  const profile = mkdtempSync(join(tmpdir(), 'peninsula-lens-bench-'));
  const extensionArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...extensionArgs,
      ...QUIET_LOCAL_CHROMIUM,
      '--enable-precise-memory-info',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
  await context.addInitScript({ content: RECORDER });
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (!isAllowedUrl(request.url())) return route.abort('blockedbyclient');
    if (request.resourceType() !== 'document' || !request.url().startsWith('http')) return route.continue();
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), ...ISOLATION_HEADERS } });
  });
  const extensionId = extensionDir ? await extensionIdIn(context) : null;
  return { context, extensionId, close: closeAndForget(context, profile) };
}
