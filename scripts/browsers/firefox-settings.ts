/**
 * Firefox's own settings and state, changed as a reader would change them
 * (focus, print and colour preview, fonts, the extension's access to sites,
 * turning it off and on), from the browser's chrome realm, which
 * `--remote-allow-system-access` opens to WebDriver BiDi (firefox.ts).
 */
import type { Browser } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ID, inChromeRealm } from './firefox';

/**
 * Gives the browser window and its selected tab the system's focus, as a
 * reader's click on the window would. Headless, Firefox starts without it,
 * and a page without focus gets no focus or blur events and no key
 * activation (Enter on a button does not click it).
 */
export async function firefoxFocusSelectedTab(browser: Browser): Promise<void> {
  await inChromeRealm(browser, 'window.focus(); gBrowser.selectedBrowser.focus()');
}

/**
 * Renders every tab's pages as they print (or, with `false`, as on screen):
 * the media override Firefox's own developer tools set on a tab's browsing
 * context, set in its chrome realm.
 */
export async function firefoxEmulatePrint(browser: Browser, print: boolean): Promise<void> {
  await inChromeRealm(
    browser,
    `for (const window of Services.wm.getEnumerator('navigator:browser')) for (const tab of window.gBrowser.browsers) tab.browsingContext.mediumOverride = ${JSON.stringify(print ? 'print' : '')}`,
  );
}

/**
 * Renders pages with forced colours, as a reader who lets Firefox override every page's colours (or uses
 * Windows High Contrast) sees them: `browser.display.document_color_use` 2 is "always", 0 "as the system says".
 */
export async function firefoxEmulateForcedColors(browser: Browser, forced: boolean): Promise<void> {
  await inChromeRealm(browser, `Services.prefs.setIntPref('browser.display.document_color_use', ${forced ? 2 : 0})`);
}

/**
 * Renders pages in dark mode (or light mode), as the reader's system would
 * ask: Firefox's own content override of `prefers-color-scheme`, set in its
 * chrome realm (puppeteer's media emulation speaks CDP, which Firefox does not).
 */
export async function firefoxEmulateDarkMode(browser: Browser, dark: boolean): Promise<void> {
  // 0 dark, 1 light (2 follows the system, 3 the browser's theme).
  await inChromeRealm(browser, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${dark ? 0 : 1})`);
}

/**
 * Lets the extension read every site, or takes that away, as a reader does in
 * about:addons ("Access your data for all websites"): the host permission
 * the content script's `<all_urls>` stands for, granted or removed in
 * Firefox's own (chrome) realm.
 */
export async function firefoxSetSiteAccess(browser: Browser, allowed: boolean): Promise<void> {
  const id = JSON.stringify(FIREFOX_EXTENSION_ID);
  await inChromeRealm(
    browser,
    `(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${id}).extension;
      await ExtensionPermissions.${allowed ? 'add' : 'remove'}(${id}, { permissions: [], origins: ['<all_urls>'] }, extension);
    })()`,
  );
  // The change is made asynchronously: done once the extension's policy holds it.
  const holds = `WebExtensionPolicy.getByID(${id}).canAccessURI(Services.io.newURI('http://127.0.0.1/'))`;
  for (let tries = 0; String((await inChromeRealm(browser, holds)).value) !== String(allowed); tries++) {
    if (tries > 50) throw new Error(`Firefox did not ${allowed ? 'grant' : 'withdraw'} the extension's access to sites.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Grants the extension's permission requests without asking, as a reader who allows them would; with
 * `false`, Firefox asks again (its default).
 */
export async function firefoxGrantPermissionRequests(browser: Browser, grant: boolean): Promise<void> {
  await inChromeRealm(browser, `Services.prefs.setBoolPref('extensions.webextOptionalPermissionPrompts', ${!grant})`);
}

/** Turns the extension off or on again, as a reader does in about:addons. */
export async function firefoxSetEnabled(browser: Browser, enabled: boolean): Promise<void> {
  await inChromeRealm(
    browser,
    `(async () => {
      const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
      const addon = await AddonManager.getAddonByID(${JSON.stringify(FIREFOX_EXTENSION_ID)});
      await addon.${enabled ? 'enable' : 'disable'}();
    })()`,
  );
  const running = `String(WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_EXTENSION_ID)})?.active === true)`;
  for (let tries = 0; String((await inChromeRealm(browser, running)).value) !== String(enabled); tries++) {
    if (tries > 50) throw new Error(`Firefox did not turn the extension ${enabled ? 'on' : 'off'}.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Sets Firefox's default font size for Latin-script pages (Settings → Fonts → Size), in CSS pixels. */
export async function firefoxSetDefaultFontSize(browser: Browser, px: number): Promise<void> {
  await inChromeRealm(browser, `Services.prefs.setIntPref('font.size.variable.x-western', ${Math.round(px)})`);
}
