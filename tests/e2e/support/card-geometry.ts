/**
 * Where the open card and a highlighted mention are drawn, read in the page
 * (the card inside its closed shadow root), for the tests of where cards go.
 */
import type { TestTab } from './test-tab';

export type CardBox = {
  top: number;
  bottom: number;
  left: number;
  width: number;
  direction: string;
  lang: string | null;
  userSelect: string;
  visibility: string;
  font: { family: string; size: string; style: string; letterSpacing: string };
};

/** Where the card is drawn and how it is styled, read inside its closed shadow root (source: it runs in the page). */
const READ_CARD_BOX = `(root) => {
  const card = root.querySelector('.card');
  if (!card) return null;
  const rect = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  return JSON.stringify({
    top: rect.top,
    bottom: rect.bottom,
    left: rect.left,
    width: rect.width,
    direction: style.direction,
    lang: card.getAttribute('lang'),
    userSelect: style.getPropertyValue('user-select') || style.getPropertyValue('-webkit-user-select'),
    visibility: getComputedStyle(root.querySelector('.anchor')).visibility,
    font: { family: style.fontFamily, size: style.fontSize, style: style.fontStyle, letterSpacing: style.letterSpacing },
  });
}`;

/** The open card's box and style; throws when no card is open. */
export async function cardBox(tab: TestTab): Promise<CardBox> {
  const json = await tab.inCard(READ_CARD_BOX);
  if (!json) throw new Error('no card open');
  return JSON.parse(json) as CardBox;
}

/** Where a highlighted mention is drawn now, without scrolling; null when it is not highlighted (runs in the page). */
export function mentionRect(text: string): { top: number; left: number; width: number; height: number } | null {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('peninsula-lens-') || name === 'peninsula-lens-underline') continue;
    for (const range of highlight) {
      if (!(range instanceof Range) || range.toString() !== text) continue;
      const { top, left, width, height } = range.getBoundingClientRect();
      return { top, left, width, height };
    }
  }
  return null;
}
