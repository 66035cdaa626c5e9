/**
 * Stored site settings read field by field, so that a problem names the field
 * that did not read and the rest still count. Pure: settings-store.ts does the
 * storage. A field this version does not know (a later version's, read after
 * a downgrade) is no problem: it is handed back to be written with each save,
 * so that the later version finds it again.
 */
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import { DEFAULT_SETTINGS, LOCAL_FILES_SITE, type SiteSettings, siteOf } from './site';

/** The longest site name kept, and the most sites kept turned off. */
const MAX_SITE_CHARS = 300;
export const MAX_DISABLED_SITES = 10_000;

/**
 * How much of a bad value a problem quotes: the problem travels in every
 * site-status answer, whose text protocol.ts caps at 20,000 characters.
 */
const MAX_QUOTED_CHARS = 100;

export type ReadSettings = {
  settings: SiteSettings;
  /** Fields this version does not know, as stored. */
  unknownFields: Record<string, unknown>;
  /** What did not read, in sentences a reader can follow; absent when everything read. */
  problem?: string;
};

const ALL_ON = 'so Peninsula Lens is on for every site until you change one';

function count(n: number): string {
  return n.toLocaleString('en');
}

/** The start of a long text, and how long it is. */
function shortened(text: string, unit: string): string {
  return text.length <= MAX_QUOTED_CHARS ? text : `${text.slice(0, MAX_QUOTED_CHARS)}…, ${count(text.length)} ${unit} long`;
}

/** A stored value in words, short whatever its size: what a reader would need to find it in storage. */
function described(value: unknown): string {
  if (typeof value === 'string')
    return value.length <= MAX_QUOTED_CHARS ? `"${value}"` : `"${value.slice(0, MAX_QUOTED_CHARS)}…", ${count(value.length)} characters long`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${shortened(String(value), 'digits')}`;
  if (value === null || value === undefined || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a map';
  if (value instanceof Set) return 'a set';
  return typeof value === 'object' ? 'a group of fields' : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A site as the rest of the code names it (siteOf: the host in lower case), from one written by hand:
 * "Example.COM", "https://news.example/". Anything that names no site is kept as it is: it turns nothing
 * off, and is not lost.
 */
function normalSite(entry: string): string {
  if (entry === LOCAL_FILES_SITE || isAlreadyNormal(entry)) return entry;
  return siteOf(entry) ?? siteOf(`https://${entry}`) ?? entry;
}

/**
 * True for a host name as siteOf writes it, which a URL would give back unchanged: settings are read at
 * every page's start, and parsing each of up to 10,000 sites as a URL would take tens of milliseconds. A
 * name whose last label is a number is left to the URL parser, which reads it as an IPv4 address.
 */
function isAlreadyNormal(entry: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(entry) && !/(?:^|\.)(?:\d+|0x[0-9a-f]*)$/.test(entry);
}

function sitesStayOff(readable: number): string {
  return readable === 1
    ? 'the one site that could be read stays turned off as you set it'
    : `the ${count(readable)} sites that could be read stay turned off as you set them`;
}

function readSites(stored: unknown): { sites: string[]; problem?: string } {
  if (stored === undefined) return { sites: [], problem: `Your site settings hold no list of the sites you turned off, ${ALL_ON}.` };
  if (!Array.isArray(stored)) return { sites: [], problem: `The list of sites you turned off could not be read, ${ALL_ON} (it was ${described(stored)}).` };
  const readable: string[] = [];
  const unreadable: unknown[] = [];
  for (const entry of stored) {
    const site = typeof entry === 'string' && entry.length <= MAX_SITE_CHARS ? normalSite(entry) : undefined;
    if (site !== undefined && site.length <= MAX_SITE_CHARS) readable.push(site);
    else unreadable.push(entry);
  }
  const sites = [...new Set(readable)];
  const bad = unreadable.length;
  if (sites.length > MAX_DISABLED_SITES) {
    const kept = count(MAX_DISABLED_SITES);
    return {
      sites: sites.slice(0, MAX_DISABLED_SITES),
      problem: `Your settings turn off ${count(sites.length)} sites, more than the ${kept} Peninsula Lens keeps: the first ${kept} stay turned off, and the others are on.`,
    };
  }
  if (bad === 0) return { sites };
  const which = ` (${bad === 1 ? 'it was' : 'the first was'} ${described(unreadable[0])})`;
  if (sites.length === 0) {
    const none = bad === 1 ? 'The one site you turned off could not be read' : `None of the ${count(bad)} sites you turned off could be read`;
    return { sites, problem: `${none}, ${ALL_ON}${which}.` };
  }
  return { sites, problem: `${bad === 1 ? 'One' : count(bad)} of the sites you turned off could not be read; ${sitesStayOff(sites.length)}${which}.` };
}

/** The kinds of names not to mark; absent when none was stored, or none of those stored reads. */
function readKinds(stored: unknown): { kinds?: EntityKind[]; problem?: string } {
  if (stored === undefined) return {};
  const entries: unknown[] = Array.isArray(stored) ? stored : [];
  const kinds = ENTITY_KINDS.filter((kind) => entries.includes(kind));
  if (Array.isArray(stored) && entries.every((entry) => kinds.includes(entry as EntityKind))) return { kinds };
  return {
    ...(kinds.length > 0 ? { kinds } : {}),
    problem:
      kinds.length > 0
        ? 'Of the kinds of names you chose not to mark, those that could be read stay unmarked.'
        : 'The kinds of names you chose not to mark could not be read: every kind is marked until you clear its box in the key again.',
  };
}

/** The settings a stored value holds, as far as they read. */
export function readStoredSettings(raw: unknown): ReadSettings {
  if (!isRecord(raw))
    return { settings: DEFAULT_SETTINGS, unknownFields: {}, problem: `Your site settings could not be read, ${ALL_ON} (they were ${described(raw)}).` };
  const { disabledSites, unmarkedKinds, ...unknownFields } = raw;
  const sites = readSites(disabledSites);
  const kinds = readKinds(unmarkedKinds);
  const settings: SiteSettings = { disabledSites: sites.sites, ...(kinds.kinds === undefined ? {} : { unmarkedKinds: kinds.kinds }) };
  const problems = [sites.problem, kinds.problem].filter((problem) => problem !== undefined);
  return { settings, unknownFields, ...(problems.length > 0 ? { problem: problems.join(' ') } : {}) };
}
