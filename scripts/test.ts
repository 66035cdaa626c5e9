/**
 * `npm test`: every gate in order, each timed, stopping at the first failure.
 * Closes with the gate table and one line counting every test run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers } from './browsers/paths';

const root = resolve(import.meta.dirname, '..');
const reports = resolve(root, 'out/test-reports');

type Gate = { name: string; command: string[]; report?: string; env?: Record<string, string> };

const vitest = (name: string, args: string[], env?: Record<string, string>): Gate => ({
  name,
  ...(env ? { env } : {}),
  report: resolve(reports, `${name}.json`),
  command: ['npx', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${resolve(reports, `${name}.json`)}`],
});

const GATES: Gate[] = [
  { name: 'format', command: ['npx', 'biome', 'format', '.'] },
  { name: 'lint', command: ['npx', 'biome', 'lint', '--error-on-warnings', '.'] },
  { name: 'dead-code', command: ['npx', 'knip'] },
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  vitest('unit', []),
  { name: 'build-chrome', command: ['npx', 'wxt', 'build'] },
  { name: 'build-firefox', command: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  { name: 'bundle-size', command: ['npx', 'tsx', 'scripts/check-bundle-size.ts'] },
  { name: 'manifests', command: ['npx', 'tsx', 'scripts/check-built-manifests.ts'] },
  { name: 'no-network-code', command: ['npx', 'tsx', 'scripts/check-no-network-code.ts'] },
  { name: 'web-ext-lint', command: ['npx', 'tsx', 'scripts/lint-firefox.ts'] },
  vitest('e2e-chromium', ['--config', 'tests/e2e/vitest.config.ts'], { E2E_BROWSERS: 'chromium' }),
  vitest('e2e-firefox', ['--config', 'tests/e2e/vitest.config.ts'], { E2E_BROWSERS: 'firefox' }),
];

type Counts = { passed: number; failed: number; skipped: number };

function countTests(report: string | undefined): Counts {
  if (!report || !existsSync(report)) return { passed: 0, failed: 0, skipped: 0 };
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
}

const only = process.argv.slice(2);
const gates = only.length > 0 ? GATES.filter((gate) => only.includes(gate.name)) : GATES;
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
if (gates.some((gate) => gate.name.startsWith('e2e'))) ensureBrowsers(['chromium', 'firefox']);

const results: { name: string; seconds: number; ok: boolean }[] = [];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
// A failing gate that runs no tests (format, lint, a build) still counts as one failure.
let failedChecks = 0;
for (const gate of gates) {
  console.log(`\n▶ ${gate.name}: ${gate.command.join(' ')}`);
  const started = performance.now();
  const run = spawnSync(gate.command[0] as string, gate.command.slice(1), { cwd: root, stdio: 'inherit', env: { ...process.env, ...gate.env } });
  const seconds = (performance.now() - started) / 1000;
  const ok = run.status === 0;
  results.push({ name: gate.name, seconds, ok });
  const counts = countTests(gate.report);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (!ok && counts.failed === 0) failedChecks++;
  if (!ok) break;
}

console.log('\nGate            Seconds  Result');
for (const { name, seconds, ok } of results) console.log(`${name.padEnd(15)} ${seconds.toFixed(1).padStart(7)}  ${ok ? 'ok' : 'FAILED'}`);
const notRun = gates.length - results.length;
if (notRun > 0) console.log(`${notRun} gate(s) not run after the failure.`);
console.log(`\ntests: ${total.passed} passed, ${total.failed + failedChecks} failed, ${total.skipped} skipped`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
