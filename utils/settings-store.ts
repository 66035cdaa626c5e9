/**
 * Site settings in browser.storage.local. A stored value that does not parse
 * is never thrown away: it is copied aside, and the reader is told.
 */
import { browser } from 'wxt/browser';
import type { EntityKind } from '../data/schema';
import { errorMessage } from './error-message';
import { withKindMarked } from './marked-kinds';
import { MAX_DISABLED_SITES, readStoredSettings } from './settings-reading';
import { DEFAULT_SETTINGS, type SiteSettings, withSiteEnabled } from './site';

export const SETTINGS_KEY = 'siteSettings';
/** Where unreadable settings values are kept, each once, so nothing the reader set is lost. */
export const UNREADABLE_SETTINGS_KEY = 'siteSettingsUnreadable';

type KeptValue = { keptAt: string; value: unknown };

/**
 * A value's text for telling kept copies apart: JSON, with what JSON cannot
 * write and Firefox's storage (structured clone) can hold written out and
 * tagged, so that no two different values read alike: BigInts, maps, sets,
 * blobs, repeated objects (a cycle).
 */
function fingerprintOf(value: unknown): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_key, item: unknown) => {
    // Tagged under a key no stored settings use, so that a tagged value never reads like a plain object.
    if (typeof item === 'bigint') return { '\u0000': 'bigint', value: String(item) };
    if (typeof item !== 'object' || item === null) return item;
    if (seen.has(item)) return { '\u0000': 'seen' };
    seen.add(item);
    if (item instanceof Map) return { '\u0000': 'map', value: [...item] };
    if (item instanceof Set) return { '\u0000': 'set', value: [...item] };
    if (item instanceof Blob) return { '\u0000': 'blob', value: [item.size, item.type] };
    return item;
  });
  return text ?? String(value);
}

/** Adds a corrupt value to the kept ones unless the same value is kept already; rejects when storage refuses. */
async function keepUnreadable(raw: unknown, kept: unknown): Promise<void> {
  const list: KeptValue[] = Array.isArray(kept) ? (kept as KeptValue[]) : kept === undefined ? [] : [{ keptAt: 'earlier', value: kept }];
  const fingerprint = fingerprintOf(raw);
  if (list.some((entry) => fingerprintOf(entry?.value) === fingerprint)) return;
  await browser.storage.local.set({ [UNREADABLE_SETTINGS_KEY]: [...list, { keptAt: new Date().toISOString(), value: raw }] });
}

/**
 * The longest problem told: a few sentences. Each value quoted is short
 * already (settings-reading.ts); a whole problem is cut to this too, whatever
 * it quotes (a storage error's own message, say), so that it always fits in a
 * site-status answer, whose text protocol.ts caps at 20,000 characters.
 */
const MAX_PROBLEM_CHARS = 1_000;

function capped(problem: string): string {
  return problem.length <= MAX_PROBLEM_CHARS ? problem : `${problem.slice(0, MAX_PROBLEM_CHARS - 1)}…`;
}

export type LoadedSettings = { settings: SiteSettings; problem?: string };

type StoredSettings = LoadedSettings & {
  /** Fields a later version wrote, which this one does not know: written back with every save. */
  unknownFields: Record<string, unknown>;
  /** A stored value that does not read whole, with the copies kept so far: it must be kept before anything replaces it. */
  unreadable?: { raw: unknown; kept: unknown };
};

async function readSettings(): Promise<StoredSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, UNREADABLE_SETTINGS_KEY]);
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined) return { settings: DEFAULT_SETTINGS, unknownFields: {} };
  const { settings, unknownFields, problem } = readStoredSettings(raw);
  if (problem === undefined) return { settings, unknownFields };
  return { settings, unknownFields, problem, unreadable: { raw, kept: stored[UNREADABLE_SETTINGS_KEY] } };
}

/**
 * Reads the settings; a corrupt value gives the defaults and a problem to
 * show. The corrupt value is copied aside at once where storage allows; where
 * it does not (full, say), the settings still read, and the value stays where
 * it is: no save replaces it before a copy is kept.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const { settings, problem, unreadable } = await readSettings();
  if (!unreadable) return { settings };
  try {
    await keepUnreadable(unreadable.raw, unreadable.kept);
    return { settings, problem: capped(`${problem} What could not be read is kept aside in storage, not thrown away.`) };
  } catch (error) {
    const reason = errorMessage(error);
    return {
      settings,
      problem: capped(`${problem} It is left in storage as it is, and not replaced until a copy can be kept aside (${reason}).`),
    };
  }
}

/** The last save queued; it never rejects. Saves run one after another, so none reads what another is about to replace. */
let lastSave: Promise<unknown> = Promise.resolve();

/** Turns the extension on or off for one site and returns the new settings. */
export function saveSiteEnabled(site: string, enabled: boolean): Promise<SiteSettings> {
  return queueSave((settings) => withSiteEnabled(settings, site, enabled));
}

/** Marks one kind of names on pages or not, on every site, and returns the new settings. */
export function saveKindMarked(kind: EntityKind, marked: boolean): Promise<SiteSettings> {
  return queueSave((settings) => withKindMarked(settings, kind, marked));
}

function queueSave(change: (settings: SiteSettings) => SiteSettings): Promise<SiteSettings> {
  const save = lastSave.then(() => saveNow(change));
  lastSave = save.catch(() => undefined);
  return save;
}

async function saveNow(change: (settings: SiteSettings) => SiteSettings): Promise<SiteSettings> {
  const { settings, unknownFields, unreadable } = await readSettings();
  // Replaced now: kept first, or the save fails and the value stays.
  if (unreadable) await keepUnreadable(unreadable.raw, unreadable.kept);
  const next = change(settings);
  // Settings past the limit would not read back: the reader is told, and every site stays as it was.
  if (next.disabledSites.length > MAX_DISABLED_SITES) {
    throw new Error(
      `Peninsula Lens keeps at most ${MAX_DISABLED_SITES.toLocaleString('en')} sites turned off; to make room, open this popup on one of them and turn it back on there.`,
    );
  }
  // Fields a later version wrote go back as they were, so that version finds them after an upgrade.
  await browser.storage.local.set({ [SETTINGS_KEY]: { ...unknownFields, ...next } });
  return next;
}
