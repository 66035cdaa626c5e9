/**
 * The tabs that were open when this copy of the extension was installed,
 * updated or turned on again. Chromium runs no content script in a tab that
 * was open then, until the tab loads a page again: the popup there said "On" over a page with
 * nothing marked, and a reader had no way to tell why. The background keeps
 * the list (in session storage: a browser restart starts every tab afresh);
 * the popup asks whether its tab is on it. Firefox runs the content script in
 * open tabs at once, so it keeps no list.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

const STORAGE_KEY = 'tabsOpenBeforeInstall';
const STARTED_KEY = 'backgroundStartedSinceLoad';

/** The popup's tab where it is on the list: nothing in it is marked until it loads again. */
export type StaleTab = { reload: () => Promise<void> };

const TabIdsSchema = v.array(v.pipe(v.number(), v.integer()));

/** Reads the list; a value that is not one (storage written by hand, a bug) counts as no tab at all. */
async function storedTabIds(): Promise<number[]> {
  const parsed = v.safeParse(TabIdsSchema, (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY]);
  return parsed.success ? parsed.output : [];
}

/**
 * Changes to the list, one after another: two tabs that load at once would
 * each read the list before the other wrote it, and one would come back.
 */
let changes: Promise<unknown> = Promise.resolve();

function change(update: (tabIds: number[]) => Promise<number[]> | number[]): Promise<void> {
  const next = changes.then(async () => {
    const before = await storedTabIds();
    const after = await update(before);
    if (after.length !== before.length || after.some((id, index) => id !== before[index])) await browser.storage.session.set({ [STORAGE_KEY]: after });
  });
  changes = next.catch(() => undefined);
  return next;
}

/**
 * At install, update or the first start since: every tab open now that has finished loading, but
 * those `heardFrom` (whose page already runs this copy's content script). A
 * tab still loading gets the content script when its page is ready.
 */
export function rememberTabsOpenNow(heardFrom: ReadonlySet<number> = new Set()): Promise<void> {
  return change(async () => {
    const tabs = await browser.tabs.query({ status: 'complete' });
    return tabs.flatMap((tab) => (tab.id === undefined || heardFrom.has(tab.id) ? [] : [tab.id]));
  });
}

/**
 * True at the background's first start since the browser loaded the extension: installed, updated, turned
 * on again in the browser's extensions page, or the browser started. Chromium empties session storage each
 * time it unloads the extension, and fires no install event when the reader turns it on again.
 */
export async function firstStartSinceLoad(): Promise<boolean> {
  if ((await browser.storage.session.get(STARTED_KEY))[STARTED_KEY] === true) return false;
  await browser.storage.session.set({ [STARTED_KEY]: true });
  return true;
}

/** A tab whose top page asked for its site's status: it runs the content script. */
export function forgetTab(tabId: number): Promise<void> {
  return change((tabIds) => tabIds.filter((id) => id !== tabId));
}

export async function wasOpenBeforeInstall(tabId: number): Promise<boolean> {
  return (await storedTabIds()).includes(tabId);
}
