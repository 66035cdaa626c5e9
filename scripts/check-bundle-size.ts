/**
 * Fails when the content script, which runs on every page, grows past its
 * budget of 30 kB gzip, or the card's bundle, loaded at a page's first card,
 * past its own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What every page and frame loads: the content script. */
const BUDGET_BYTES = 30 * 1024;
/**
 * What a page loads when it first opens a card: the card's bundle (Preact, floating-ui, the view and its
 * styles). Not part of the content script's budget, as no page pays for it until a reader asks for a card;
 * kept in bounds all the same, as that first card waits for it.
 */
const CARD_BUNDLE_BUDGET_BYTES = 16 * 1024;

let failed = false;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  for (const [what, path, budget] of [
    ['content script', 'content-scripts/content.js', BUDGET_BYTES],
    ['card bundle', 'card.js', CARD_BUNDLE_BUDGET_BYTES],
  ] as const) {
    const gzipped = gzipSync(readFileSync(resolve(import.meta.dirname, `../.output/${target}/${path}`)), { level: 9 }).length;
    const ok = gzipped <= budget;
    failed ||= !ok;
    console.log(`${target} ${what}: ${gzipped.toLocaleString('en')} bytes gzip of ${budget.toLocaleString('en')} ${ok ? 'ok' : 'OVER BUDGET'}`);
  }
}
process.exit(failed ? 1 : 0);
