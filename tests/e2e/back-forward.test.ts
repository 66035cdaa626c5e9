/**
 * Going back to a page: Firefox restores it from its back-forward cache, with
 * the content script that marked it frozen and thawed; the marks, the cards
 * and the site switch must all still work there. (Chromium, driven by
 * Playwright, loads the page again: the same test then checks a fresh load.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import type { TestTab } from './support/test-tab';

/** Longer than the content script waits between checks that its extension is still there (index.ts). */
const PAST_INVALIDATION_CHECK_MS = 2500;

describe.each(browsersUnderTest())('%s: going back to a page', (name) => {
  const e2e = useExtensionBrowser(name);
  // A tab of its own for each test: after a page went back by itself, puppeteer may never see the tab's next
  // navigation finish (Firefox).
  let tab: TestTab;
  beforeEach(async () => {
    tab = await e2e.browser.newTab();
  });
  afterEach(async () => {
    await tab.close();
  });

  /** Turns the site off in the popup and on again, the marks going and coming back on the tab; on again at the end, also when it failed. */
  async function switchOffAndOn(): Promise<void> {
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(tab)).length === 0, 'the marks to go with the site turned off');
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(tab)).length >= 6, 'the marks to come back with the site turned on');
    } finally {
      if (!(await popup.switchChecked())) await popup.clickSwitch();
      await popup.close();
    }
  }

  it('keeps its marks, opens cards and follows the site switch on a page the reader went back to', async () => {
    await tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(tab, (found) => found.length >= 6, 'the page to be marked');
    await tab.evaluate(() => {
      (window as unknown as { left: boolean }).left = true;
    }, undefined);
    await tab.goto(`${e2e.server.origin}/pages/dark-mode.html`);
    await waitForHighlights(tab, (found) => found.length >= 1, 'the next page to be marked');
    await tab.evaluate(() => {
      setTimeout(() => history.back(), 10);
    }, undefined);
    await waitFor(async () => (await tab.evaluate(() => location.pathname, undefined).catch(() => '')) === '/pages/static.html', 'the way back');
    const restored = await tab.evaluate(() => (window as unknown as { left?: boolean }).left === true, undefined);
    // The test's point in Firefox: the same window, scripts and all, came back.
    if (name === 'firefox') expect(restored).toBe(true);
    await new Promise((done) => setTimeout(done, PAST_INVALIDATION_CHECK_MS));
    // Waited for, not read once: Chromium loads the page afresh, and a busy machine may mark it later. A
    // script that took a thawed page for a reloaded extension would have taken the marks away for good.
    await waitForHighlights(tab, (found) => found.length >= 6, 'the marks on the page gone back to');
    await hoverMention(tab, 'Christoph Heusgen', 'Christoph Heusgen');
    await waitFor(async () => (await tab.cardText()).includes('Source:'), 'the card to be filled in');
    await switchOffAndOn();
  });

  it('shows a page the reader went back to as the site switch stands now, after it was turned off meanwhile', async () => {
    await tab.goto(`${e2e.server.origin}/pages/static.html?away`);
    await waitForHighlights(tab, (found) => found.length >= 6, 'the page to be marked');
    await tab.goto(`${e2e.server.origin}/pages/dark-mode.html`);
    await waitForHighlights(tab, (found) => found.length >= 1, 'the next page to be marked');
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(tab)).length === 0, 'the marks to go with the site turned off');
      await tab.evaluate(() => {
        setTimeout(() => history.back(), 10);
      }, undefined);
      await waitFor(async () => (await tab.evaluate(() => location.search, undefined).catch(() => '')) === '?away', 'the way back');
      await waitFor(async () => (await highlightsOn(tab)).length === 0, 'the page to show the site off');
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(tab)).length >= 6, 'the marks to come back with the site turned on');
    } finally {
      // On again for the tests after, also when this one failed with the site off.
      if (!(await popup.switchChecked())) await popup.clickSwitch();
      await popup.close();
    }
  });

  it('follows the site switch on a page that fires a pagehide of its own', async () => {
    await tab.goto(`${e2e.server.origin}/pages/static.html?fakes`);
    await waitForHighlights(tab, (found) => found.length >= 6, 'the page to be marked');
    // A page's script can fire one; only the browser's own may stop the following of the switch (the unit
    // tests count the questions a page's own pageshow events would send).
    await tab.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })), undefined);
    await switchOffAndOn();
  });

  it('leaves pages, as the back-forward cache lets them go, without an error in the browser’s own log', async (context) => {
    const { extensionErrors } = e2e.browser;
    // Chromium gives a content script's listeners back without a word, and has no such log to read.
    if (!extensionErrors) return context.skip('only Firefox logs its clean-up of a content script left listening');
    const since = Date.now();
    // Firefox keeps the last few pages, their frames' too, and destroys the oldest as the reader goes on.
    for (const page of ['static.html?1', 'static.html?2', 'frames.html', 'static.html?3', 'static.html?4']) {
      await tab.goto(`${e2e.server.origin}/pages/${page}`);
      await waitForHighlights(tab, (found) => found.length >= 1, `${page} to be marked`);
      await new Promise((done) => setTimeout(done, 500));
    }
    await new Promise((done) => setTimeout(done, 1500));
    expect(await extensionErrors(since)).toEqual([]);
  });
});
