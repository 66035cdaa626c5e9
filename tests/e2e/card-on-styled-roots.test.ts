/**
 * The card on pages that zoom, move or turn their root element: it opens
 * beside its name, at the size it has on any page, and a card the keyboard
 * opens is seen there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { cardBox, mentionRect } from './support/card-geometry';
import { hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

/** The card's own width on a page that sets nothing (card.css). */
const CARD_WIDTH_PX = 416;

describe.each(browsersUnderTest())('%s: the card on a page that zooms, moves or turns its root', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeEach(async () => {
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Christoph Heusgen'), 'the page to be highlighted');
    await e2e.tab.hover(1, 1);
  });

  async function styleRoot(css: string): Promise<void> {
    await e2e.tab.evaluate((rule) => {
      document.head.append(Object.assign(document.createElement('style'), { textContent: rule }));
    }, css);
  }

  /**
   * The card of "Christoph Heusgen", opened by the pointer: whether it stands beside the name (below it, or
   * above where the room is there), how far its left edge is from the name's, and its width.
   */
  async function cardAtHeusgen(): Promise<{ beside: boolean; leftFromName: number; width: number }> {
    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    const mention = await e2e.tab.evaluate(mentionRect, 'Christoph Heusgen');
    if (!mention) throw new Error('no Christoph Heusgen');
    const box = await cardBox(e2e.tab);
    return {
      beside: box.top >= mention.top + mention.height || box.bottom <= mention.top,
      leftFromName: box.left - mention.left,
      width: Math.round(box.width),
    };
  }

  it.each(['html { zoom: 1.5; }', 'html { zoom: 0.8; }', 'html { transform: translateX(200px); }', 'html { margin-left: 120px; }'])(
    'opens the card below its name and at its own width where the page sets %s',
    async (css) => {
      await styleRoot(css);
      // The name starts near the window's left edge: the card starts where it does (to a pixel: zoom rounds).
      const card = await cardAtHeusgen();
      expect({ ...card, leftFromName: Math.abs(card.leftFromName) <= 1 }).toEqual({ beside: true, leftFromName: true, width: CARD_WIDTH_PX });
    },
  );

  it.each(['html { writing-mode: vertical-rl; }', 'body { writing-mode: vertical-rl; }'])(
    'opens the card at its name, not across the window, where the page sets %s',
    async (css) => {
      await styleRoot(css);
      const card = await cardAtHeusgen();
      // The name stands in a column at the window's right edge: the card, kept inside the window, ends there.
      const windowWidth = await e2e.tab.evaluate(() => innerWidth, undefined);
      const mention = await e2e.tab.evaluate(mentionRect, 'Christoph Heusgen');
      if (!mention) throw new Error('no Christoph Heusgen');
      expect({ beside: card.beside, width: card.width }).toEqual({ beside: true, width: CARD_WIDTH_PX });
      expect(mention.left).toBeGreaterThan(windowWidth / 2);
      expect(mention.left + card.leftFromName).toBeGreaterThan(windowWidth / 2 - CARD_WIDTH_PX);
    },
  );

  it('shows the card the keyboard opens at its name, and seen, on a page whose root is moved aside', async () => {
    await styleRoot('html { transform: translateX(200px); }');
    // The first name in view: the heading's "Security Council".
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await e2e.tab.cardText()).includes('Source:'), 'a card opened by the keyboard');
    const mention = await e2e.tab.evaluate(mentionRect, 'Security Council');
    if (!mention) throw new Error('no Security Council');
    const box = await cardBox(e2e.tab);
    expect({ visibility: box.visibility, atName: Math.abs(box.left - mention.left) <= 1 }).toEqual({ visibility: 'visible', atName: true });
  });
});
