/**
 * The whole path in each real browser: the built extension marks mentions on
 * the demo page, hovering one shows its card with a fact and its quote, and
 * the popup's switch turns the site off and on without a reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import facts from '../../data/facts.json';
import { browsersUnderTest } from './support/browsers-under-test';
import { hoverMention, shareOfHighlightColour, useExtensionBrowser, waitForHighlights } from './support/extension-browser';

const DEMO_BACKGROUND: [number, number, number] = [246, 245, 241];
// entrypoints/content/highlights.css: organisation = rgb(133 143 241 / 0.38).
const ORGANISATION: [number, number, number] = [133, 143, 241];
const ORGANISATION_ALPHA = 0.38;

const quotesAbout = (entityId: string) => facts.filter((fact) => fact.entities.includes(entityId)).flatMap((fact) => fact.quotes);

describe.each(browsersUnderTest())('%s: the built extension on the demo page', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeAll(async () => {
    await e2e.tab.goto(`${e2e.server.origin}/demo`);
    await waitForHighlights(e2e.tab, (ranges) => ranges.length > 20, 'the demo page to be highlighted');
  });

  async function councilInBody() {
    const ranges = await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Security Council' && range.y > 300), 'a body mention');
    return ranges.find((range) => range.text === 'Security Council' && range.y > 300) as (typeof ranges)[number];
  }

  it('highlights the mentions, painted in the highlight colour', async () => {
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length > 20, 'highlights');
    const texts = ranges.map((range) => range.text);
    expect(texts).toContain('Security Council');
    expect(texts).toContain('North Korea');
    expect(texts).toContain('Christoph Heusgen');
    expect(ranges.find((range) => range.text === 'Christoph Heusgen')?.name).toBe('peninsula-lens-person');
    const mention = await councilInBody();
    expect(await shareOfHighlightColour(e2e.tab, mention, ORGANISATION, ORGANISATION_ALPHA, DEMO_BACKGROUND)).toBeGreaterThan(0.35);
  });

  it('shows the card with a fact and its quote when the mouse hovers a mention', async () => {
    const card = await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    const flat = card.replace(/\s+/g, ' ');
    expect(quotesAbout('christoph-heusgen').some((quote) => flat.includes(quote))).toBe(true);
    await e2e.tab.press('Escape');
    await expect.poll(() => e2e.tab.cardText()).toBe('');
  });

  it('turns off for the site from the popup, without a reload, and on again', async () => {
    const place = await councilInBody();
    const popup = await e2e.browser.openPopup('127.0.0.1');
    await expect.poll(() => popup.switchChecked()).toBe(true);
    expect(await popup.text()).toContain('Mark names on 127.0.0.1');

    await popup.clickSwitch();
    await expect.poll(() => popup.switchChecked()).toBe(false);
    await waitForHighlights(e2e.tab, (ranges) => ranges.length === 0, 'the highlights to go');
    await e2e.tab.bringToFront();
    expect(await shareOfHighlightColour(e2e.tab, place, ORGANISATION, ORGANISATION_ALPHA, DEMO_BACKGROUND)).toBeLessThan(0.05);

    await popup.clickSwitch();
    await expect.poll(() => popup.switchChecked()).toBe(true);
    await waitForHighlights(e2e.tab, (ranges) => ranges.length > 20, 'the highlights to come back');
    await popup.close();
  });

  it('sets the popup’s text at 14 px in the system font, not at the size the browser gives extension pages', async () => {
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      // Chromium's own sheet for extension pages sets the body's font at 75 %: text was 10.5 px.
      for (const selector of ['body', '.site-switch', 'input[type=search]']) {
        expect({ selector, font: await popup.fontOf(selector) }).toEqual({ selector, font: expect.stringMatching(/^14px system-ui\b/) });
      }
    } finally {
      await popup.close();
    }
  });

  it('sets the popup’s text by the reader’s default font size: 14 px of the browsers’ 16, 21 px of 24', async () => {
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      await popup.setDefaultFontSize(24);
      await expect.poll(() => popup.fontOf('.site-switch')).toMatch(/^21px system-ui\b/);
      expect(await popup.fontOf('h1')).toMatch(/^24px /);
    } finally {
      await popup.setDefaultFontSize(16);
      await popup.close();
    }
  });

  it('answers a lookup after the browser stopped the background', async () => {
    await e2e.browser.stopBackground();
    const card = await hoverMention(e2e.tab, 'Stephen Biegun', 'Stephen Biegun');
    const flat = card.replace(/\s+/g, ' ');
    expect(quotesAbout('stephen-biegun').some((quote) => flat.includes(quote))).toBe(true);
  });
});
