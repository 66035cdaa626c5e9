/**
 * Golden pages: each tests/golden/NAME.html is scanned with the real alias
 * data and its mentions compared, in document order, with the hand-written
 * expectations in NAME.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../entrypoints/content/scan';
import { buildMatcher } from '../../utils/matcher/matcher';
import { goldenPages as allGoldenPages, browserOnlyPages, expectedMentions, GOLDEN_DIR } from '../support/golden-pages';
import { scanWhole } from '../support/scan-whole';

function loadPage(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(GOLDEN_DIR, `${name}.html`), 'utf8'), 'text/html');
}

const matcher = buildMatcher(matcherEntities);

const goldenPages = allGoldenPages.filter((name) => !(name in browserOnlyPages));

/** The page's text from a mention's start to its end, read node by node. */
function textBetween(doc: Document, mention: Mention): string {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let text = '';
  let inside = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const from = node === mention.startNode ? mention.startOffset : 0;
    if (node === mention.startNode) inside = true;
    if (!inside) continue;
    if (node === mention.endNode) return text + data.slice(from, mention.endOffset);
    text += data.slice(from);
  }
  throw new Error('the mention does not end after it starts');
}

describe('golden pages', () => {
  it('include the required pages, each with its expectations', () => {
    expect(allGoldenPages).toEqual(
      expect.arrayContaining([
        'article-wording',
        'country-names',
        'inline-markup',
        'lookalike-names',
        'lookalikes',
        'lookalikes-other-languages',
        'mathml',
        'multilingual',
        'skipped',
        'whitespace-and-punctuation',
      ]),
    );
    for (const name of allGoldenPages) expect(() => expectedMentions(name), name).not.toThrow();
  });

  // The end-to-end golden tests read these pages in real browsers.
  for (const [name, reason] of Object.entries(browserOnlyPages)) it.skip(`${name}.html is read in real browsers only: ${reason}`);

  it.each(goldenPages)('%s.html has exactly the mentions its .json lists, in document order', async (name) => {
    const doc = loadPage(name);
    const found = (await scanWhole(doc.body, matcher)).map(({ text, entityId }) => ({ text, entityId }));
    expect(found).toEqual(expectedMentions(name));
  });

  it.each(goldenPages)('%s.html: every mention’s text is exactly the text between its start and end', async (name) => {
    const doc = loadPage(name);
    for (const mention of await scanWhole(doc.body, matcher)) {
      expect(textBetween(doc, mention)).toBe(mention.text);
    }
  });
});
