/**
 * The extension turned off and on again on the browser's extensions page,
 * with a page open: its marks go with it. Turned on, Chromium runs no content
 * script in the open page until it loads again, and fires no install event:
 * the popup says so and reloads the page at the reader's press. Firefox runs
 * the script in the open page at once, and its popup has nothing to say.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, shareOfPixelsChangedBy, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import { popupText, testTabId } from './support/popup-for-tab';

const NOTICE = 'This page was open before Peninsula Lens was installed, updated or turned on: nothing on it is marked until it loads again.';

describe.each(browsersUnderTest())('%s: the extension turned off and on again', (name) => {
  const e2e = useExtensionBrowser(name);

  it('takes the marks away with it, and marks the open page again once it runs there', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length > 0, 'the page to be marked');
    const council = ranges.find((range) => range.text === 'UN Security Council');
    if (!council) throw new Error('no UN Security Council');
    const tabId = await testTabId(e2e);
    expect(await popupText(e2e, tabId)).not.toContain(NOTICE);

    await e2e.browser.setEnabled(false);
    // Chromium's old script stops within its 2 s check and takes its marks away; Firefox takes the styles that
    // paint them. Either way nothing the page's highlight registry may still hold is painted.
    await new Promise((done) => setTimeout(done, 3000));
    expect(await shareOfPixelsChangedBy(e2e.tab, council, () => e2e.tab.evaluate(() => CSS.highlights.clear(), undefined))).toBeLessThan(0.02);
    await e2e.browser.setEnabled(true);

    if (name === 'chromium') {
      // Given time to mark it, were the script running there.
      await new Promise((done) => setTimeout(done, 1500));
      expect(await highlightsOn(e2e.tab)).toEqual([]);
      const popup = await e2e.browser.openPopup('127.0.0.1', tabId);
      await waitFor(async () => (await popup.text()).includes(`${NOTICE} Reload the page`), 'the popup to say why nothing is marked');
      await popup.click('button.notice-action');
      await popup.close();
    }
    const again = await waitForHighlights(e2e.tab, (found) => found.length === ranges.length, 'the page to be marked again');
    expect(again.map((range) => range.text)).toEqual(ranges.map((range) => range.text));
    expect(await popupText(e2e, tabId)).not.toContain(NOTICE);
  });
});
