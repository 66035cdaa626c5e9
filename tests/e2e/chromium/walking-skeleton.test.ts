/**
 * The whole path in real Chromium: the built extension marks mentions on the
 * demo page, hovering one shows its card with a fact and its quote, and the
 * popup's switch turns the site off and on without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import facts from '../../../data/facts.json';
import { type ChromiumSession, chromiumCardText, launchChromium } from '../../../scripts/browsers/chromium';
import { readHighlights } from '../../../scripts/browsers/page-probes';
import { blend, type PageEvaluate, shareOfPixelsNear } from '../../../scripts/browsers/pixels';
import { type PageServer, servePages } from '../../../scripts/serve';

const DEMO_BACKGROUND: [number, number, number] = [246, 245, 241];
// entrypoints/content/highlights.css: organisation = rgb(59 130 246 / 0.28).
const ORGANISATION_ON_DEMO = blend([59, 130, 246], 0.28, DEMO_BACKGROUND);

let server: PageServer;
let session: ChromiumSession;
let page: Page;

const councilQuotes = facts.filter((fact) => fact.entities.includes('un-security-council')).flatMap((fact) => fact.quotes);

async function highlightCount(): Promise<number> {
  return (await page.evaluate(readHighlights)).length;
}

async function councilMention() {
  const mention = (await page.evaluate(readHighlights)).find((range) => range.text === 'Security Council' && range.y > 300);
  if (!mention) throw new Error('no highlighted "Security Council" in the article body');
  return mention;
}

type Rect = { x: number; y: number; width: number; height: number };

/** The share of a place's pixels in the organisation highlight's colour. */
async function shareOfHighlightColourAt(rect: Rect): Promise<number> {
  const png = await page.screenshot({ clip: rect });
  return shareOfPixelsNear(page.evaluate.bind(page) as PageEvaluate, png, ORGANISATION_ON_DEMO);
}

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

describe('Chromium: the built extension on the demo page', () => {
  it('highlights the mentions, painted in the highlight colour', async () => {
    const texts = (await page.evaluate(readHighlights)).map((range) => range.text);
    expect(texts).toContain('Security Council');
    expect(texts).toContain('North Korea');
    expect(texts).toContain('Christoph Heusgen');
    const mention = await councilMention();
    expect(await shareOfHighlightColourAt(mention)).toBeGreaterThan(0.35);
  });

  it('shows the card with a fact and its quote when the mouse hovers a mention', async () => {
    const mention = await councilMention();
    await page.mouse.move(mention.x + mention.width / 2, mention.y + mention.height / 2);
    await expect.poll(() => chromiumCardText(page), { timeout: 10_000 }).toContain('UN Security Council');
    const text = await chromiumCardText(page);
    expect(councilQuotes.some((quote) => text.includes(quote.replace(/\s+/g, ' ')))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => chromiumCardText(page)).toBe('');
  });

  it('turns off for the site from the popup, without a reload, and on again', async () => {
    const place = await councilMention();
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?site=127.0.0.1`);
    const toggle = popup.getByRole('switch');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect(popup.locator('.site-name').textContent()).resolves.toBe('127.0.0.1');

    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(highlightCount, { timeout: 10_000 }).toBe(0);
    await page.bringToFront();
    expect(await shareOfHighlightColourAt(place)).toBeLessThan(0.05);

    await popup.bringToFront();
    await toggle.click();
    await expect.poll(highlightCount, { timeout: 10_000 }).toBeGreaterThan(10);
    await popup.close();
  });
});
