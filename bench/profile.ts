/**
 * `tsx bench/profile.ts [page-id…]`: where our content script spends its time
 * on a page, from a CDP CPU profile (50 µs sampling) of an unminified bench
 * build. Time in native (DOM) functions is charged to our function that
 * called them. Not part of `npm run bench`; used to explain its numbers.
 * Page ids: seed-article and the ids in bench/generate-pages.ts. With
 * `SAVE_PROFILE=dir`, each page's raw profile is also written to
 * `dir/<page>.cpuprofile` (for DevTools or a per-line look).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchTiming } from '../entrypoints/content/timing';
import { servePages } from '../scripts/serve';
import { launchBenchBrowser } from './browser';
import { buildProfileExtension } from './build';
import { GENERATED_DIR, generatePages } from './generate-pages';

/** The parts of a CDP `Profiler.Profile` read here. */
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: Node[]; samples?: number[]; timeDeltas?: number[] };

/** Self time per profile node, in ms. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    // A sample's time is the gap to the next one.
    const delta = (deltas[i + 1] ?? 0) / 1000;
    times.set(id, (times.get(id) ?? 0) + delta);
  }
  return times;
}

export type ProfileSummary = { totalMs: number; gcMs: number; byFunction: { name: string; ms: number }[] };

/** Time under our content script, charged to the nearest function of ours on the stack. */
export function summarize(profile: CpuProfile, isOurs: (url: string) => boolean): ProfileSummary {
  const byId = new Map<number, Node>(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = selfTimes(profile);
  const charged = new Map<string, number>();
  let totalMs = 0;
  let gcMs = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    if (node.callFrame.functionName === '(garbage collector)') gcMs += ms;
    let owner: Node | undefined;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const candidate = byId.get(current);
      if (candidate && isOurs(candidate.callFrame.url)) {
        owner = candidate;
        break;
      }
    }
    if (!owner) continue;
    totalMs += ms;
    const label = `${owner.callFrame.functionName || '(anonymous)'}:${owner.callFrame.lineNumber + 1}`;
    const native = node === owner ? '' : ` → ${node.callFrame.functionName || '(native)'}`;
    charged.set(`${label}${native}`, (charged.get(`${label}${native}`) ?? 0) + ms);
  }
  const byFunction = [...charged].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs, gcMs, byFunction };
}

async function main(): Promise<void> {
  const ids = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const wanted = ids.length > 0 ? ids : ['seed-article', 'news-en', 'archive-100k'];
  const extensionDir = process.argv.includes('--no-build') ? join(import.meta.dirname, '../.output/bench-profile/chrome-mv3') : await buildProfileExtension();
  generatePages();
  // A same-origin page the content script leaves alone: loading it first keeps the profiled load in the same renderer.
  writeFileSync(join(GENERATED_DIR, '_opted-out.html'), '<!doctype html><meta name="peninsula-lens" content="off"><title>-</title>');
  const server = await servePages();
  const browser = await launchBenchBrowser(extensionDir);
  const isOurs = (url: string): boolean => url.startsWith(`chrome-extension://${browser.extensionId}/`);
  try {
    for (const id of wanted) {
      const url = id === 'seed-article' ? `${server.origin}/demo` : `${server.origin}/bench/generated/${id}.html`;
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/bench/generated/_opted-out.html`);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      let timing: BenchTiming | null = null;
      for (let i = 0; i < 2400 && !timing; i++) {
        timing = (await page.evaluate(
          "(() => { const m = performance.getEntriesByName('peninsula-lens:timing', 'mark').at(-1); return m instanceof PerformanceMark ? m.detail : null; })()",
        )) as BenchTiming | null;
        if (!timing) await page.waitForTimeout(25);
      }
      if (id === 'adding-nodes') {
        // Profile the whole stream of additions, not only the first scan.
        await page.waitForFunction('globalThis.__adding && globalThis.__adding.ended > 0', undefined, { timeout: 30_000, polling: 100 });
        await page.waitForTimeout(1000);
      }
      const { profile } = await cdp.send('Profiler.stop');
      const saveTo = process.env.SAVE_PROFILE;
      if (saveTo) {
        mkdirSync(saveTo, { recursive: true });
        writeFileSync(join(saveTo, `${id}.cpuprofile`), JSON.stringify(profile));
      }
      await cdp.detach();
      await page.close();
      const summary = summarize(profile, isOurs);
      console.log(`\n${id}: ${summary.totalMs.toFixed(1)} ms sampled in our content script (GC in the whole profile: ${summary.gcMs.toFixed(1)} ms)`);
      if (timing) {
        console.log(
          `  own record: whole ${timing.firstScanTasks.total.toFixed(1)} ms = eval ${timing.spans.eval.total.toFixed(1)} + main ${timing.spans.main.total.toFixed(1)} + matcher ${timing.spans.matcher.total.toFixed(1)} + scan/paint ${(timing.firstScanTasks.total - timing.spans.eval.total - timing.spans.main.total - timing.spans.matcher.total).toFixed(1)} (paint ${timing.spans.paint.total.toFixed(1)}), ${timing.spans.slice.count} slices`,
        );
      }
      for (const entry of summary.byFunction.slice(0, 22)) console.log(`  ${entry.ms.toFixed(2).padStart(8)} ms  ${entry.name}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
