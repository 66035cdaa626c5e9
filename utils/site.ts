/**
 * What a "site" is, and whether the extension is on for one. Pure, so the odd
 * URLs people meet are unit-tested without a browser.
 */

// With the slash: the package, not Node's own deprecated module of that name (Vitest runs this in Node).
import { toUnicode } from 'punycode/';
import type { EntityKind } from '../data/schema';

/** The name `file://` pages share: all local files count as one site. */
export const LOCAL_FILES_SITE = 'local files';

/**
 * The site of a page: its host name in lower case, without port or trailing
 * dot; every `file://` page is one site; pages with no host (about:, data:,
 * the browser's own pages) have none.
 */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return LOCAL_FILES_SITE;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  return host === '' ? null : host;
}

/**
 * Letters that are, or can pass for, Latin ones: Latin itself (accented, or IPA's "ɑ" for "a"), and
 * Cyrillic, Greek, Armenian and Cherokee ("аррӏе" in Cyrillic). A name decoded into them could pass for
 * another; a name in Korean, Chinese, Japanese, Arabic and the like cannot.
 */
const LATIN_OR_LOOKALIKE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/**
 * A site as its readers write it: a name in another script is kept as the browser encodes it
 * (`xn--on3b99etzg31a.com`), and shown as 조선일보.com. A name that decodes to letters that could pass for
 * Latin ones is shown with its encoded form beside it, as browsers do not trust such names either.
 */
export function siteName(site: string): string {
  let trusted = true;
  const labels = site.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    let decoded = '';
    try {
      decoded = toUnicode(label);
    } catch {
      // A label that only looks encoded: shown as it is.
    }
    if (decoded === '') return label;
    trusted &&= !LATIN_OR_LOOKALIKE.test(decoded);
    return decoded;
  });
  const readable = labels.join('.');
  if (readable === site) return site;
  return trusted ? readable : `${readable} (${site})`;
}

export type SiteSettings = {
  /** Sites where the reader turned the extension off. */
  disabledSites: string[];
  /** Kinds of names the reader chose not to mark, on any site (utils/marked-kinds.ts); none when absent. */
  unmarkedKinds?: EntityKind[];
};

export const DEFAULT_SETTINGS: SiteSettings = { disabledSites: [] };

/** True unless the reader turned the extension off for this site. */
export function isEnabledFor(site: string | null, settings: SiteSettings): boolean {
  return site === null || !settings.disabledSites.includes(site);
}

/** The settings with one site turned on or off; the input is left as it was. */
export function withSiteEnabled(settings: SiteSettings, site: string, enabled: boolean): SiteSettings {
  const others = settings.disabledSites.filter((disabled) => disabled !== site);
  return { ...settings, disabledSites: enabled ? others : [...others, site].sort() };
}
