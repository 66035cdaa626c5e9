/**
 * The extension must not fight the page: on a static page nothing in the DOM
 * changes (a MutationObserver the page installed first records nothing, the
 * HTML is the same), under a strict CSP it still works, a page served as
 * XHTML is read as an HTML one, a plain-text file is read, and text that a
 * person is editing is never marked.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { hoverMention, shareOfHighlightColour, shareOfPixelsChangedBy, useExtensionBrowser, waitForHighlights } from './support/extension-browser';

type RecordingWindow = Window & { __mutations: string[]; __initialHtml: string };

describe.each(browsersUnderTest())('%s: pages stay as they were', (name) => {
  const e2e = useExtensionBrowser(name);

  it('marks a static page without a single DOM mutation, painted where the mentions are', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the static page to be highlighted');
    expect(ranges.map((range) => range.text)).toEqual(
      expect.arrayContaining(['Security Council', 'North Korea', 'UN Security Council', 'DPRK', 'Christoph Heusgen', 'Kim Jong-un']),
    );
    const council = ranges.find((range) => range.text === 'UN Security Council');
    if (!council) throw new Error('no UN Security Council');
    expect(await shareOfHighlightColour(e2e.tab, council, [133, 143, 241], 0.38, [255, 255, 255])).toBeGreaterThan(0.35);
    const page = await e2e.tab.evaluate(() => {
      const recording = window as unknown as RecordingWindow;
      return { mutations: recording.__mutations, same: recording.__initialHtml === document.documentElement.outerHTML };
    }, undefined);
    expect(page.mutations).toEqual([]);
    expect(page.same).toBe(true);
  });

  it('keeps the marks seen where the reader’s colours override the page’s (forced colours, high contrast)', async () => {
    await e2e.tab.emulateForcedColors(true);
    try {
      await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
      const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the static page to be highlighted');
      const council = ranges.find((range) => range.text === 'UN Security Council');
      if (!council) throw new Error('no UN Security Council');
      // The mark's own colour, without the dotted line under it: what taking its highlight away changes.
      await e2e.tab.evaluate(() => CSS.highlights.delete('peninsula-lens-underline'), undefined);
      const drawn = await shareOfPixelsChangedBy(e2e.tab, council, () =>
        e2e.tab.evaluate(() => CSS.highlights.delete('peninsula-lens-organisation'), undefined),
      );
      expect(drawn).toBeGreaterThan(0.35);
    } finally {
      await e2e.tab.emulateForcedColors(false);
    }
  });

  it('leaves the marks out of a printout', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the static page to be highlighted');
    const council = ranges.find((range) => range.text === 'UN Security Council');
    if (!council) throw new Error('no UN Security Council');
    const painted = () => shareOfHighlightColour(e2e.tab, council, [133, 143, 241], 0.38, [255, 255, 255]);
    expect(await painted()).toBeGreaterThan(0.35);
    await e2e.tab.emulatePrint(true);
    try {
      expect(await painted()).toBeLessThan(0.02);
    } finally {
      await e2e.tab.emulatePrint(false);
    }
  });

  it('works under a CSP that forbids inline styles and scripts: marks and a styled card', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/csp.html?csp`);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Security Council'), 'the CSP page to be highlighted');
    const card = await hoverMention(e2e.tab, 'Security Council', 'UN Security Council');
    expect(card).toContain('Source:');
    await e2e.tab.press('Escape');
  });

  it('reads a page served as XHTML as an HTML page: across inline markup, not in scripts, code or fields', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/xhtml.xhtml`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 2, 'the XHTML page to be highlighted');
    expect(ranges.map((range) => range.text)).toEqual(['UN Security Council', 'North Korea']);
    expect(await hoverMention(e2e.tab, 'North Korea', 'North Korea')).toContain('Source:');
  });

  it('reads a plain-text file, which the browser shows as one block of preformatted text', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/statement.txt`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 3, 'the text file to be highlighted');
    expect(ranges.map((range) => range.text)).toEqual(['UN Security Council', 'North Korea', 'Christoph Heusgen']);
  });

  it('never marks text a person is editing, code, or form fields', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/editors.html`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length >= 1, 'the prose to be highlighted');
    expect(ranges.map((range) => range.text)).toEqual(['North Korea']);
    const inProse = await e2e.tab.evaluate(() => {
      const prose = document.getElementById('prose');
      return [...CSS.highlights.values()].flatMap((highlight) => [...highlight]).every((range) => prose?.contains(range.startContainer));
    }, undefined);
    expect(inProse).toBe(true);
    // Typing a name into the editor does not mark it either.
    await e2e.tab.evaluate(() => {
      const editor = document.getElementById('editor');
      if (editor) editor.append(' More on Kim Jong-un.');
    }, undefined);
    await new Promise((done) => setTimeout(done, 700));
    expect((await waitForHighlights(e2e.tab, () => true, 'highlights')).map((range) => range.text)).toEqual(['North Korea']);
    // Prose the page turns into an editor later loses its marks, and gets them back when it is prose again.
    await e2e.tab.evaluate(() => document.getElementById('prose')?.setAttribute('contenteditable', 'true'), undefined);
    await waitForHighlights(e2e.tab, (found) => found.length === 0, 'the marks to leave the new editor');
    await e2e.tab.evaluate(() => document.getElementById('prose')?.removeAttribute('contenteditable'), undefined);
    await waitForHighlights(e2e.tab, (found) => found.map((range) => range.text).join() === 'North Korea', 'the marks back');
  });
});
