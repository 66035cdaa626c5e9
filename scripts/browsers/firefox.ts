/**
 * Debian's Firefox ESR with the built extension installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi (no geckodriver, no
 * browser download). Every request that is not to 127.0.0.1 or the extension
 * itself goes to a local "proxy" that refuses it.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureBrowsers } from './paths';
import { startRefusingProxy } from './refusing-proxy';

const CARD_HOST_TAG = 'peninsula-lens-card';

const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** The gecko id in the manifest (wxt.config.ts). */
export const FIREFOX_EXTENSION_ID = 'peninsula-lens@peninsula-lens.org';
/** The extension's internal UUID, fixed by a pref so its pages have a known URL. */
export const FIREFOX_EXTENSION_UUID = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

export type FirefoxSession = {
  browser: Browser;
  /** The tab Firefox opened at start. */
  page: Page;
  /** `moz-extension://<uuid>/` */
  extensionBaseUrl: string;
  /** Hosts (host:port) the browser tried to reach beyond 127.0.0.1; all were refused. */
  blockedRequests: string[];
  close: () => Promise<void>;
};

export type FirefoxOptions = {
  headless: boolean;
  extensionDir?: string;
  /** Seconds of idleness after which Firefox stops the extension's event page (Firefox's default is 30). */
  backgroundIdleTimeoutSeconds?: number;
  /** Done in the first tab before the extension is installed: a page the reader had open when installing it. */
  beforeInstall?: (page: Page) => Promise<void>;
};

/** Prefs that keep Firefox quiet and local; puppeteer adds its own (updates, safe browsing, telemetry…). */
function firefoxPrefs(proxyPort: number, backgroundIdleTimeoutSeconds?: number): Record<string, unknown> {
  return {
    // A fixed internal UUID: moz-extension://<uuid>/ is known before start.
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
    // Every request goes to the refusing proxy, except those to 127.0.0.1
    // (Firefox never proxies localhost unless allow_hijacking_localhost is set).
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.socks': '127.0.0.1',
    'network.proxy.socks_port': proxyPort,
    'network.proxy.socks_remote_dns': true,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.predictor.enabled': false,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'captivedetect.canonicalURL': '',
    // Telemetry, studies, updates, remote settings, safe browsing, pings.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.archive.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'app.shield.optoutstudies.enabled': false,
    'app.normandy.enabled': false,
    'app.update.auto': false,
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'browser.search.geoip.url': '',
    'browser.ping-centre.telemetry': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.discovery.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'media.gmp-manager.url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'browser.translations.enable': false,
    'dom.push.connection.enabled': false,
    'identity.fxaccounts.enabled': false,
    // The extension's event page stops after this many ms without activity.
    ...(backgroundIdleTimeoutSeconds === undefined ? {} : { 'extensions.background.idle.timeout': Math.round(backgroundIdleTimeoutSeconds * 1000) }),
  };
}

/** Launches Firefox ESR and installs the extension from `.output/firefox-mv3`. */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxSession> {
  const { firefox: executablePath } = ensureBrowsers(['firefox']);
  const extensionDir = resolve(options.extensionDir ?? FIREFOX_BUILD_DIR);
  const proxy = await startRefusingProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: options.headless,
      // Lets WebDriver BiDi reach moz-extension:// pages (the popup opened as a tab).
      args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
      extraPrefsFirefox: firefoxPrefs(proxy.port, options.backgroundIdleTimeoutSeconds),
      defaultViewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await options.beforeInstall?.(page);
    const id = await browser.installExtension(extensionDir);
    if (id !== FIREFOX_EXTENSION_ID) throw new Error(`Installed ${id}, expected ${FIREFOX_EXTENSION_ID}.`);
    return {
      browser,
      page,
      extensionBaseUrl: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
      blockedRequests: proxy.blocked,
      close: async () => {
        await browser.close();
        await proxy.close();
      },
    };
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
}

/** The raw WebDriver BiDi connection puppeteer-core keeps on its Firefox browser (not in its public types). */
type BidiConnection = { send: (method: string, params: object) => Promise<{ result: unknown }> };
type BidiRemoteValue = { type: string; value?: unknown; sharedId?: string };
type BidiEvaluateResult = { type: 'success'; result: BidiRemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };

function bidiConnection(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: Partial<BidiConnection> }).connection;
  if (typeof connection?.send !== 'function') throw new Error('This browser is not driven over WebDriver BiDi.');
  return connection as BidiConnection;
}

/** The BiDi browsing context id of a page's main frame (puppeteer keeps it as the frame's `_id`). */
function browsingContextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('The page has no WebDriver BiDi browsing context id.');
  return id;
}

