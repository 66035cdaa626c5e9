/**
 * What a "site" is, and whether the extension is on for one. Pure, so the odd
 * URLs people meet are unit-tested without a browser.
 */

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
