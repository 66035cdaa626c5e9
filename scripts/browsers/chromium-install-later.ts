/**
 * Debian's Chromium started without the extension, which is installed later,
 * while a page is open: as a reader installs it from the store with tabs
 * open. Playwright loads extensions only at launch, so this one browser is
 * driven by puppeteer-core, which installs an unpacked extension over the
 * DevTools protocol (that needs a pipe and Chromium's extension-debugging
 * flag). Every request that is not to 127.0.0.1 goes to a refusing proxy
 * (Chromium sends loopback addresses past any proxy).
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { QUIET_LOCAL_CHROMIUM } from './chromium';
import { ensureBrowsers } from './paths';
import { startRefusingProxy } from './refusing-proxy';

const CHROME_BUILD_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export type LateInstallSession = {
  browser: Browser;
  /** The tab that was open when the extension was installed. */
  page: Page;
  extensionId: string;
  /** Hosts (host:port) the browser tried to reach beyond 127.0.0.1; all were refused. */
  blockedRequests: string[];
  close: () => Promise<void>;
};

/** Launches Chromium, does `beforeInstall` in its first tab, then installs the extension from `.output/chrome-mv3`. */
export async function launchChromiumThenInstall(beforeInstall: (page: Page) => Promise<void>): Promise<LateInstallSession> {
  const { chromium: executablePath } = ensureBrowsers(['chromium']);
  const proxy = await startRefusingProxy();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      enableExtensions: true,
      defaultViewport: { width: 1280, height: 900 },
      args: [...QUIET_LOCAL_CHROMIUM, '--enable-unsafe-extension-debugging', `--proxy-server=127.0.0.1:${proxy.port}`],
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const close = async () => {
    await browser.close();
    await proxy.close();
  };
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await beforeInstall(page);
    const extensionId = await browser.installExtension(CHROME_BUILD_DIR);
    return { browser, page, extensionId, blockedRequests: proxy.blocked, close };
  } catch (error) {
    await close();
    throw error;
  }
}
