/**
 * Fails when the content script, which runs on every page, grows past its
 * budget of 30 kB gzip.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 30 * 1024;
let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const file = resolve(import.meta.dirname, `../.output/${target}/content-scripts/content.js`);
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  const ok = gzipped <= BUDGET_BYTES;
  failed ||= !ok;
  console.log(`${target} content script: ${(gzipped / 1024).toFixed(1)} kB gzip of ${BUDGET_BYTES / 1024} kB budget ${ok ? 'ok' : 'OVER BUDGET'}`);
}
process.exit(failed ? 1 : 0);
