/**
 * Builds the extension for the benchmark: the Chrome MV3 build with the
 * content script's timing compiled in (WXT_PENINSULA_BENCH=true), into its own
 * folder so the production build in `.output/chrome-mv3` is never touched.
 * Also builds production-like (flag off) on request, to prove the flag leaves
 * no timing code behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { build, type Logger } from 'wxt';
import { BENCH_MARK, SCRIPT_START_MARK } from '../entrypoints/content/timing-marks';

const root = resolve(import.meta.dirname, '..');
/** `.output/bench/chrome-mv3`: the bench build. */
const BENCH_BUILD_DIR = join(root, '.output/bench/chrome-mv3');
/** `.output/bench-flag-off/chrome-mv3`: the same sources built as production is. */
const FLAG_OFF_BUILD_DIR = join(root, '.output/bench-flag-off/chrome-mv3');

/** Strings only timing code contains; none may appear in a build without the flag. */
const TIMING_FINGERPRINTS = [
  BENCH_MARK,
  'peninsula-lens:enable',
  'peninsula-lens:matcher-ready',
  'usedJSHeapSize',
  'performance.mark',
  'firstScanTasks',
  'heapAtFirstIdle',
  SCRIPT_START_MARK,
];

/**
 * Sets a mark before the first line of the bench build's content script (the
 * one chunk with timing code), so the timing counts evaluating its modules
 * too, not only `main()`: WXT's and the polyfill's set-up, valibot's schemas.
 */
function scriptStartMark(): Plugin {
  return {
    name: 'peninsula-lens:bench-script-start',
    renderChunk(code) {
      return code.includes(BENCH_MARK) ? `performance.mark(${JSON.stringify(SCRIPT_START_MARK)});\n${code}` : null;
    },
  };
}

async function buildInto(outDir: string, bench: boolean, minify = true): Promise<void> {
  const previous = process.env.WXT_PENINSULA_BENCH;
  if (bench) process.env.WXT_PENINSULA_BENCH = 'true';
  else delete process.env.WXT_PENINSULA_BENCH;
  try {
    await build({
      browser: 'chrome',
      manifestVersion: 3,
      outDir,
      logger: silentLogger(),
      vite: () => ({ plugins: bench ? [scriptStartMark()] : [], ...(minify ? {} : { build: { minify: false } }) }),
    });
  } finally {
    if (previous === undefined) delete process.env.WXT_PENINSULA_BENCH;
    else process.env.WXT_PENINSULA_BENCH = previous;
  }
}

function silentLogger(): Logger {
  const quiet = (): void => undefined;
  return {
    debug: quiet,
    log: quiet,
    info: quiet,
    warn: (...args: unknown[]) => console.warn(...args),
    error: (...args: unknown[]) => console.error(...args),
    fatal: (...args: unknown[]) => console.error(...args),
    success: quiet,
    level: 0,
  };
}

/** Builds the bench extension; returns its folder. */
async function buildBenchExtension(): Promise<string> {
  await buildInto(join(root, '.output/bench'), true);
  return BENCH_BUILD_DIR;
}

/** The bench build unminified, so a CPU profile names our functions (bench/profile.ts). */
export async function buildProfileExtension(): Promise<string> {
  await buildInto(join(root, '.output/bench-profile'), true, false);
  return join(root, '.output/bench-profile/chrome-mv3');
}

/** Fingerprints of timing code found in a build's content scripts. */
function timingCodeIn(buildDir: string): string[] {
  const dir = join(buildDir, 'content-scripts');
  if (!existsSync(dir)) return [`no ${dir}`];
  const code = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
  return TIMING_FINGERPRINTS.filter((fingerprint) => code.includes(fingerprint));
}

/** Builds with the flag off (as `wxt build` does) and lists any timing code left in it. */
async function checkFlagOffBuild(): Promise<string[]> {
  await buildInto(join(root, '.output/bench-flag-off'), false);
  return timingCodeIn(FLAG_OFF_BUILD_DIR);
}

/** What `runBuilds` reports. */
export type BuildResult = { benchDir: string; timingCodeInFlagOffBuild: string[] };

const RESULT_PREFIX = 'BENCH_BUILD ';

/**
 * Runs both builds in a child process: WXT's spinner writes to stdout, which
 * must carry nothing but the bench's own report.
 */
export function runBuilds(): BuildResult {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--check-flag-off', '--result'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = output.split(/[\r\n]+/).find((text) => text.startsWith(RESULT_PREFIX));
  if (!line) throw new Error('The bench build reported no result.');
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as BuildResult;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const benchDir = await buildBenchExtension();
  const left = process.argv.includes('--check-flag-off') ? await checkFlagOffBuild() : [];
  if (process.argv.includes('--result')) {
    const result: BuildResult = { benchDir, timingCodeInFlagOffBuild: left };
    process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } else {
    console.log(`bench build: ${benchDir} (${Math.round(performance.now() - started)} ms); timing code: ${timingCodeIn(benchDir).join(', ') || 'none'}`);
    if (process.argv.includes('--check-flag-off')) console.log(`flag-off build: ${FLAG_OFF_BUILD_DIR}; timing code: ${left.join(', ') || 'none'}`);
  }
}
