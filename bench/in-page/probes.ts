/**
 * Code the bench runs inside a page (main world), bundled by bench/in-page.ts
 * into one script that defines `globalThis.__peninsulaBench`. Nothing here
 * touches the DOM except `markjs`, which is what mark.js does.
 */
import { isSkippedElement } from '../../entrypoints/content/text-blocks';

export type FloorResult = { ms: number; textNodes: number; chars: number };
export type RegexResult = { compileMs: number; ms: number; matches: number; textNodes: number; modifiers: boolean };
export type MarkjsSpec = { caseSensitive: string[]; caseInsensitive: string[]; limiters: string[] };
export type MarkjsResult = { ms: number; marks: number; started: number };
export type LongTask = { start: number; duration: number };
/** A long animation frame (≥ 50 ms) and how much of it was style and layout. */
export type LongFrame = { start: number; duration: number; styleLayout: number };

type MarkOptions = {
  separateWordSearch: boolean;
  diacritics: boolean;
  caseSensitive: boolean;
  accuracy: { value: 'exactly'; limiters: string[] };
  done: (total: number) => void;
};
type MarkInstance = { mark(keywords: string[], options: MarkOptions): void };
type MarkConstructor = new (context: Element) => MarkInstance;
type BenchWindow = typeof globalThis & { Mark?: MarkConstructor; __longTasks?: LongTask[]; __loafs?: LongFrame[] };

/** (a) The floor: a bare TreeWalker over every text node, reading its data. */
function floor(): FloorResult {
  const started = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    chars += (node as Text).data.length;
  }
  return { ms: performance.now() - started, textNodes, chars };
}

/**
 * (a') A TreeWalker with the scanner's own skips (`isSkippedElement`) and one
 * combined RegExp of every alias run over each text node. The RegExp is
 * compiled first (and run thrice on a short text so V8 compiles it for real
 * and tiers it up); that time is `compileMs`, not part of `ms`.
 */
function walkSkipsRegex(source: string, fallbackSource: string): RegexResult {
  const compileStarted = performance.now();
  let modifiers = true;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch {
    // No `(?i:…)` modifiers in this engine: one case-insensitive RegExp instead.
    modifiers = false;
    regex = new RegExp(fallbackSource, 'gi');
  }
  for (let i = 0; i < 3; i++) {
    regex.lastIndex = 0;
    regex.test('Warm-up text about the weather and North Korea.');
  }
  const compileMs = performance.now() - compileStarted;
  const started = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkippedElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  let matches = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    textNodes++;
    regex.lastIndex = 0;
    while (regex.exec((node as Text).data) !== null) matches++;
  }
  return { compileMs, ms: performance.now() - started, matches, textNodes, modifiers };
}

/** (c) mark.js (already on the page) marking the aliases: one call per case rule. */
function markjs(spec: MarkjsSpec): MarkjsResult {
  const Mark = (globalThis as BenchWindow).Mark;
  if (!Mark) throw new Error('mark.js is not on the page');
  let marks = 0;
  const started = performance.now();
  const instance = new Mark(document.body);
  const run = (keywords: string[], caseSensitive: boolean): void =>
    instance.mark(keywords, {
      separateWordSearch: false,
      diacritics: false,
      caseSensitive,
      accuracy: { value: 'exactly', limiters: spec.limiters },
      done: (total) => {
        marks += total;
      },
    });
  run(spec.caseSensitive, true);
  run(spec.caseInsensitive, false);
  return { ms: performance.now() - started, marks, started };
}

/** Long tasks that ended after `since` (bench/browser.ts records them from the page's first line). */
function longTasks(since: number): LongTask[] {
  return ((globalThis as BenchWindow).__longTasks ?? []).filter((task) => task.start + task.duration >= since);
}

/** Long animation frames that began between `from` and `to`. */
function longFrames(from: number, to: number): LongFrame[] {
  return ((globalThis as BenchWindow).__loafs ?? []).filter((frame) => frame.start >= from && frame.start <= to);
}

/** When the load event ended (ms since navigation start). */
function loadEnd(): number {
  const navigation = performance.getEntriesByType('navigation')[0];
  return navigation instanceof PerformanceNavigationTiming ? navigation.loadEventEnd : 0;
}

/** How many ranges the extension has highlighted (the highlight registry is shared with the page); the underline holds the same ranges again. */
function highlightCount(): number {
  let count = 0;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('peninsula-lens-') && name !== 'peninsula-lens-underline') count += highlight.size;
  return count;
}

/** The latest timing record the bench build of the content script published. */
function timingRecord(): unknown {
  const marks = performance.getEntriesByName('peninsula-lens:timing', 'mark');
  const last = marks.at(-1);
  return last instanceof PerformanceMark ? last.detail : null;
}

const probes = { floor, walkSkipsRegex, markjs, longTasks, longFrames, loadEnd, highlightCount, timingRecord };
(globalThis as typeof globalThis & { __peninsulaBench?: typeof probes }).__peninsulaBench = probes;
