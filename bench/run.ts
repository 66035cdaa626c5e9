/**
 * `npm run bench`: builds the bench build of the extension, writes the
 * generated pages, measures every page in real Chromium (a browser without
 * the extension for the floors and mark.js, one with it for our content
 * script), and prints a fixed-column table and one JSON line. Targets print
 * PASS/FAIL; the run itself never fails on them. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { servePages } from '../scripts/serve';
import { type BenchBrowser, launchBenchBrowser } from './browser';
import { runBuilds } from './build';
import { type GeneratedPage, generatePages, type PageKind } from './generate-pages';
import type { MarkjsSpec } from './in-page/probes';
import { buildProbeKit } from './kit';
import {
  type AddingMeasure,
  type MarkjsMeasure,
  measureAdding,
  measureFloor,
  measureMarkjs,
  measureOurs,
  measureRegex,
  type OursMeasure,
  type ProbeKit,
} from './measure';
import { printReport } from './report';
import { type AddingResult, median, type PageResult, type RunInfo } from './results';

/** Repetitions (each on a fresh page): typical pages are fast and noisy, the 100k page carries two targets. */
const REPS: Record<PageKind | 'seed', number> = { seed: 5, typical: 5, large: 1, huge: 2, adding: 1 };
/** mark.js takes seconds per page: the full alias list on typical pages, a sample (scaled up) on larger ones. */
const MARKJS_SAMPLE = 6;
/** How long after load the page is watched on its own for long animation frames (the baseline for the frames during our scan). */
const QUIET_MS = 1200;

type PageRef = { id: string; url: string; kind: PageKind | 'seed'; description: string; planted: number | null };

function sampleMarkjs(spec: MarkjsSpec, count: number): MarkjsSpec {
  const total = spec.caseSensitive.length + spec.caseInsensitive.length;
  const sensitive = Math.max(1, Math.round((count * spec.caseSensitive.length) / total));
  const every = (list: string[], n: number): string[] => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)] ?? '').filter(Boolean);
  return { ...spec, caseSensitive: every(spec.caseSensitive, sensitive), caseInsensitive: every(spec.caseInsensitive, count - sensitive) };
}

async function repeat<T>(times: number, measure: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await measure());
  return results;
}

