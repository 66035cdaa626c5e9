/**
 * The card on a page that keeps its text from being copied (no selecting, no
 * context menu, a copy rewritten): the reader can still select a quote in the
 * card and copy it, and the page's handlers do not hear it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { cardBox } from './support/card-geometry';
import { hoverMention, useExtensionBrowser, waitForHighlights } from './support/extension-browser';

type Heard = { mousedown: number; selectstart: number; copy: number; contextmenu: number; dragstart: number };

describe.each(browsersUnderTest())('%s: the card on a page that keeps its text from being copied', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeAll(async () => {
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/no-copying.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 2, 'the page to be highlighted');
  });

  const heard = () => e2e.tab.evaluate(() => ({ ...(window as unknown as { heard: Heard }).heard }), undefined);
  const selected = () => e2e.tab.evaluate(() => getSelection()?.toString() ?? '', undefined);

  it('lets the reader select a quote in the card and copy it, unheard by the page, which still keeps its own text', async () => {
    // The page's handlers work: a drag over its own text selects nothing.
    const story = await e2e.tab.evaluate(() => {
      const rect = document.querySelector('#story')?.getBoundingClientRect();
      return rect ? { x: rect.left, y: rect.top + rect.height / 2, right: rect.right } : null;
    }, undefined);
    if (!story) throw new Error('no story');
    await e2e.tab.drag({ x: story.x + 2, y: story.y }, { x: story.right - 2, y: story.y });
    expect(await selected()).toBe('');
    // And a copy of its text is the page's to rewrite.
    await e2e.tab.evaluate(() => getSelection()?.selectAllChildren(document.querySelector('#story') as Element), undefined);
    await e2e.tab.press('Control+C');
    const before = await heard();
    expect(before.copy).toBe(1);

    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    const card = await cardBox(e2e.tab);
    await e2e.tab.drag({ x: card.left + 30, y: card.top + 120 }, { x: card.left + card.width - 30, y: card.top + 160 });
    expect((await selected()).length).toBeGreaterThan(10);
    await e2e.tab.press('Control+C');
    const after = await heard();
    // Neither the press in the card, nor the selecting, nor the copy reached the page's handlers.
    expect(after).toEqual(before);
    // Nor a context menu asked for in the card, or a drag of its text (as the browser sends them: up through
    // the card's root to the page).
    const sent = await e2e.tab.inCard(`(root) => {
      const quote = root.querySelector('blockquote') ?? root.querySelector('.card');
      for (const type of ['contextmenu', 'dragstart']) quote.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
      return 'sent';
    }`);
    expect(sent).toBe('sent');
    expect(await heard()).toEqual(before);
  });
});
