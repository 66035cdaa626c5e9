/**
 * A site the browser keeps the extension out of, as a reader can ask it to
 * (Chromium's site access "On click", Firefox's "Access your data for all
 * websites" turned off): its pages stay unmarked, the popup says why, and
 * the reader can let the extension in from there, then reload the page.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import { popupText, testTabId } from './support/popup-for-tab';

const NOTICES = {
  chromium: 'Your browser lets Peninsula Lens read this site only when you click its icon.',
  firefox: 'Your browser does not let Peninsula Lens read this site, so nothing on it is marked.',
};
const ALLOWED = 'Peninsula Lens may now read this site. This page is marked once it loads again.';

describe.each(browsersUnderTest())('%s: a site the browser keeps the extension out of', (name) => {
  const e2e = useExtensionBrowser(name);
  const notice = NOTICES[name];
  const page = () => `${e2e.server.origin}/pages/static.html`;

  it('leaves its pages unmarked, says why with the switch on, and marks them once the reader allows the site', async () => {
    await e2e.tab.goto(page());
    await waitForHighlights(e2e.tab, (ranges) => ranges.length > 0, 'the page to be marked while the site is allowed');
    const tabId = await testTabId(e2e);
    expect(await popupText(e2e, tabId)).not.toContain(notice);
    await e2e.browser.setSiteAccess(false);
    try {
      await e2e.tab.goto(page());
      // Given time to mark it, were the script running there.
      await new Promise((done) => setTimeout(done, 1500));
      expect(await highlightsOn(e2e.tab)).toEqual([]);

      const popup = await e2e.browser.openPopup('127.0.0.1', tabId);
      await waitFor(async () => (await popup.text()).includes(notice), 'the popup to say why nothing is marked');
      expect(await popup.switchChecked()).toBe(true);
      expect(await popup.evaluate(() => document.querySelector('[role=switch]')?.getAttribute('aria-describedby'))).toBe('site-access how-to-open');

      if (e2e.browser.grantPermissionRequests) {
        await e2e.browser.grantPermissionRequests(true);
        await popup.click('button.notice-action');
        await waitFor(async () => (await popup.text()).includes(`${ALLOWED} Reload the page`), 'the popup to offer the reload');
        await popup.click('button.notice-action');
        await waitForHighlights(e2e.tab, (ranges) => ranges.length > 0, 'the reloaded page to be marked');
        expect(await popup.text()).not.toContain(ALLOWED);
        await popup.close();
      } else {
        // Chromium asks the reader in a dialog of its own, out of a test's reach: the request is made, with no
        // error told; the reader allows the site from the browser's extensions page instead.
        await popup.click('button.notice-action');
        await new Promise((done) => setTimeout(done, 1000));
        expect(await popup.text()).not.toContain('could not be asked');
        await popup.close();
        await e2e.browser.setSiteAccess(true);
        await e2e.tab.goto(page());
        await waitForHighlights(e2e.tab, (ranges) => ranges.length > 0, 'the page to be marked once the site is allowed');
        expect(await popupText(e2e, tabId)).not.toContain(notice);
      }
    } finally {
      await e2e.browser.grantPermissionRequests?.(false);
      await e2e.browser.setSiteAccess(true);
    }
  });
});
