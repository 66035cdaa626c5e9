/**
 * The list of tabs open at install or update, where Chromium runs no content
 * script until they load again: filled at install and update only, and each
 * tab taken off when its top page asks for its site's status, and only then
 * (a tab "loading" may keep its old page: an address rewritten, a frame
 * navigated).
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followTabsOpenBeforeInstall } from '../../entrypoints/background/tabs-before-install';
import { forgetTab, rememberTabsOpenNow, wasOpenBeforeInstall } from '../../utils/tabs-before-install';

type Tab = Browser.tabs.Tab;

/** Tabs as the browser lists them; the browser itself filters by `status`. */
function openTabs(...ids: number[]): void {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query: Browser.tabs.QueryInfo) =>
    ids.map((id) => ({ id, status: 'complete' }) as Tab).filter((tab) => query.status === undefined || tab.status === query.status),
  );
}

async function listed(...ids: number[]): Promise<boolean[]> {
  return Promise.all(ids.map(wasOpenBeforeInstall));
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the list of tabs open before install', () => {
  it('lists the tabs that had loaded when it was made, and asks only for those', async () => {
    openTabs(3, 7);
    await rememberTabsOpenNow();
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ status: 'complete' });
    expect(await listed(3, 7, 9)).toEqual([true, true, false]);
  });

  it('takes off each tab forgotten, also when several are forgotten at once', async () => {
    openTabs(1, 2, 3, 4);
    await rememberTabsOpenNow();
    await Promise.all([forgetTab(1), forgetTab(2), forgetTab(4)]);
    expect(await listed(1, 2, 3, 4)).toEqual([false, false, true, false]);
  });

  it('reads a stored value that is no list of tabs as no tab at all, and writes a list anew over it', async () => {
    await fakeBrowser.storage.session.set({ tabsOpenBeforeInstall: 'not a list' });
    expect(await wasOpenBeforeInstall(1)).toBe(false);
    await forgetTab(1);
    openTabs(5);
    await rememberTabsOpenNow();
    expect(await listed(5)).toEqual([true]);
  });
});

/** A worker started again while the extension stays loaded (it stops when idle): session storage says so. */
async function startedBefore(): Promise<void> {
  await fakeBrowser.storage.session.set({ backgroundStartedSinceLoad: true });
}

describe('the background keeping the list', () => {
  it('fills it at install and at an update, not after the browser was updated', async () => {
    await startedBefore();
    followTabsOpenBeforeInstall();
    openTabs(11);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update', previousVersion: undefined });
    await new Promise((done) => setTimeout(done, 20));
    expect(await wasOpenBeforeInstall(11)).toBe(false);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(async () => expect(await wasOpenBeforeInstall(11)).toBe(true));
  });

  it('fills it at its first start since the browser loaded the extension (turned on again: no install event), not at a later one', async () => {
    openTabs(51);
    followTabsOpenBeforeInstall();
    await vi.waitFor(async () => expect(await wasOpenBeforeInstall(51)).toBe(true));
    await forgetTab(51);
    followTabsOpenBeforeInstall();
    await new Promise((done) => setTimeout(done, 20));
    expect(await wasOpenBeforeInstall(51)).toBe(false);
  });

  it('lists no tab when the browser itself started: its event clears what the first start listed, and no later start lists any', async () => {
    openTabs(61, 62);
    followTabsOpenBeforeInstall();
    await fakeBrowser.runtime.onStartup.trigger();
    await new Promise((done) => setTimeout(done, 20));
    expect(await listed(61, 62)).toEqual([false, false]);
    followTabsOpenBeforeInstall();
    await new Promise((done) => setTimeout(done, 20));
    expect(await listed(61, 62)).toEqual([false, false]);
  });

  it('lists no tab for an update Chromium applies as the browser starts, told after the start', async () => {
    openTabs(71);
    followTabsOpenBeforeInstall();
    await fakeBrowser.runtime.onStartup.trigger();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await new Promise((done) => setTimeout(done, 20));
    expect(await listed(71)).toEqual([false]);
  });

  it('writes nothing when the worker starts again while the extension stays loaded', async () => {
    await startedBefore();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    followTabsOpenBeforeInstall();
    await new Promise((done) => setTimeout(done, 20));
    expect(set).not.toHaveBeenCalled();
  });

  it('takes a tab off when its top page asks for its site’s status, not when a frame in it does', async () => {
    await startedBefore();
    const contentScriptRuns = followTabsOpenBeforeInstall();
    openTabs(21, 22);
    await rememberTabsOpenNow();
    contentScriptRuns({ tabId: 21, frameId: 3 });
    contentScriptRuns({ tabId: 22, frameId: 0 });
    await vi.waitFor(async () => expect(await listed(21, 22)).toEqual([true, false]));
  });

  it('keeps a tab the browser says is loading, as its page may only have rewritten its address or a frame', async () => {
    await startedBefore();
    followTabsOpenBeforeInstall();
    openTabs(31);
    await rememberTabsOpenNow();
    await fakeBrowser.tabs.onUpdated.trigger(31, { status: 'loading' }, { id: 31 } as Tab);
    await new Promise((done) => setTimeout(done, 20));
    expect(await wasOpenBeforeInstall(31)).toBe(true);
  });

  it('leaves off a tab whose top page asked before the install was handled', async () => {
    await startedBefore();
    const contentScriptRuns = followTabsOpenBeforeInstall();
    openTabs(41, 42);
    contentScriptRuns({ tabId: 41, frameId: 0 });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', previousVersion: undefined });
    await vi.waitFor(async () => expect(await listed(41, 42)).toEqual([false, true]));
  });
});
