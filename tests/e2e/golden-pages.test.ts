/**
 * The golden pages in real browsers: each page is marked with exactly the
 * mentions its .json lists, in document order, each painted in the highlight
 * of its entity's kind.
 */
import { describe, expect, it } from 'vitest';
import entities from '../../data/entities.json';
import { expectedMentions, goldenPages } from '../support/golden-pages';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser, waitFor } from './support/extension-browser';

const kindOf = new Map(entities.map((entity) => [entity.id, entity.kind]));

/** Every highlighted range of the extension in document order, with its highlight's name. */
function highlightsInDocumentOrder(): { text: string; highlight: string }[] {
  const found: { range: Range; highlight: string }[] = [];
  for (const [highlight, ranges] of CSS.highlights) {
    if (!highlight.startsWith('peninsula-lens-') || highlight === 'peninsula-lens-underline') continue;
    for (const range of ranges) if (range instanceof Range) found.push({ range, highlight });
  }
  found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return found.map(({ range, highlight }) => ({ text: range.toString(), highlight }));
}

describe.each(browsersUnderTest())('%s: golden pages', (name) => {
  const e2e = useExtensionBrowser(name);

  it.each(goldenPages)('%s.html is marked exactly as its .json says', async (page) => {
    const expected = expectedMentions(page).map(({ text, entityId }) => ({ text, highlight: `peninsula-lens-${kindOf.get(entityId)}` }));
    await e2e.tab.goto(`${e2e.server.origin}/golden/${page}.html`);
    let marked: { text: string; highlight: string }[] = [];
    // The scan finishes in its first slice on pages this small; wait until the count settles on the expected one.
    await waitFor(async () => {
      marked = await e2e.tab.evaluate(highlightsInDocumentOrder, undefined);
      return marked.length >= expected.length;
    }, `${expected.length} highlights on ${page}.html`).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 300));
    marked = await e2e.tab.evaluate(highlightsInDocumentOrder, undefined);
    expect(marked).toEqual(expected);
  });
});
