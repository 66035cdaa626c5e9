/**
 * Pages that change under the extension: single-page apps that replace their
 * view, text that appears late, fades in or is edited in place, marks the
 * page clears or that outnumber the underline, and pages or parts of pages
 * that opt out. Frames and open shadow roots: live-pages-frames-and-shadow-roots.
 */
import { describe, expect, it } from 'vitest';
import { underlinedTexts } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, shareOfPixelsChangedBy, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import { texts } from './support/highlight-texts';

type LivePage = Window & {
  navigateTo(view: string): void;
  addLate(): void;
  editText(): void;
  loadMore(count: number): void;
  loadMentions(count: number): void;
  revealByRule(): void;
  /** The fewest of our marks any frame rendered since counting began. */
  fewestMarks: number;
};

describe.each(browsersUnderTest())('%s: live pages, frames, shadow roots, opt-out', (name) => {
  const e2e = useExtensionBrowser(name);
  /** What the content script dispatches on `document` when it starts (WXT's signal to an older copy to stop). */
  const scriptStartedEvent = () => `${e2e.browser.runtimeId}:content:wxt:content-script-started`;

  it('follows a single-page app: replaced views, late text, text edited in place, text a class hid and shows, veiled and unveils, or a ticked box shows', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    await e2e.tab.evaluate(() => (window as unknown as LivePage).navigateTo('second'), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Human Rights Watch', 'the second view, and the first one gone');
    await e2e.tab.evaluate(() => (window as unknown as LivePage).addLate(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Human Rights Watch,Otto Warmbier', 'the late paragraph');
    await e2e.tab.evaluate(() => (window as unknown as LivePage).editText(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier', 'the edited text unmarked');
    // The hidden section was not marked so far; "Read more" takes its class away.
    await e2e.tab.evaluate(() => document.getElementById('read-more')?.click(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Christoph Heusgen,Otto Warmbier', 'the text shown by a class change');
    // A veiled section keeps its box when shown: only its visibility changes.
    await e2e.tab.evaluate(() => document.getElementById('show-spoiler')?.click(), undefined);
    await waitForHighlights(
      e2e.tab,
      (found) => texts(found).join() === 'Christoph Heusgen,Otto Warmbier,Robert R. King',
      'the text shown by a change of visibility alone',
    );
    // Ticking a box changes no attribute: CSS's `:checked` shows the aside.
    await e2e.tab.evaluate(() => document.getElementById('show-aside')?.click(), undefined);
    await waitForHighlights(
      e2e.tab,
      (found) => texts(found).join() === 'Christoph Heusgen,Hanoi summit,Otto Warmbier,Robert R. King',
      'the text shown by a ticked box',
    );
  });

  it('marks a part faded out to nothing once it fades in, by an animation or a class, a skip link once focus shows it, and a folded accordion once opened', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/fade-in.html`);
    // Faded out for 3 s after load: not marked while the control is.
    const atFirst = await waitForHighlights(e2e.tab, (found) => texts(found).includes('Kim Jong-un'), 'the control');
    expect(texts(atFirst)).toEqual(['Kim Jong-un']);
    // The animation ends with no change to the DOM.
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Christoph Heusgen,Kim Jong-un', 'the part an animation faded in');
    await e2e.tab.evaluate(() => document.getElementById('on-scroll')?.classList.add('shown'), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Christoph Heusgen,Kim Jong-un,Otto Warmbier', 'the part a class faded in');
    // A skip link kept for screen readers in a box of a pixel: marked once focus shows it. Headless Firefox
    // gives its window no focus, so `:focus` never matches there: the page shows the link by a class instead.
    if (name === 'chromium') await e2e.tab.press('Tab');
    else await e2e.tab.evaluate(() => document.querySelector('.skip')?.classList.add('shown'), undefined);
    await waitForHighlights(
      e2e.tab,
      (found) => texts(found).join() === 'Christoph Heusgen,Kim Jong-un,Otto Warmbier,Security Council',
      'the skip link focus showed',
    );
    // An accordion folded to no height: marked once the page opens it.
    await e2e.tab.evaluate(() => document.getElementById('accordion')?.classList.add('open'), undefined);
    await waitForHighlights(
      e2e.tab,
      (found) => texts(found).join() === 'Christoph Heusgen,Kim Jong-un,Otto Warmbier,Robert R. King,Security Council',
      'the accordion the page opened',
    );
  });

  it('underlines every mark, and leaves the underline out while a page holds more than 300 marks', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    const [biegun] = await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    if (!biegun) throw new Error('no Stephen Biegun');
    expect(await e2e.tab.evaluate(underlinedTexts, undefined)).toEqual(['Stephen Biegun']);
    // Painted: taking the underline out of the registry (as a page may) changes pixels at the mark. The
    // dotted line is one row in about twenty: 2-4 % of them, where a repaint of the same marks changes none.
    const place = { x: biegun.x, y: biegun.y, width: biegun.width, height: biegun.height + 4 };
    const changed = await shareOfPixelsChangedBy(e2e.tab, place, () => e2e.tab.evaluate(() => CSS.highlights.delete('peninsula-lens-underline'), undefined));
    expect(changed).toBeGreaterThan(0.01);
    await e2e.tab.evaluate((count) => (window as unknown as LivePage).loadMentions(count), 320);
    await waitForHighlights(e2e.tab, (found) => found.length === 321, 'every item of the feed to be marked');
    expect(await e2e.tab.evaluate(underlinedTexts, undefined)).toBeNull();
    await e2e.tab.evaluate(() => document.getElementById('feed')?.replaceChildren(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the marks of the feed to go');
    await waitFor(async () => (await e2e.tab.evaluate(underlinedTexts, undefined))?.join() === 'Stephen Biegun', 'the underline to come back');
  });

  it('puts its marks back when a page script clears the shared highlight registry, at the page’s next change', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    await e2e.tab.evaluate(() => CSS.highlights.clear(), undefined);
    expect(await highlightsOn(e2e.tab)).toEqual([]);
    await e2e.tab.evaluate(() => (window as unknown as LivePage).addLate(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier,Stephen Biegun', 'the old marks back beside the new');
  });

  it('keeps its marks painted while it reads the page again after a large batch of new content', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    await e2e.tab.evaluate(() => (window as unknown as LivePage).addLate(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier,Stephen Biegun', 'the late paragraph');
    // Count the marks the browser holds at every frame from now on, as a person would see them.
    await e2e.tab.evaluate(() => {
      const page = window as unknown as LivePage;
      page.fewestMarks = Number.POSITIVE_INFINITY;
      const count = () => {
        let marks = 0;
        for (const [name, highlight] of CSS.highlights) if (name !== 'peninsula-lens-underline') marks += highlight.size;
        page.fewestMarks = Math.min(page.fewestMarks, marks);
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    }, undefined);
    // 6,000 paragraphs at once: the whole page is read again, over many slices.
    await e2e.tab.evaluate(() => (window as unknown as LivePage).loadMore(6000), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Kim Jong-un,Otto Warmbier,Stephen Biegun', 'the last of the new paragraphs');
    expect(await e2e.tab.evaluate(() => (window as unknown as LivePage).fewestMarks, undefined)).toBe(2);
  });

  it('marks text that a style rule inserted by a script shows, though nothing in the DOM changed', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    await e2e.tab.evaluate(() => (window as unknown as LivePage).revealByRule(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Singapore summit,Stephen Biegun', 'the text the inserted rule shows');
  });

  it('marks text that the page shows only in dark mode once the reader switches to it', async () => {
    await e2e.tab.emulateDarkMode(false);
    await e2e.tab.goto(`${e2e.server.origin}/pages/dark-mode.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the text shown in light mode');
    await e2e.tab.emulateDarkMode(true);
    try {
      await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier,Stephen Biegun', 'the text dark mode shows');
    } finally {
      await e2e.tab.emulateDarkMode(false);
    }
  });

  it('keeps away from an element that opts out, and from a page that opts out', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/opt-out.html`);
    const ranges = await waitForHighlights(e2e.tab, (found) => found.length > 0, 'the page outside the opt-out');
    expect(texts(ranges)).toEqual(['North Korea']);
    const outside = await e2e.tab.evaluate(
      () =>
        [...CSS.highlights.values()].flatMap((highlight) => [...highlight]).every((range) => document.getElementById('marked')?.contains(range.startContainer)),
      undefined,
    );
    expect(outside).toBe(true);

    await e2e.tab.goto(`${e2e.server.origin}/pages/opt-out-page.html#${encodeURIComponent(scriptStartedEvent())}`);
    // The script ran on the page (it starts at document idle), and nothing appears after it did.
    await waitFor(() => e2e.tab.evaluate(() => (window as unknown as { scriptStarted: boolean }).scriptStarted, undefined), 'the content script to start');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await highlightsOn(e2e.tab)).toEqual([]);
  });

  it('stops on a page that dispatches the event the script dispatches when it starts, as the README says a page can', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    await e2e.tab.evaluate(
      (name) => document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'from-the-page' } })),
      scriptStartedEvent(),
    );
    await waitForHighlights(e2e.tab, (found) => found.length === 0, 'the marks to go');
  });

  it('leaves a page that opts out or turns into an editor after it was marked, and comes back when that ends', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Stephen Biegun', 'the first view');
    await e2e.tab.evaluate(() => {
      document.head.append(Object.assign(document.createElement('meta'), { id: 'opt-out', name: 'peninsula-lens', content: 'off' }));
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.length === 0, 'no marks once the page opted out');
    // Nothing new is marked while the page stays opted out.
    await e2e.tab.evaluate(() => (window as unknown as LivePage).addLate(), undefined);
    await new Promise((done) => setTimeout(done, 1000));
    expect(await highlightsOn(e2e.tab)).toEqual([]);
    await e2e.tab.evaluate(() => document.getElementById('opt-out')?.remove(), undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier,Stephen Biegun', 'every mark back once the meta went');
    // designMode leaves no trace in the DOM; the first edit to the page does.
    await e2e.tab.evaluate(() => {
      document.designMode = 'on';
      document.getElementById('late-slot')?.append(' Edited.');
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.length === 0, 'no marks in a page turned into an editor');
    await e2e.tab.evaluate(() => {
      document.designMode = 'off';
      document.getElementById('late-slot')?.append(' Done.');
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'Otto Warmbier,Stephen Biegun', 'the marks back once editing ended');
  });
});
