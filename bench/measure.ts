/**
 * One measurement each, always on a freshly opened and loaded page: the floors
 * and mark.js in a browser without the extension, our content script's own
 * record in a browser with the bench build of it.
 */
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { BenchTiming } from '../entrypoints/content/timing';
import type { FloorResult, LongFrame, LongTask, MarkjsResult, MarkjsSpec, RegexResult } from './in-page/probes';

const MARKJS_PATH = resolve(import.meta.dirname, '../node_modules/mark.js/dist/mark.min.js');

/** The in-page probes' script (bench/probes-bundle.ts) and the RegExp sources built from the aliases. */
export type ProbeKit = { script: string; regexSource: string; regexFallback: string; markjs: MarkjsSpec };

async function openLoaded(context: BrowserContext, url: string, kit: ProbeKit): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(kit.script);
  const cdp = await context.newCDPSession(page);
  return { page, cdp };
}

async function close(page: Page, cdp: CDPSession): Promise<void> {
  await cdp.detach().catch(() => undefined);
  await page.close();
}

/** Used JS heap after a full GC (the renderer's whole heap: page and content scripts). */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const settle = (page: Page, ms: number): Promise<void> => page.waitForTimeout(ms);

/** Long animation frames (≥ 50 ms) in a window: how many, the worst, their total and their style+layout time. */
export type FrameStats = { count: number; worst: number; total: number; styleLayout: number };

function frameStats(frames: readonly LongFrame[]): FrameStats {
  return {
    count: frames.length,
    worst: Math.max(0, ...frames.map((frame) => frame.duration)),
    total: frames.reduce((sum, frame) => sum + frame.duration, 0),
    styleLayout: frames.reduce((sum, frame) => sum + frame.styleLayout, 0),
  };
}

async function framesBetween(page: Page, from: number, to: number): Promise<FrameStats> {
  return frameStats((await page.evaluate(`globalThis.__peninsulaBench.longFrames(${from}, ${to})`)) as LongFrame[]);
}

export type FloorMeasure = FloorResult & { heap: number; framesAfterLoad: FrameStats | null };

/**
 * (a) the bare walk; also the page's heap after GC (the baseline for ours) and,
 * with `quietMs`, the long animation frames of the page on its own in the
 * first `quietMs` after load (the baseline for the frames during our scan).
 */
export async function measureFloor(context: BrowserContext, url: string, kit: ProbeKit, quietMs = 0): Promise<FloorMeasure> {
  const { page, cdp } = await openLoaded(context, url, kit);
  try {
    let framesAfterLoad: FrameStats | null = null;
    if (quietMs > 0) {
      const loaded = (await page.evaluate('globalThis.__peninsulaBench.loadEnd()')) as number;
      const now = (await page.evaluate('performance.now()')) as number;
      await settle(page, Math.max(0, loaded + quietMs - now));
      framesAfterLoad = await framesBetween(page, loaded, loaded + quietMs);
    } else {
      await settle(page, 50);
    }
    const heap = await heapAfterGc(cdp);
    const floor = await page.evaluate('globalThis.__peninsulaBench.floor()');
    return { ...(floor as FloorResult), heap, framesAfterLoad };
  } finally {
    await close(page, cdp);
  }
}

/** (a') walk + the scanner's skips + one RegExp of every alias. */
export async function measureRegex(context: BrowserContext, url: string, kit: ProbeKit): Promise<RegexResult> {
  const { page, cdp } = await openLoaded(context, url, kit);
  try {
    await settle(page, 50);
    const result = await page.evaluate(`globalThis.__peninsulaBench.walkSkipsRegex(${JSON.stringify(kit.regexSource)}, ${JSON.stringify(kit.regexFallback)})`);
    return result as RegexResult;
  } finally {
    await close(page, cdp);
  }
}

export type MarkjsMeasure = MarkjsResult & { longestTask: number };

/** (c) mark.js over the same aliases; its longest task is the long task around its call (at least the call itself). */
export async function measureMarkjs(context: BrowserContext, url: string, kit: ProbeKit): Promise<MarkjsMeasure> {
  const { page, cdp } = await openLoaded(context, url, kit);
  try {
    await page.addScriptTag({ path: MARKJS_PATH });
    await settle(page, 50);
    const result = (await page.evaluate(`globalThis.__peninsulaBench.markjs(${JSON.stringify(kit.markjs)})`)) as MarkjsResult;
    await settle(page, 150);
    const tasks = (await page.evaluate(`globalThis.__peninsulaBench.longTasks(${result.started})`)) as LongTask[];
    return { ...result, longestTask: Math.max(result.ms, ...tasks.map((task) => task.duration)) };
  } finally {
    await close(page, cdp);
  }
}