async function bidiScript(browser: Browser, method: 'script.evaluate' | 'script.callFunction', params: object): Promise<BidiRemoteValue> {
  const { result } = (await bidiConnection(browser).send(method, { awaitPromise: false, ...params })) as { result: BidiEvaluateResult };
  if (result.type === 'exception') throw new Error(`${method} failed: ${result.exceptionDetails.text}`);
  return result.result;
}

/** Evaluation happens in a sandbox of the page's window: page scripts cannot see or tamper with it. */
const PROBE_SANDBOX = 'peninsula-lens-probe';

/**
 * The text of the extension's card as a person would read it (innerText: only
 * what is rendered, one line per block), or '' when no card is open. The card
 * lives in a closed shadow root that page scripts cannot open; WebDriver BiDi
 * serialises it anyway when asked with `includeShadowTree: 'all'`, and the
 * root's shared id can then be handed to a function run in the page.
 */
export async function firefoxCardText(page: Page): Promise<string> {
  const text = await firefoxInCard(page, "(root) => [...root.children].map((element) => element.innerText ?? '').join('\\n')");
  return text === null
    ? ''
    : text
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
}

/**
 * Runs `functionSource`, a function of a shadow root that returns a string, on
 * the open card's closed shadow root; null when no card is open.
 */
export async function firefoxInCard(page: Page, functionSource: string): Promise<string | null> {
  const browser = page.browser();
  const context = browsingContextOf(page);
  const host = await bidiScript(browser, 'script.evaluate', {
    // Also in an open shadow root: the card goes into a component's dialog when its mention is there.
    expression: `(function find(root) {
      // The host may carry a suffix (a page that took the tag for itself gets another name).
      for (const element of root.querySelectorAll('*')) {
        if (element.localName.startsWith('${CARD_HOST_TAG}')) return element;
        const inside = element.shadowRoot && find(element.shadowRoot);
        if (inside) return inside;
      }
      return null;
    })(document)`,
    target: { context, sandbox: PROBE_SANDBOX },
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (host.type !== 'node') return null;
  const shadowRoot = (host.value as { shadowRoot?: BidiRemoteValue | null } | undefined)?.shadowRoot;
  if (!shadowRoot?.sharedId) return null;
  const result = await bidiScript(browser, 'script.callFunction', {
    // A string, not a function's source: a transpiler may rewrite a function's body.
    functionDeclaration: functionSource,
    arguments: [{ sharedId: shadowRoot.sharedId }],
    target: { context, sandbox: PROBE_SANDBOX },
  });
  return typeof result.value === 'string' ? result.value : null;
}

/**
 * Whether Firefox is running the extension's event page, read in the
 * browser's own (chrome) realm, which `--remote-allow-system-access` opens to
 * WebDriver BiDi: 'running', 'suspending', 'stopped' or 'starting'.
 */
export async function firefoxBackgroundState(browser: Browser): Promise<string> {
  const state = await inChromeRealm(browser, `String(WebExtensionPolicy.getByID(${JSON.stringify(FIREFOX_EXTENSION_ID)})?.extension?.backgroundState)`);
  return String(state.value);
}

/**
 * The errors in Firefox's Browser Console since `since` (ms since the epoch)
 * that name the extension: what its
 * own extension code logs about it (a listener left behind, a closed
 * context), which no page and no extension page sees.
 */
export async function firefoxExtensionErrors(browser: Browser, since: number): Promise<string[]> {
  // By time, not by place in the list: the console keeps only the latest messages.
  const errors = await inChromeRealm(
    browser,
    `JSON.stringify(Services.console.getMessageArray()
      .filter((message) => message instanceof Ci.nsIScriptError && !(message.flags & Ci.nsIScriptError.warningFlag) && message.timeStamp >= ${since})
      .map((message) => message.errorMessage)
      .filter((text) => text.includes(${JSON.stringify(FIREFOX_EXTENSION_ID)}) || text.includes(${JSON.stringify(FIREFOX_EXTENSION_UUID)})))`,
  );
  return JSON.parse(String(errors.value)) as string[];
}

/** Evaluates `expression` in the browser's own (chrome) realm, in its main window. */
export async function inChromeRealm(browser: Browser, expression: string): Promise<BidiRemoteValue> {
  const { result } = (await bidiConnection(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as {
    result: { contexts: { context: string; url: string }[] };
  };
  const window = result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml') ?? result.contexts[0];
  if (!window) throw new Error('Firefox has no chrome window to ask.');
  return bidiScript(browser, 'script.evaluate', { expression, target: { context: window.context } });
}
