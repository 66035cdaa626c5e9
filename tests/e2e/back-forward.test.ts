/**
 * Going back to a page: Firefox restores it from its back-forward cache, with
 * the content script that marked it frozen and thawed; the marks, the cards
 * and the site switch must all still work there. (Chromium, driven by
 * Playwright, loads the page again: the same test then checks a fresh load.)
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

/** Longer than the content script waits between checks that its extension is still there (index.ts). */
const PAST_INVALIDATION_CHECK_MS = 2500;

describe.each(browsersUnderTest())('%s: going back to a page', (name) => {
  const e2e = useExtensionBrowser(name);

  it('keeps its marks, opens cards and follows the site switch on a page the reader went back to', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be marked');
    await e2e.tab.evaluate(() => {
      (window as unknown as { left: boolean }).left = true;
    }, undefined);
    await e2e.tab.goto(`${e2e.server.origin}/pages/dark-mode.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 1, 'the next page to be marked');
    await e2e.tab.evaluate(() => {
      setTimeout(() => history.back(), 10);
    }, undefined);
    await waitFor(async () => (await e2e.tab.evaluate(() => location.pathname, undefined).catch(() => '')) === '/pages/static.html', 'the way back');
    const restored = await e2e.tab.evaluate(() => (window as unknown as { left?: boolean }).left === true, undefined);
    // The test's point in Firefox: the same window, scripts and all, came back.
    if (name === 'firefox') expect(restored).toBe(true);
    await new Promise((done) => setTimeout(done, PAST_INVALIDATION_CHECK_MS));
    expect((await highlightsOn(e2e.tab)).length).toBeGreaterThanOrEqual(6);
    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    await waitFor(async () => (await e2e.tab.cardText()).includes('Source:'), 'the card to be filled in');
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(e2e.tab)).length === 0, 'the marks to go with the site turned off');
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(e2e.tab)).length >= 6, 'the marks to come back with the site turned on');
    } finally {
      await popup.close();
    }
  });
});
