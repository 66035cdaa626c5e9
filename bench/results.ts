/**
 * What a bench run measured, as run.ts collects it and report.ts prints it:
 * a page's results, the adding-nodes result and the run's own facts, with
 * the median, ratio and sum the report takes of them.
 */
import type { AddingMeasure, FrameStats } from './measure';

type MarkjsResultRow = { ms: number; longestTaskMs: number; marks: number | null; aliases: number; estimated: boolean };

export type PageResult = {
  id: string;
  kind: string;
  description: string;
  reps: { floor: number; regex: number; ours: number };
  textNodes: number | null;
  textChars: number | null;
  floorMs: number | null;
  regexMs: number | null;
  regexCompileMs: number | null;
  regexMatches: number | null;
  regexModifiers: boolean | null;
  wholeMs: number | null;
  /** Evaluating the content script's modules before `main()` (inside `wholeMs`). */
  evalMs: number | null;
  /** Evaluation, `main()` and building the matcher (inside `wholeMs`). */
  startupCpuMs: number | null;
  matcherMs: number | null;
  /** The content script's first statement (or, in builds without that mark, `main()`) to matcher ready, wall clock. */
  startupWallMs: number | null;
  scanMs: number | null;
  paintMs: number | null;
  slices: number | null;
  longestTaskMs: number | null;
  longestTaskMaxMs: number | null;
  firstHighlightMs: number | null;
  /** The first line of our `main()`, from navigation start (the name is older than the `eval` span before it). */
  scriptStartMs: number | null;
  doneMs: number | null;
  heapAddedBytes: number | null;
  heapChurnBytes: number | null;
  highlights: number | null;
  /** Long animation frames (≥ 50 ms) from the first line of our `main()` to our first idle: median count, worst over runs, median style+layout ms. */
  frames: number | null;
  worstFrameMs: number | null;
  frameStyleLayoutMs: number | null;
  /** The same page without the extension, in the first moments after load. */
  framesBaseline: FrameStats | null;
  planted: number | null;
  markjs: MarkjsResultRow | null;
};

export type AddingResult = { id: string; initialPlanted: number; withExtension: AddingMeasure | null; withoutExtension: AddingMeasure | null };

export type RunInfo = {
  chromium: string;
  node: string;
  cores: number;
  commit: string;
  aliases: number;
  markjsSample: number;
  timingCodeInFlagOffBuild: string[];
  seconds: number;
  errors: string[];
};

/** Median of the finite values; null when there are none. */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? (finite[middle] as number) : ((finite[middle - 1] as number) + (finite[middle] as number)) / 2;
}

/** top / bottom; null when either is missing or bottom is 0. */
export function ratio(top: number | null, bottom: number | null): number | null {
  return top === null || bottom === null || bottom === 0 ? null : top / bottom;
}

/** The sum of the values; null when any is missing. */
export function sum(values: readonly (number | null)[]): number | null {
  return values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + (value ?? 0), 0);
}
