/**
 * Site settings in browser.storage.local. A stored value that does not parse
 * is never thrown away: it is copied aside, and the reader is told.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type SiteSettings, withSiteEnabled } from './site';

export const SETTINGS_KEY = 'siteSettings';
/** Where an unreadable settings value is kept so nothing the reader set is lost. */
export const UNREADABLE_SETTINGS_KEY = 'siteSettingsUnreadable';

const SettingsSchema = v.strictObject({
  disabledSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(10_000)),
});

export type LoadedSettings = { settings: SiteSettings; problem?: string };

/** Reads the settings; a corrupt value gives the defaults and a problem to show. */
export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, UNREADABLE_SETTINGS_KEY]);
  const raw = stored[SETTINGS_KEY];
  if (raw === undefined) return { settings: DEFAULT_SETTINGS };
  const parsed = v.safeParse(SettingsSchema, raw);
  if (parsed.success) return { settings: parsed.output };
  if (stored[UNREADABLE_SETTINGS_KEY] === undefined) {
    await browser.storage.local.set({ [UNREADABLE_SETTINGS_KEY]: raw });
  }
  return {
    settings: DEFAULT_SETTINGS,
    problem: `Your site settings could not be read (${parsed.issues[0].message}), so Peninsula Lens is on for every site until you change one. The unreadable copy is kept in storage under "${UNREADABLE_SETTINGS_KEY}".`,
  };
}

/** Turns the extension on or off for one site and returns the new settings. */
export async function saveSiteEnabled(site: string, enabled: boolean): Promise<SiteSettings> {
  const { settings } = await loadSettings();
  const next = withSiteEnabled(settings, site, enabled);
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}
