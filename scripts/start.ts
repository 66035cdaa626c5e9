/**
 * `npm start`: builds the extension for Chromium, serves the demo page on
 * 127.0.0.1 and opens it in Chromium with the extension loaded. Without a
 * display it runs headless, opens the card of the first mention and saves a
 * screenshot of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumCardText, launchChromium } from './browsers/chromium';
import { readHighlights } from './browsers/page-probes';
import { ensureBrowsers } from './browsers/paths';
import { servePages } from './serve';

const SCREENSHOT = resolve(import.meta.dirname, '../out/demo-card.png');

ensureBrowsers(['chromium']);
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const server = await servePages(Number(process.env.PORT ?? 0));
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const session = await launchChromium({ headless, touch: false });
const page = session.context.pages()[0] ?? (await session.context.newPage());
await page.goto(`${server.origin}/demo`);
console.log(`Demo page: ${server.origin}/demo`);

if (headless) {
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((name) => name.startsWith('peninsula-lens-')), undefined, { timeout: 15_000 });
  const mention = (await page.evaluate(readHighlights)).find((range) => /Security Council/.test(range.text));
  if (!mention) throw new Error('No mention of the Security Council was highlighted on the demo page.');
  await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2);
  await page.waitForFunction(() => [...document.documentElement.children].some((element) => element.localName.startsWith('peninsula-lens-card-')), undefined, {
    timeout: 10_000,
  });
  // Wait until the card holds facts, not "Looking up…".
  for (let tries = 0; tries < 50 && !/From|Source/.test(await chromiumCardText(page)); tries++) await page.waitForTimeout(100);
  mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  console.log(`No display: ran headless. Screenshot of an open card: ${SCREENSHOT}`);
  await session.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  session.context.on('close', () => void server.close());
}
