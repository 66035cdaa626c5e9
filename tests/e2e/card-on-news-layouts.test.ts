/**
 * The card on the layout of a news site: a sticky header with a name in its
 * menu, a "skip to the story" link put off the page, a <details> and a
 * label, a teaser whose link is stretched over it. The keyboard steps from
 * where the reader is; a first tap on a name in a summary or a label shows
 * its card without opening or ticking it; a name under a link drawn over it
 * shows its card to the mouse and to a first tap.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

/** The names marked on the page at least, the skip link's and the header's too. */
const MARKED = 8;

describe.each(browsersUnderTest())('%s: the card on a news layout', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeEach(async () => {
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/news-layout.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= MARKED, 'the page to be highlighted');
  });

  const scrollY = () => e2e.tab.evaluate(() => Math.round(window.scrollY), undefined);
  const cardSays = (text: string) => waitFor(async () => (await e2e.tab.cardText()).includes(text), `the card to say ${text}`);

  it('steps from the story in view, not from the name in the sticky header, and keeps the page where the reader is', async () => {
    await e2e.tab.evaluate(() => document.querySelector('#second')?.scrollIntoView({ block: 'start' }), undefined);
    const readingAt = await scrollY();
    expect(readingAt).toBeGreaterThan(500);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardSays('Christoph Heusgen');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardSays('Kim Jong-un');
    // Down the story, never back up to the header's name at the top of the page.
    expect(await scrollY()).toBeGreaterThan(readingAt);
    // At the top of the page, the first step goes to the story's first name, not to the header's above it.
    await e2e.tab.evaluate(() => window.scrollTo(0, 0), undefined);
    await e2e.tab.press('Escape');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardSays('UN Security Council');
  });

  it('leaves out of the steps and the count the skip link the page put off its left edge', async () => {
    const marked = (await waitForHighlights(e2e.tab, (found) => found.length >= MARKED, 'the page to be highlighted')).length;
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardSays('UN Security Council');
    // Every name but the skip link's: the header's counts, as a reader can step to it.
    expect((await e2e.tab.cardText()).toLowerCase()).toContain(`mention 2 of ${marked - 1}`);
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await waitFor(async () => (await e2e.tab.cardText()).toLowerCase().includes(`mention 1 of ${marked - 1}`), 'the card of the header’s name');
    expect(await e2e.tab.cardText()).toContain('North Korea');
  });

  it('shows the card at the first tap on a name in a summary or a label, without opening the details or ticking the box', async () => {
    for (const [text, isSetGoing] of [
      ['Otto Warmbier', () => document.querySelector('details')?.open === true],
      ['Human Rights Watch', () => (document.querySelector('#follow') as HTMLInputElement).checked],
    ] as const) {
      const mention = await e2e.tab.evaluate(revealHighlight, text);
      if (!mention) throw new Error(`no ${text}`);
      const middle = { x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 };
      await e2e.tab.tap(middle.x, middle.y);
      await cardSays(text);
      expect(await e2e.tab.evaluate(isSetGoing, undefined)).toBe(false);
      // The second tap, with its card open, does what the page meant.
      await e2e.tab.tap(middle.x, middle.y);
      await waitFor(() => e2e.tab.evaluate(isSetGoing, undefined), `the tap on ${text} to do what the page meant`);
      // Closed before the next name, which its card may cover.
      await e2e.tab.press('Escape');
      await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    }
  });

  it('shows the card of a name under a link the page stretched over its teaser, to the mouse and at a first tap', async () => {
    expect(await hoverMention(e2e.tab, 'Stephen Biegun', 'Stephen Biegun')).toContain('Stephen Biegun');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    const mention = await e2e.tab.evaluate(revealHighlight, 'Stephen Biegun');
    if (!mention) throw new Error('no Stephen Biegun');
    const middle = { x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 };
    await e2e.tab.tap(middle.x, middle.y);
    await cardSays('Stephen Biegun');
    expect(await e2e.tab.evaluate(() => location.hash, undefined)).toBe('');
    await e2e.tab.tap(middle.x, middle.y);
    await waitFor(async () => (await e2e.tab.evaluate(() => location.hash, undefined)) === '#teaser-followed', 'the teaser’s link to be followed');
  });

  it('closes, at one Escape, a card and the newsletter dialog the page opened over it', async () => {
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardSays('UN Security Council');
    await e2e.tab.evaluate(() => (document.querySelector('#newsletter') as HTMLDialogElement).showModal(), undefined);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    await waitFor(() => e2e.tab.evaluate(() => !(document.querySelector('#newsletter') as HTMLDialogElement).open, undefined), 'the dialog to close');
  });

  it('steps through the names in a modal dialog, though the browser draws it fixed', async () => {
    await e2e.tab.evaluate(() => (document.querySelector('#newsletter') as HTMLDialogElement).showModal(), undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Stephen Biegun' && range.y < 900), 'the dialog’s names');
    // On from each name to the next, and round: not held on the first because the dialog never scrolls.
    for (const place of [1, 2, 1]) {
      await e2e.tab.press('Alt+Shift+ArrowDown');
      await waitFor(async () => (await e2e.tab.cardText()).toLowerCase().includes(`mention ${place} of 2`), `the card of the dialog’s name ${place}`);
    }
  });

  it('opens no card for a name of the story under the link of a sticky header', async () => {
    // The story's first name, scrolled up under the header's banner link.
    await e2e.tab.evaluate(() => {
      const banner = document.querySelector('.banner')?.getBoundingClientRect();
      const story = document.querySelector('#first')?.getBoundingClientRect();
      if (banner && story) window.scrollBy(0, story.top + story.height / 2 - (banner.top + banner.height / 2));
    }, undefined);
    const under = await e2e.tab.evaluate(() => {
      for (const range of CSS.highlights.get('peninsula-lens-organisation') ?? []) {
        if (!(range instanceof Range) || range.toString() !== 'UN Security Council') continue;
        const rect = range.getBoundingClientRect();
        const x = rect.left + rect.width / 2;
        const y = rect.top + rect.height / 2;
        return { x, y, covered: document.elementFromPoint(x, y)?.closest('.banner') !== null };
      }
      return null;
    }, undefined);
    if (!under) throw new Error('no UN Security Council');
    expect(under.covered).toBe(true);
    await e2e.tab.hover(under.x, under.y);
    // Long enough for a card to open and load, had the hover opened one.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toBe('');
  });
});