const startedAt = Date.now();
function log(message: string): void {
  process.stderr.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const began = startedAt;
  log('bench: building the bench build of the extension (WXT_PENINSULA_BENCH=true) and a flag-off build…');
  const { benchDir: extensionDir, timingCodeInFlagOffBuild: timingCodeLeft } = runBuilds();
  log('bench: writing the generated pages…');
  const generated: GeneratedPage[] = generatePages();
  const kit = await buildProbeKit();
  const server = await servePages();
  const pages: PageRef[] = [
    { id: 'seed-article', url: `${server.origin}/demo`, kind: 'seed', description: 'the demo page (data/article.md)', planted: null },
    ...generated.map((page) => ({
      id: page.id,
      url: `${server.origin}/bench/generated/${page.file}`,
      kind: page.kind,
      description: page.description,
      planted: page.planted,
    })),
  ];
  const staticPages = pages.filter((page) => page.kind !== 'adding');
  const adding = pages.find((page) => page.kind === 'adding');

  const floors = new Map<string, Awaited<ReturnType<typeof measureFloor>>[]>();
  const regexes = new Map<string, Awaited<ReturnType<typeof measureRegex>>[]>();
  const markjs = new Map<string, { measure: MarkjsMeasure; sampled: number }>();
  const ours = new Map<string, OursMeasure[]>();
  const errors: string[] = [];
  const addingRuns: { plain: AddingMeasure | null; ours: AddingMeasure | null } = { plain: null, ours: null };

  const warmUp = async (browser: BenchBrowser): Promise<void> => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/demo`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await page.close();
  };
  const guarded = async (what: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      errors.push(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      log(`bench: ${what} failed`);
    }
  };

  log('bench: measuring without the extension (floors, regex, mark.js)…');
  const plain = await launchBenchBrowser(null);
  try {
    await warmUp(plain);
    for (const page of staticPages) {
      log(`  ${page.id}`);
      const reps = REPS[page.kind];
      await guarded(`${page.id} floor`, async () => {
        let first = true;
        floors.set(
          page.id,
          await repeat(reps, () => {
            const quiet = first ? QUIET_MS : 0;
            first = false;
            return measureFloor(plain.context, page.url, kit, quiet);
          }),
        );
      });
      await guarded(`${page.id} regex`, async () => {
        regexes.set(page.id, await repeat(reps, () => measureRegex(plain.context, page.url, kit)));
      });
      await guarded(`${page.id} mark.js`, async () => {
        const full = page.kind === 'seed' || page.kind === 'typical';
        const spec = full ? kit.markjs : sampleMarkjs(kit.markjs, MARKJS_SAMPLE);
        const sampled = spec.caseSensitive.length + spec.caseInsensitive.length;
        const sampleKit: ProbeKit = { ...kit, markjs: spec };
        markjs.set(page.id, { measure: await measureMarkjs(plain.context, page.url, sampleKit), sampled });
      });
    }
    if (adding) {
      log(`  ${adding.id}`);
      await guarded(`${adding.id} without extension`, async () => {
        addingRuns.plain = await measureAdding(plain.context, adding.url, kit, false, () => 0);
      });
    }
  } finally {
    await plain.close();
  }

  log('bench: measuring our content script (bench build)…');
  const withExtension = await launchBenchBrowser(extensionDir);
  try {
    await warmUp(withExtension);
    for (const page of staticPages) {
      log(`  ${page.id}`);
      await guarded(`${page.id} ours`, async () => {
        ours.set(page.id, await repeat(REPS[page.kind], () => measureOurs(withExtension.context, page.url, kit)));
      });
    }
    if (adding) {
      log(`  ${adding.id}`);
      const initial = adding.planted ?? 0;
      await guarded(`${adding.id} with extension`, async () => {
        addingRuns.ours = await measureAdding(withExtension.context, adding.url, kit, true, (state) => initial + state.planted);
      });
    }
  } finally {
    await withExtension.close();
    await server.close();
  }

  const totalAliases = kit.markjs.caseSensitive.length + kit.markjs.caseInsensitive.length;
  const results: PageResult[] = staticPages.map((page) => {
    const floor = floors.get(page.id) ?? [];
    const regex = regexes.get(page.id) ?? [];
    const mine = ours.get(page.id) ?? [];
    const mark = markjs.get(page.id);
    const heapBase = median(floor.map((f) => f.heap));
    const scale = mark ? totalAliases / mark.sampled : 1;
    return {
      id: page.id,
      kind: page.kind,
      description: page.description,
      reps: { floor: floor.length, regex: regex.length, ours: mine.length },
      textNodes: floor[0]?.textNodes ?? null,
      textChars: floor[0]?.chars ?? null,
      floorMs: median(floor.map((f) => f.ms)),
      regexMs: median(regex.map((r) => r.ms)),
      regexCompileMs: median(regex.map((r) => r.compileMs)),
      regexMatches: regex[0]?.matches ?? null,
      regexModifiers: regex[0]?.modifiers ?? null,
      wholeMs: median(mine.map((m) => m.timing.firstScanTasks.total)),
      evalMs: median(mine.map((m) => m.timing.spans.eval.total)),
      startupCpuMs: median(mine.map((m) => m.timing.spans.eval.total + m.timing.spans.main.total + m.timing.spans.matcher.total)),
      matcherMs: median(mine.map((m) => m.timing.spans.matcher.total)),
      startupWallMs: median(mine.map((m) => (m.timing.matcherReady === null ? Number.NaN : m.timing.matcherReady - (m.timing.scriptStart ?? m.timing.start)))),
      scanMs: median(mine.map((m) => m.timing.firstScanTasks.total - m.timing.spans.eval.total - m.timing.spans.main.total - m.timing.spans.matcher.total)),
      paintMs: median(mine.map((m) => m.timing.spans.paint.total)),
      slices: median(mine.map((m) => m.timing.spans.slice.count)),
      longestTaskMs: median(mine.map((m) => m.timing.firstScanTasks.max)),
      longestTaskMaxMs: mine.length > 0 ? Math.max(...mine.map((m) => m.timing.firstScanTasks.max)) : null,
      firstHighlightMs: median(mine.map((m) => m.timing.firstHighlight ?? Number.NaN)),
      scriptStartMs: median(mine.map((m) => m.timing.start)),
      doneMs: median(mine.map((m) => m.timing.firstIdle ?? Number.NaN)),
      heapAddedBytes: heapBase === null ? null : median(mine.map((m) => m.heap - heapBase)),
      heapChurnBytes: median(
        mine.map((m) => (m.timing.heapAtFirstIdle === null || m.timing.heapAtStart === null ? Number.NaN : m.timing.heapAtFirstIdle - m.timing.heapAtStart)),
      ),
      highlights: mine[0]?.highlights ?? null,
      frames: median(mine.map((m) => m.frames.count)),
      worstFrameMs: mine.length > 0 ? Math.max(...mine.map((m) => m.frames.worst)) : null,
      frameStyleLayoutMs: median(mine.map((m) => m.frames.styleLayout)),
      framesBaseline: floor[0]?.framesAfterLoad ?? null,
      planted: page.planted,
      markjs: mark
        ? {
            ms: mark.measure.ms * scale,
            longestTaskMs: mark.measure.longestTask * scale,
            marks: mark.sampled === totalAliases ? mark.measure.marks : null,
            aliases: mark.sampled,
            estimated: mark.sampled !== totalAliases,
          }
        : null,
    };
  });

  const addingResult: AddingResult | null =
    adding && (addingRuns.ours || addingRuns.plain)
      ? { id: adding.id, initialPlanted: adding.planted ?? 0, withExtension: addingRuns.ours, withoutExtension: addingRuns.plain }
      : null;
  const info: RunInfo = {
    chromium: chromiumVersion(),
    node: process.version,
    cores: cpus().length,
    commit: gitCommit(),
    aliases: totalAliases,
    markjsSample: MARKJS_SAMPLE,
    timingCodeInFlagOffBuild: timingCodeLeft,
    seconds: Math.round((Date.now() - began) / 1000),
    errors,
  };
  printReport(results, addingResult, info);
}

await main();
