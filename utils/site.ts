/**
 * What a "site" is, and whether the extension is on for one. Pure, so the odd
 * URLs people meet are unit-tested without a browser.
 */

// With the slash: the package, not Node's own deprecated module of that name (Vitest runs this in Node).
import { toUnicode } from 'punycode/';

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

/** Scripts with letters that look like Latin ones ("аррӏе" in Cyrillic): a name in them could pass for another. */
const LOOKALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/**
 * A site as its readers write it: a name in another script is kept as the browser encodes it
 * (`xn--on3b99etzg31a.com`), and shown as 조선일보.com. A name with letters that could pass for Latin ones
 * is shown with its encoded form beside it, as browsers do not trust such names either.
 */
export function siteName(site: string): string {
  const labels = site.split('.').map((label) => {
    try {
      // A label that only looks encoded decodes to nothing, or fails: it is shown as it is.
      return (label.startsWith('xn--') && toUnicode(label)) || label;
    } catch {
      return label;
    }
  });
  const readable = labels.join('.');
  if (readable === site) return site;
  return LOOKALIKE_SCRIPTS.test(readable) ? `${readable} (${site})` : readable;
}

export type SiteSettings = {
  /** Sites where the reader turned the extension off. */
  disabledSites: string[];
};

export const DEFAULT_SETTINGS: SiteSettings = { disabledSites: [] };

/** True unless the reader turned the extension off for this site. */
export function isEnabledFor(site: string | null, settings: SiteSettings): boolean {
  return site === null || !settings.disabledSites.includes(site);
}

/** The settings with one site turned on or off; the input is left as it was. */
export function withSiteEnabled(settings: SiteSettings, site: string, enabled: boolean): SiteSettings {
  const others = settings.disabledSites.filter((disabled) => disabled !== site);
  return { disabledSites: enabled ? others : [...others, site].sort() };
}
