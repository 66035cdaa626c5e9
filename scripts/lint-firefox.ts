/**
 * Runs `web-ext lint` on the Firefox build and fails on any error or warning
 * from our code. Two warnings are allowed: Preact's own
 * `dangerouslySetInnerHTML` code path, which our code never uses (a lint
 * rule forbids it), and the content script's import of the card's bundle,
 * whose address is a file of the extension named in the code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CARD_BUNDLE_ADDRESS } from './network-code';

type LintMessage = { code: string; message: string; file?: string; line?: number; column?: number };
type LintReport = { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

const buildDir = resolve(import.meta.dirname, '../.output/firefox-mv3');
let output: string;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', buildDir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when it finds errors; its JSON is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output) as LintReport;

/** True when the flagged line is Preact's innerHTML path, which only dangerouslySetInnerHTML reaches. */
function isPreactInnerHtml(message: LintMessage): boolean {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || message.line === undefined) return false;
  const line = readFileSync(resolve(buildDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 400), column + 400).includes('dangerouslySetInnerHTML');
}

/**
 * True for the content script's import of the card's bundle: a file of the extension named in the code
 * (`import(browser.runtime.getURL("/card.js"))`), which the linter cannot tell from an address made from data.
 */
function isCardBundleImport(message: LintMessage): boolean {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.message.includes('import') || message.line === undefined) return false;
  if (message.file !== 'content-scripts/content.js') return false;
  const line = readFileSync(resolve(buildDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  // The column points into the call (at its argument); the import's whole text must be the one written here.
  for (const call of line.matchAll(new RegExp(String.raw`import\(${CARD_BUNDLE_ADDRESS}\)`, 'g'))) {
    if (column >= call.index && column <= call.index + call[0].length) return true;
  }
  return false;
}

const problems = [...report.errors, ...report.warnings].filter((message) => !isPreactInnerHtml(message) && !isCardBundleImport(message));
for (const message of [...report.errors, ...report.warnings]) {
  const allowed = isCardBundleImport(message) ? 'the import of the card bundle, a file of the extension' : 'Preact dangerouslySetInnerHTML path';
  const verdict = problems.includes(message) ? 'PROBLEM' : `allowed (${allowed})`;
  console.log(`${message.code} ${message.file ?? ''}:${message.line ?? ''} ${message.message} — ${verdict}`);
}
console.log(`web-ext lint: ${report.errors.length} error(s), ${report.warnings.length} warning(s), ${problems.length} from our code.`);
process.exit(problems.length > 0 ? 1 : 0);
