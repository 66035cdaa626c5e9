/**
 * Bench-only timing of the content script. In a bench build
 * (`WXT_PENINSULA_BENCH=true`, see bench/README.md) it records how long our
 * own work takes and publishes a summary as a `performance.mark` that the
 * benchmark reads from the page (the performance timeline is shared with the
 * page). In any other build `BENCH` is the constant `false`, every function
 * here is empty and the bundler drops the calls: production carries no timing
 * code (bench/build.ts checks this).
 *
 * Where the bundler keeps every statement of a function (index.ts's site-switch
 * callback, which is called inside a `try`), the call site instead writes
 * `if (import.meta.env.WXT_PENINSULA_BENCH === 'true') performance.mark(...)`
 * with a literal name, which the minifier removes; `ENABLE_MARKS` below
 * lists those names.
 */

import { BENCH_MARK, SCRIPT_START_MARK } from './timing-marks';

declare global {
  interface ImportMetaEnv {
    readonly WXT_PENINSULA_BENCH?: string;
  }
}

const BENCH = import.meta.env.WXT_PENINSULA_BENCH === 'true';

/** Marks index.ts sets around turning on: before the matcher, matcher ready, annotator started. */
const ENABLE_MARKS = { begin: 'peninsula-lens:enable', matcher: 'peninsula-lens:matcher-ready', end: 'peninsula-lens:enabled' } as const;

/**
 * What a span measured: evaluating the bundle's modules up to `main`, `main`, turning on (matcher +
 * annotator + first slice), the matcher build, a scan slice, handing found mentions to the highlights
 * (`paint`), registering them with the browser (`flush`, inside a `paint` or at the end of a scan),
 * wiring the cards' listeners, a change batch.
 */
export type BenchSpanKind = 'eval' | 'main' | 'enable' | 'matcher' | 'slice' | 'paint' | 'flush' | 'cards' | 'change';

export type BenchSpanStats = { count: number; total: number; max: number };

/** Published with every mark; all times are `performance.now()` values (ms since navigation start). */
export type BenchTiming = {
  /** The bundle's first statement, where the bench build marks it. */
  scriptStart: number | null;
  /** First line of `main`. */
  start: number;
  matcherReady: number | null;
  /** The end of the first `flush`: the first highlights registered with the browser. */
  firstHighlight: number | null;
  /** The first and the latest moment the scanner had nothing left to do. */
  firstIdle: number | null;
  lastIdle: number | null;
  /** Our work as whole tasks: overlapping spans merged, so a slice run inside `enable` counts once. */
  tasks: BenchSpanStats;
  /** The same, for tasks that began before the first idle, and wiring the cards: the cost of the first full scan. */
  firstScanTasks: BenchSpanStats;
  spans: Record<BenchSpanKind, BenchSpanStats>;
  /** `performance.memory.usedJSHeapSize` (the whole page's, not only ours) just before start and just after the first idle. */
  heapAtStart: number | null;
  heapAtFirstIdle: number | null;
};

type Span = { kind: BenchSpanKind; begun: number; ended: number };
type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

function usedHeap(): number | null {
  return (performance as MemoryPerformance).memory?.usedJSHeapSize ?? null;
}

function statsOf(durations: readonly number[]): BenchSpanStats {
  let total = 0;
  let max = 0;
  for (const duration of durations) {
    total += duration;
    if (duration > max) max = duration;
  }
  return { count: durations.length, total, max };
}

/** Spans merged where they overlap: what is left is one task of ours each. */
function mergedTasks(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.begun - b.begun);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.begun <= last.ended) last.ended = Math.max(last.ended, span.ended);
    else merged.push({ ...span });
  }
  return merged;
}

/** The spans index.ts left as marks (see the header). */
function enableSpans(): Span[] {
  const times = (name: string): number[] => performance.getEntriesByName(name, 'mark').map((mark) => mark.startTime);
  const begins = times(ENABLE_MARKS.begin);
  const matchers = times(ENABLE_MARKS.matcher);
  const ends = times(ENABLE_MARKS.end);
  const spans: Span[] = [];
  begins.forEach((begun, index) => {
    const matcher = matchers[index];
    const ended = ends[index];
    if (matcher !== undefined) spans.push({ kind: 'matcher', begun, ended: matcher });
    if (ended !== undefined) spans.push({ kind: 'enable', begun, ended });
  });
  return spans;
}

