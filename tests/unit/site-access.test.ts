/**
 * Whether the browser lets the extension read the popup's site: asked of the
 * browser's permissions for that site's pages, over either scheme and any port.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reloadPopupTab } from '../../entrypoints/popup/current-site';
import { withheldSite } from '../../entrypoints/popup/site-access';

const reload = () => Promise.resolve();

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

describe('withheldSite', () => {
  it('is none where the browser lets the extension read the site, and asks about every page of it', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockImplementation(() => Promise.resolve(true));
    expect(await withheldSite('news.example', reload)).toBeNull();
    expect(contains).toHaveBeenCalledWith({ origins: ['*://news.example/*'] });
  });

  it('is the site where the browser keeps the extension out, and asks the browser for it when allowed', async () => {
    vi.spyOn(browser.permissions, 'contains').mockImplementation(() => Promise.resolve(false));
    const request = vi.spyOn(browser.permissions, 'request').mockImplementation(() => Promise.resolve(true));
    const withheld = await withheldSite('xn--3e0b707e.example', reload);
    expect(withheld).not.toBeNull();
    expect(await withheld?.allow()).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['*://xn--3e0b707e.example/*'] });
  });

  it('is none for a page with no site and for local files, which have a setting of their own, without asking the browser', async () => {
    const contains = vi.spyOn(browser.permissions, 'contains').mockImplementation(() => Promise.resolve(false));
    expect(await withheldSite(null, reload)).toBeNull();
    expect(await withheldSite('local files', reload)).toBeNull();
    expect(contains).not.toHaveBeenCalled();
  });

  it('reloads the tab the popup speaks of, the active one or the one ?tab= names', async () => {
    const focused = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: focused?.id, url: 'https://news.example/', active: true });
    const reloadTab = vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined);
    await reloadPopupTab(window.location);
    history.replaceState(null, '', '/popup.html?site=news.example&tab=41');
    await reloadPopupTab(window.location);
    expect(reloadTab.mock.calls).toEqual([[tab.id], [41]]);
    history.replaceState(null, '', '/popup.html?tab=x');
    await expect(reloadPopupTab(window.location)).rejects.toThrow('The browser did not say which tab this is.');
  });
});
