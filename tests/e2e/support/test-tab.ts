/**
 * A tab as the end-to-end tests drive it, one face over Chromium's
 * (Playwright) and Firefox's (puppeteer-core over WebDriver BiDi) pages, so
 * each test is written once and run in both.
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { chromiumCardText, chromiumInCard, chromiumSwipe, chromiumTouchHold } from '../../../scripts/browsers/chromium';
import { firefoxCardText, firefoxInCard } from '../../../scripts/browsers/firefox';
import {
  firefoxEmulateDarkMode,
  firefoxEmulateForcedColors,
  firefoxEmulatePrint,
  firefoxFocusSelectedTab,
  firefoxSetDefaultFontSize,
} from '../../../scripts/browsers/firefox-settings';

export type Rect = { x: number; y: number; width: number; height: number };
type Point = { x: number; y: number };

/** What Playwright's and Puppeteer's mice have alike. */
type Mouse = { move(x: number, y: number, options?: { steps?: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> };

/** A drag in small steps, as a hand makes it: selection follows each move. */
async function mouseDrag(mouse: Mouse, from: Point, to: Point): Promise<void> {
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(to.x, to.y, { steps: 6 });
  await mouse.up();
}

export type TestTab = {
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs `fn` in the first frame whose URL contains `urlPart`. */
  evaluateInFrame<R>(urlPart: string, fn: () => R | Promise<R>): Promise<R>;
  hover(x: number, y: number): Promise<void>;
  /** A mouse click (the pointer moves there first). */
  click(x: number, y: number): Promise<void>;
  /** The mouse pressed at one point, moved to another and released there: a drag, selecting text. */
  drag(from: Point, to: Point): Promise<void>;
  /** A touch tap (no hover before it). */
  tap(x: number, y: number): Promise<void>;
  /** Gives the page a window of this many CSS pixels. */
  setViewport(width: number, height: number): Promise<void>;
  /** A finger put down at `from`, moved to `to` and lifted. */
  swipe(from: Point, to: Point): Promise<void>;
  /** A finger put down at `at`, held still for `ms` and lifted. */
  touchHold(at: Point, ms: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(clip: Rect): Promise<Uint8Array>;
  /** Renders the page as it prints (or, with `false`, as on screen again). */
  emulatePrint(on: boolean): Promise<void>;
  /** Renders the page as the system's dark mode asks (or, with `false`, its light mode). */
  emulateDarkMode(on: boolean): Promise<void>;
  /** Renders the page with forced colours (Windows High Contrast, a browser told to override page colours), or without. */
  emulateForcedColors(on: boolean): Promise<void>;
  /** Sets the browser's default font size (its "Font size" setting) in CSS pixels, 16 its own; the page is loaded again after. */
  setDefaultFontSize(px: number): Promise<void>;
  /** The open card's text as a person reads it; '' when none is open. */
  cardText(): Promise<string>;
  /**
   * Runs `functionSource` (a function of the card's closed shadow root that returns a string, written
   * as source so no transpiler rewrites it) in the page; null when no card is open.
   */
  inCard(functionSource: string): Promise<string | null>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
};

/** What Playwright's and Puppeteer's pages have alike, for the parts of a tab that read the page. */
type ScriptablePage = {
  goto(url: string): Promise<unknown>;
  evaluate(fn: (arg: unknown) => unknown, arg?: unknown): Promise<unknown>;
  frames(): { url(): string; evaluate(fn: () => unknown): Promise<unknown> }[];
};

function pageReading(page: ScriptablePage): Pick<TestTab, 'goto' | 'evaluate' | 'evaluateInFrame'> {
  return {
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<never>,
    evaluateInFrame: async (urlPart, fn) => {
      const frame = page.frames().find((candidate) => candidate.url().includes(urlPart));
      if (!frame) throw new Error(`no frame at ${urlPart}`);
      return frame.evaluate(fn as () => unknown) as Promise<never>;
    },
  };
}

/** A tab of Chromium, through Playwright. */
export function playwrightTab(page: PlaywrightPage): TestTab {
  let fontSession: CDPSession | undefined;
  return {
    ...pageReading(page as unknown as ScriptablePage),
    hover: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    drag: (from, to) => mouseDrag(page.mouse, from, to),
    tap: (x, y) => page.touchscreen.tap(x, y),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    swipe: (from, to) => chromiumSwipe(page, from, to),
    touchHold: (at, ms) => chromiumTouchHold(page, at, ms),
    press: (key) => page.keyboard.press(key),
    screenshot: (clip) => page.screenshot({ clip }),
    emulatePrint: (on) => page.emulateMedia({ media: on ? 'print' : null }),
    emulateDarkMode: (on) => page.emulateMedia({ colorScheme: on ? 'dark' : 'light' }),
    emulateForcedColors: (on) => page.emulateMedia({ forcedColors: on ? 'active' : 'none' }),
    setDefaultFontSize: async (px) => {
      // Kept open: the setting holds while the session that made it is attached, across reloads.
      fontSession ??= await page.context().newCDPSession(page);
      await fontSession.send('Page.setFontSizes', { fontSizes: { standard: px } });
      await page.reload();
    },
    cardText: () => chromiumCardText(page),
    inCard: (functionSource) => chromiumInCard(page, functionSource),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** A tab of Firefox, through puppeteer-core. */
export function puppeteerTab(page: PuppeteerPage): TestTab {
  return {
    ...pageReading(page as unknown as ScriptablePage),
    hover: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    drag: (from, to) => mouseDrag(page.mouse, from, to),
    tap: (x, y) => page.touchscreen.tap(x, y),
    setViewport: (width, height) => page.setViewport({ width, height }),
    swipe: async (from, to) => {
      const finger = await page.touchscreen.touchStart(from.x, from.y);
      const STEPS = 8;
      for (let step = 1; step <= STEPS; step++) {
        await finger.move(from.x + ((to.x - from.x) * step) / STEPS, from.y + ((to.y - from.y) * step) / STEPS);
      }
      await finger.end();
    },
    touchHold: async (at, ms) => {
      const finger = await page.touchscreen.touchStart(at.x, at.y);
      await new Promise((done) => setTimeout(done, ms));
      await finger.end();
    },
    press: async (key) => {
      // Playwright's "Alt+Shift+ArrowDown" chords, pressed the puppeteer way.
      // Puppeteer names the space bar " ", Playwright "Space".
      const keys = key.split('+').map((name) => (name === 'Space' ? ' ' : name)) as Parameters<PuppeteerPage['keyboard']['press']>[0][];
      for (const held of keys.slice(0, -1)) await page.keyboard.down(held);
      await page.keyboard.press(keys[keys.length - 1] as Parameters<PuppeteerPage['keyboard']['press']>[0]);
      for (const held of keys.slice(0, -1).reverse()) await page.keyboard.up(held);
    },
    screenshot: async (clip) => page.screenshot({ clip, type: 'png' }),
    emulateDarkMode: (on) => firefoxEmulateDarkMode(page.browser(), on),
    emulateForcedColors: (on) => firefoxEmulateForcedColors(page.browser(), on),
    emulatePrint: (on) => firefoxEmulatePrint(page.browser(), on),
    // The whole browser's setting: the test that changes it sets it back.
    setDefaultFontSize: async (px) => {
      await firefoxSetDefaultFontSize(page.browser(), px);
      await page.reload();
    },
    cardText: () => firefoxCardText(page),
    inCard: (functionSource) => firefoxInCard(page, functionSource),
    bringToFront: async () => {
      await page.bringToFront();
      await firefoxFocusSelectedTab(page.browser());
    },
    close: () => page.close(),
  };
}