/** `frames`: long animation frames from the first line of our `main()` to our first idle (what our highlights make the page re-render). */
export type OursMeasure = { timing: BenchTiming; highlights: number; heap: number; frames: FrameStats };

async function waitForTiming(page: Page, timeoutMs: number): Promise<BenchTiming> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = (await page.evaluate('globalThis.__peninsulaBench.timingRecord()')) as BenchTiming | null;
    if (record) return record;
    if (Date.now() > deadline) throw new Error(`no timing record from the content script on ${page.url()} within ${timeoutMs} ms`);
    await settle(page, 25);
  }
}

/** (b) our content script's own record (bench build), the highlights it registered, and the heap after GC. */
export async function measureOurs(context: BrowserContext, url: string, kit: ProbeKit): Promise<OursMeasure> {
  const { page, cdp } = await openLoaded(context, url, kit);
  try {
    const timing = await waitForTiming(page, 60_000);
    await settle(page, 100);
    const highlights = (await page.evaluate('globalThis.__peninsulaBench.highlightCount()')) as number;
    const frames = await framesBetween(page, timing.start, timing.firstIdle ?? timing.start);
    const heap = await heapAfterGc(cdp);
    return { timing, highlights, heap, frames };
  } finally {
    await close(page, cdp);
  }
}

type AddingState = { added: number; planted: number; ticks: number; started: number; ended: number; longestTick: number };

export type AddingMeasure = {
  added: number;
  plantedAdded: number;
  /** Page-side: the longest long task seen while nodes were being added (and 1 s after). */
  longestTask: number;
  longTasks: number;
  /** Long animation frames while nodes were being added (and 1 s after). */
  frames: FrameStats;
  longestTick: number;
  /** Ours only (bench build): the record and the highlight counts when the additions stopped and after settling. */
  timing: BenchTiming | null;
  highlightsAtEnd: number | null;
  highlightsSettled: number | null;
  settleMs: number | null;
};

/** The page that keeps adding nodes: long tasks during the additions, and whether our highlights keep up. */
export async function measureAdding(
  context: BrowserContext,
  url: string,
  kit: ProbeKit,
  ours: boolean,
  expectedTotal: (state: AddingState) => number,
): Promise<AddingMeasure> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.evaluate(kit.script);
    await page.waitForFunction('globalThis.__adding && globalThis.__adding.ended > 0', undefined, { timeout: 30_000, polling: 50 });
    const state = (await page.evaluate('globalThis.__adding')) as AddingState;
    let highlightsAtEnd: number | null = null;
    let highlightsSettled: number | null = null;
    let settleMs: number | null = null;
    let timing: BenchTiming | null = null;
    if (ours) {
      highlightsAtEnd = (await page.evaluate('globalThis.__peninsulaBench.highlightCount()')) as number;
      const expected = expectedTotal(state);
      const started = Date.now();
      // Settled: every planted mention highlighted, or nothing new for a second (5 s at most).
      let last = highlightsAtEnd;
      let lastChange = Date.now();
      while (Date.now() - started < 5000) {
        await settle(page, 50);
        const count = (await page.evaluate('globalThis.__peninsulaBench.highlightCount()')) as number;
        if (count !== last) {
          last = count;
          lastChange = Date.now();
        }
        if (count >= expected || Date.now() - lastChange > 1000) break;
      }
      highlightsSettled = last;
      settleMs = lastChange - started;
      // The content script republishes its record at most every 400 ms.
      await settle(page, 500);
      timing = (await page.evaluate('globalThis.__peninsulaBench.timingRecord()')) as BenchTiming | null;
    } else {
      await settle(page, 1000);
    }
    const tasks = (await page.evaluate(`globalThis.__peninsulaBench.longTasks(${state.started})`)) as LongTask[];
    const during = tasks.filter((task) => task.start <= state.ended + 1000);
    const frames = await framesBetween(page, state.started, state.ended + 1000);
    return {
      added: state.added,
      plantedAdded: state.planted,
      longestTask: Math.max(0, ...during.map((task) => task.duration)),
      longTasks: during.length,
      frames,
      longestTick: state.longestTick,
      timing,
      highlightsAtEnd,
      highlightsSettled,
      settleMs,
    };
  } finally {
    await close(page, cdp);
  }
}
