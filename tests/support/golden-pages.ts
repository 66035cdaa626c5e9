/**
 * The golden pages: tests/golden/NAME.html with the mentions a reader should
 * see in NAME.json, written by hand. Unit tests scan them in a test DOM; the
 * end-to-end tests load them into real browsers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type ExpectedMention = { text: string; entityId: string };

export const GOLDEN_DIR = resolve(import.meta.dirname, '../golden');

/** The names of the golden pages, without `.html`. */
export const goldenPages: string[] = readdirSync(GOLDEN_DIR)
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length))
  .sort();

/**
 * Pages only a real browser can read as written, each with the reason; unit
 * tests skip them and say why.
 */
export const browserOnlyPages: Readonly<Record<string, string>> = {
  mathml: 'the test DOM (happy-dom) parses <math> as an unknown HTML element, not as MathML',
  'layout-breaks': 'the test DOM (happy-dom) lays nothing out: it does not make flex and grid items blocks, nor apply a style sheet’s display',
  'screen-reader-only': 'the test DOM (happy-dom) lays nothing out: every box has no size, so it cannot tell a box of a pixel that clips its text',
};

/** The mentions NAME.json lists, in document order. */
export function expectedMentions(name: string): ExpectedMention[] {
  const parsed: unknown = JSON.parse(readFileSync(resolve(GOLDEN_DIR, `${name}.json`), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${name}.json is not an array`);
  return parsed.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`${name}.json[${index}] is not an object`);
    const { text, entityId } = entry as Record<string, unknown>;
    if (typeof text !== 'string' || typeof entityId !== 'string') throw new Error(`${name}.json[${index}] needs "text" and "entityId" strings`);
    return { text, entityId };
  });
}
