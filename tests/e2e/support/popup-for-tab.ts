/** The popup opened as a page for the test's tab, as the tests that speak of that tab need it. */
import type { E2EContext } from './extension-browser';
import { waitFor } from './wait';

/** The test tab's id, as the extension knows it: asked from a popup while that tab is the active one. */
export async function testTabId(e2e: E2EContext): Promise<number> {
  const popup = await e2e.browser.openPopup('127.0.0.1');
  try {
    await e2e.tab.bringToFront();
    const tabId = await popup.evaluate(async () => {
      type Tabs = { query(query: object): Promise<{ id?: number }[]> };
      const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
      return (await (scope.browser ?? scope.chrome)?.tabs.query({ active: true, currentWindow: true }))?.[0]?.id;
    });
    if (tabId === undefined) throw new Error('The browser named no active tab.');
    return tabId;
  } finally {
    await popup.close();
  }
}

/** The popup's text, opened for the test tab, once it is no longer busy: it has said what it knows of the tab. */
export async function popupText(e2e: E2EContext, tabId: number): Promise<string> {
  const popup = await e2e.browser.openPopup('127.0.0.1', tabId);
  try {
    // With the site's switch: a popup whose question about the site failed is not busy either, and says no notice.
    await waitFor(
      () => popup.evaluate(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false' && document.querySelector('[role=switch]') !== null),
      'the popup to say what it knows, with the site’s switch',
    );
    return await popup.text();
  } finally {
    await popup.close();
  }
}
