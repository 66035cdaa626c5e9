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
/** Set when the browser itself started: its tabs all load afresh, so an install or update handled then lists none. */
const BROWSER_STARTED_KEY = 'browserStartedThisSession';

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

/** What a change writes: the list, and other session keys written with it in the same write. */
type Changed = number[] | { tabIds: number[]; also: Record<string, unknown> };

function change(update: (tabIds: number[]) => Promise<Changed> | Changed): Promise<void> {
  const next = changes.then(async () => {
    const before = await storedTabIds();
    const changed = await update(before);
    const { tabIds: after, also } = Array.isArray(changed) ? { tabIds: changed, also: {} } : changed;
    const listChanged = after.length !== before.length || after.some((id, index) => id !== before[index]);
    // In one write with the list: a worker stopped between two writes would leave one without the other.
    if (listChanged || Object.keys(also).length > 0) await browser.storage.session.set({ ...(listChanged ? { [STORAGE_KEY]: after } : {}), ...also });
  });
  changes = next.catch(() => undefined);
  return next;
}

/** Session keys, read together. */
async function sessionFlags(): Promise<{ started: boolean; browserStarted: boolean }> {
  const stored = await browser.storage.session.get([STARTED_KEY, BROWSER_STARTED_KEY]);
  return { started: stored[STARTED_KEY] === true, browserStarted: stored[BROWSER_STARTED_KEY] === true };
}

/** Tabs open now that have finished loading, but those `heardFrom`. */
async function loadedTabsBut(heardFrom: ReadonlySet<number>): Promise<number[]> {
  const tabs = await browser.tabs.query({ status: 'complete' });
  return tabs.flatMap((tab) => (tab.id === undefined || heardFrom.has(tab.id) ? [] : [tab.id]));
}

/**
 * At install, update or the first start since: every tab open now that has finished loading, but
 * those `heardFrom` (whose page already runs this copy's content script). A
 * tab still loading gets the content script when its page is ready.
 */
export function rememberTabsOpenNow(heardFrom: ReadonlySet<number> = new Set()): Promise<void> {
  // An update Chromium applies as the browser starts is told after the start, or before it: either way no tab.
  return change(async (tabIds) => ((await sessionFlags()).browserStarted ? tabIds : loadedTabsBut(heardFrom)));
}

/**
 * At the background's first start since the browser loaded the extension (session storage is empty then:
 * Chromium empties it each time it unloads the extension), lists the tabs open now, as at install: the
 * reader turned the extension on again on the browser's extensions page, which fires no install event.
 * Not when the browser itself started (`browserStarted`), whichever of the two comes first. At later
 * starts (the worker woken again) it reads one flag and writes nothing.
 */
export function rememberTabsAtFirstStart(heardFrom: ReadonlySet<number>): Promise<void> {
  return change(async (tabIds) => {
    const { started, browserStarted } = await sessionFlags();
    if (started) return tabIds;
    return { tabIds: browserStarted ? tabIds : await loadedTabsBut(heardFrom), also: { [STARTED_KEY]: true } };
  });
}

/**
 * The browser started: its tabs load afresh with the content script, so none belongs on the list (a page
 * whose script stops before it asks, an SVG image or a page that opted out, would stay there for good).
 */
export function browserStarted(): Promise<void> {
  return change(() => ({ tabIds: [], also: { [STARTED_KEY]: true, [BROWSER_STARTED_KEY]: true } }));
}

/** A tab whose top page asked for its site's status: it runs the content script. */
export function forgetTab(tabId: number): Promise<void> {
  return change((tabIds) => tabIds.filter((id) => id !== tabId));
}

export async function wasOpenBeforeInstall(tabId: number): Promise<boolean> {
  return (await storedTabIds()).includes(tabId);
}
