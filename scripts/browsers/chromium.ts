/**
 * Debian's Chromium with the built extension loaded, driven by Playwright
 * (playwright-core: no browser download). Every request that is not to
 * 127.0.0.1 or the extension itself is blocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ensureBrowsers } from './paths';

const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export type ChromiumSession = {
  context: BrowserContext;
  extensionId: string;
  close: () => Promise<void>;
};

/**
 * Flags for a Chromium that runs as root without a GPU and, unasked, reaches
 * for no server: without the background-networking flags it tries Google's
 * hosts at every start.
 */
export const QUIET_LOCAL_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/** True for requests a test may make: the page server and the extension's own files. */
export function isAllowedUrl(url: string): boolean {
  return /^(https?:\/\/127\.0\.0\.1[:/]|chrome-extension:|moz-extension:|data:|blob:|about:)/.test(url);
}

/** Launches Chromium with the extension from `.output/chrome-mv3`. */
export async function launchChromium(options: { headless: boolean; extensionDir?: string; touch?: boolean }): Promise<ChromiumSession> {
  const { chromium: executablePath } = ensureBrowsers(['chromium']);
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'peninsula-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless,
    viewport: { width: 1280, height: 900 },
    // Lets tests tap as on a touch screen; the mouse still hovers as usual. The page then takes its main
    // pointer for a finger, as on a phone (the card's text is larger): the demo, for a desktop, does not.
    hasTouch: options.touch ?? true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...QUIET_LOCAL_CHROMIUM],
  });
  await context.route('**/*', (route) => (isAllowedUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  return { context, extensionId: await extensionIdIn(context), close: closeAndForget(context, profile) };
}

/** The id of the extension loaded into `context`, from its service worker (waiting for it to start). */
export async function extensionIdIn(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return new URL(worker.url()).host;
}

/** Closes the browser, then deletes its throwaway profile. */
export function closeAndForget(context: BrowserContext, profile: string): () => Promise<void> {
  return async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
}

type DomNode = { nodeName: string; nodeType: number; nodeValue: string; backendNodeId: number; children?: DomNode[]; shadowRoots?: DomNode[] };

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
}

function findHosts(node: DomNode, tag: string, found: DomNode[] = []): DomNode[] {
  // The card's host may carry a suffix (a page that took the tag for itself gets another name).
  if (node.nodeName.toLowerCase().startsWith(tag)) found.push(node);
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) findHosts(child, tag, found);
  return found;
}

/**
 * The text of the extension's card as a person would read it. The card lives
 * in a closed shadow root that page scripts cannot open; the DevTools
 * protocol can.
 */
/**
 * Runs `functionSource`, a function of a shadow root that returns a string, on
 * the open card's closed shadow root; null when no card is open.
 */
export async function chromiumInCard(page: Page, functionSource: string): Promise<string | null> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadowRoot = findHosts(root, 'peninsula-lens-card')[0]?.shadowRoots?.[0];
    if (!shadowRoot) return null;
    const { object } = (await session.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await session.send('Runtime.callFunctionOn', {
      functionDeclaration: `function () { return (${functionSource})(this); }`,
      objectId: object.objectId,
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return typeof result.value === 'string' ? result.value : null;
  } finally {
    await session.detach();
  }
}

/** A finger put down at `at`, held still for `ms` and lifted: a long press, not a tap. */
export async function chromiumTouchHold(page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await new Promise((done) => setTimeout(done, ms));
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await session.detach();
  }
}

/** A finger put down at `from`, moved to `to` in steps, and lifted: a scroll, not a tap. */
export async function chromiumSwipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const STEPS = 8;
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let step = 1; step <= STEPS; step++) {
      const at = { x: from.x + ((to.x - from.x) * step) / STEPS, y: from.y + ((to.y - from.y) * step) / STEPS };
      await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await session.detach();
  }
}

export async function chromiumCardText(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return findHosts(root, 'peninsula-lens-card').map(textOf).join(' ').replace(/\s+/g, ' ').trim();
  } finally {
    await session.detach();
  }
}