let scriptStart: number | null = null;
let start: number | null = null;
let heapAtStart: number | null = null;
let heapAtFirstIdle: number | null = null;
let firstIdle: number | null = null;
let lastIdle: number | null = null;
let publishing = false;
let published = false;
const spans: Span[] = [];
const open: { kind: BenchSpanKind; begun: number }[] = [];

/** After the first record, publish at most this often: the record costs more as spans pile up. */
const REPUBLISH_MS = 400;

function publish(): void {
  publishing = false;
  published = true;
  if (start === null) return;
  // Read here, after the task that went idle: with precise memory info the read takes milliseconds.
  heapAtFirstIdle ??= usedHeap();
  const all = [...spans, ...enableSpans()];
  const tasks = mergedTasks(all);
  const durations = (list: readonly Span[]): number[] => list.map((span) => span.ended - span.begun);
  const ofKind = (kind: BenchSpanKind): BenchSpanStats => statsOf(durations(all.filter((span) => span.kind === kind)));
  const idle = firstIdle;
  // Wiring the cards is a task of its own right after the first slice: part of the first scan's cost
  // whether the scan took more slices or not.
  const cards = all.find((span) => span.kind === 'cards');
  const firstCards = cards && tasks.find((task) => task.begun <= cards.begun && cards.ended <= task.ended);
  const timing: BenchTiming = {
    scriptStart,
    start,
    matcherReady: all.find((span) => span.kind === 'matcher')?.ended ?? null,
    firstHighlight: spans.find((span) => span.kind === 'flush')?.ended ?? null,
    firstIdle,
    lastIdle,
    tasks: statsOf(durations(tasks)),
    firstScanTasks: statsOf(durations(tasks.filter((task) => idle !== null && (task.begun < idle || task === firstCards)))),
    spans: {
      eval: ofKind('eval'),
      main: ofKind('main'),
      enable: ofKind('enable'),
      matcher: ofKind('matcher'),
      slice: ofKind('slice'),
      paint: ofKind('paint'),
      flush: ofKind('flush'),
      cards: ofKind('cards'),
      change: ofKind('change'),
    },
    heapAtStart,
    heapAtFirstIdle,
  };
  performance.mark(BENCH_MARK, { detail: timing });
}

/** First line of `main`: records the evaluation before it, starts the record and opens the `main` span. */
export function benchStart(): void {
  if (BENCH) {
    scriptStart = performance.getEntriesByName(SCRIPT_START_MARK, 'mark').at(-1)?.startTime ?? null;
    if (scriptStart !== null) spans.push({ kind: 'eval', begun: scriptStart, ended: performance.now() });
    // Between the two spans: with precise memory info the read takes milliseconds.
    heapAtStart = usedHeap();
    start = performance.now();
    open.push({ kind: 'main', begun: start });
  }
}

/** Opens a span of `kind`; `benchEnd(kind)` closes it. */
export function benchBegin(kind: BenchSpanKind): void {
  if (BENCH) open.push({ kind, begun: performance.now() });
}

/** Closes the innermost open span of `kind` (and any left open inside it). */
export function benchEnd(kind: BenchSpanKind): void {
  if (BENCH) {
    const ended = performance.now();
    let span = open.pop();
    while (span && span.kind !== kind) span = open.pop();
    if (span) spans.push({ kind, begun: span.begun, ended });
  }
}

/** The scanner has nothing queued: publishes the record after the current task. */
export function benchIdle(): void {
  if (BENCH) {
    const now = performance.now();
    firstIdle ??= now;
    lastIdle = now;
    if (!publishing) {
      publishing = true;
      // After this task, so the record's own cost lands outside our spans.
      setTimeout(publish, published ? REPUBLISH_MS : 0);
    }
  }
}
