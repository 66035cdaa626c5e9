/**
 * Site settings in browser.storage.local. A stored value that does not parse
 * is never thrown away: it is copied aside, and the reader is told.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import { errorMessage } from './error-message';
import { withKindMarked } from './marked-kinds';
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

/** The longest site name kept, and the most sites kept turned off. */
const MAX_SITE_CHARS = 300;
const MAX_DISABLED_SITES = 10_000;

const SettingsSchema = v.strictObject({
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_SITE_CHARS))), v.maxLength(MAX_DISABLED_SITES)),
  unmarkedKinds: v.optional(v.array(v.picklist(ENTITY_KINDS))),
});

/**
 * What still reads in a value that does not parse as a whole: a list with one bad entry in it, or settings a
 * later version wrote with fields (or kinds of names) this one does not know.
 */
function readableSettings(raw: unknown): SiteSettings {
  const record: { disabledSites?: unknown; unmarkedKinds?: unknown } = typeof raw === 'object' && raw !== null ? raw : {};
  const sites = Array.isArray(record.disabledSites) ? record.disabledSites : [];
  const readable = sites.filter((site): site is string => typeof site === 'string' && site.length <= MAX_SITE_CHARS);
  const kinds: unknown[] = Array.isArray(record.unmarkedKinds) ? record.unmarkedKinds : [];
  const unmarkedKinds = ENTITY_KINDS.filter((kind) => kinds.includes(kind));
  return { disabledSites: [...new Set(readable)].slice(0, MAX_DISABLED_SITES), ...(unmarkedKinds.length > 0 ? { unmarkedKinds } : {}) };
}

/**
 * How much of a bad value the problem quotes. valibot quotes a string whole,
 * and the problem travels in every site-status answer, whose text protocol.ts
 * caps at 20,000 characters: a longer quote would make each answer invalid.
 */
const MAX_QUOTED_CHARS = 100;

/**
 * The longest problem told: a few sentences. A whole problem is cut to this
 * too, whatever it quotes (a storage error's own message, say), so that it
 * always fits in a site-status answer.
 */
const MAX_PROBLEM_CHARS = 1_000;

function capped(problem: string): string {
  return problem.length <= MAX_PROBLEM_CHARS ? problem : `${problem.slice(0, MAX_PROBLEM_CHARS - 1)}…`;
}

/**
 * The issue in words, quoting at most the start of a long bad value: a string, the name of an unknown field,
 * or what valibot writes for any other value (all the digits of a BigInt).
 */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const bad = issue.input;
  const quoted =
    typeof bad === 'string'
      ? `"${bad.slice(0, MAX_QUOTED_CHARS)}…" (${bad.length.toLocaleString('en')} characters)`
      : `${issue.received.slice(0, MAX_QUOTED_CHARS)}…`;
  const long = typeof bad === 'string' ? bad.length > MAX_QUOTED_CHARS : issue.received.length > MAX_QUOTED_CHARS;
  // A function, so that "$&" and the like in the value are not read as replacement patterns.
  return long ? issue.message.replace(issue.received, () => quoted) : issue.message;
}

export type LoadedSettings = { settings: SiteSettings; problem?: string };

type StoredSettings = LoadedSettings & {
  /** A stored value that does not parse, with the copies kept so far: it must be kept before anything replaces it. */
  unreadable?: { raw: unknown; kept: unknown };
};

async function readSettings(): Promise<StoredSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, UNREADABLE_SETTINGS_KEY]);
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined) return { settings: DEFAULT_SETTINGS };
  const parsed = v.safeParse(SettingsSchema, raw);
  if (parsed.success) return { settings: parsed.output };
  const issue = describeIssue(parsed.issues[0]);
  const readable = readableSettings(raw);
  const unreadable = { raw, kept: stored[UNREADABLE_SETTINGS_KEY] };
  const kinds = kindsNotRead(raw, readable);
  if (readable.disabledSites.length > 0) {
    const count = readable.disabledSites.length;
    const sites = count === 1 ? 'the site that could stays' : `the ${count.toLocaleString('en')} sites that could stay`;
    return {
      settings: readable,
      problem: `Part of your site settings could not be read (${issue}); ${sites} turned off as you set them.${kinds}`,
      unreadable,
    };
  }
  return {
    settings: readable,
    problem: `Your site settings could not be read (${issue}), so Peninsula Lens is on for every site until you change one.${kinds}`,
    unreadable,
  };
}

/** What a problem adds where the kinds of names not to mark were stored and did not all read; else nothing. */
function kindsNotRead(raw: unknown, readable: SiteSettings): string {
  const stored: unknown = typeof raw === 'object' && raw !== null ? (raw as { unmarkedKinds?: unknown }).unmarkedKinds : undefined;
  const kept = readable.unmarkedKinds?.length ?? 0;
  if (stored === undefined || (Array.isArray(stored) && stored.length === kept)) return '';
  return kept > 0
    ? ' Of the kinds of names you chose not to mark, those that could be read stay unmarked.'
    : ' The kinds of names you chose not to mark could not be read: every kind is marked until you clear its box in the key again.';
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
    return { settings, problem: capped(`${problem} The unreadable copy is kept in storage under "${UNREADABLE_SETTINGS_KEY}".`) };
  } catch (error) {
    const reason = errorMessage(error);
    return {
      settings,
      problem: capped(`${problem} It is left in storage as it is: a copy could not be kept (${reason}), and it is not replaced until one can be.`),
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
  const { settings, unreadable } = await readSettings();
  // Replaced now: kept first, or the save fails and the value stays.
  if (unreadable) await keepUnreadable(unreadable.raw, unreadable.kept);
  const next = change(settings);
  // Settings past the limit would not read back: the reader is told, and every site stays as it was.
  if (next.disabledSites.length > MAX_DISABLED_SITES) {
    throw new Error(
      `Peninsula Lens keeps at most ${MAX_DISABLED_SITES.toLocaleString('en')} sites turned off; to make room, open this popup on one of them and turn it back on there.`,
    );
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
