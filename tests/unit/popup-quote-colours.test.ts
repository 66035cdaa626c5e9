/**
 * A quote in the popup (search results, timeline) is drawn as in the card:
 * the article's sentence in a softer colour than the claim above it, the
 * card's own, in light and dark mode, and still readable (WCAG AA, 4.5:1) on
 * the popup's canvases: light (#fff), Chrome's dark (#121212), Firefox's
 * dark (#1c1b22).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from './support/contrast';

const read = (path: string) => readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8');
const popupCss = read('entrypoints/popup/popup.css');
const cardCss = read('entrypoints/content/card.css');

/** The `color` of each `.quote {…}` rule of a style sheet, in order: the card's light one, then its dark one. */
function quoteColours(css: string): string[] {
  return [...css.matchAll(/(?:^|\n)\s*\.quote\s*\{([^}]*)\}/g)].flatMap((rule) => {
    const colour = /(?:^|[;\s])color:\s*([^;]+);/.exec(rule[1] ?? '')?.[1]?.trim();
    return colour ? [colour] : [];
  });
}

describe('quotes in the popup', () => {
  const [cardLight = '', cardDark = ''] = quoteColours(cardCss);
  const popup = quoteColours(popupCss)[0] ?? '';
  const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(popup);

  it('take the card’s quote colours, light and dark', () => {
    expect(cardLight).toMatch(/^#[0-9a-f]{6}$/i);
    expect(cardDark).toMatch(/^#[0-9a-f]{6}$/i);
    expect(pair?.slice(1, 3)).toEqual([cardLight, cardDark]);
  });

  it.each([
    ['light', '#ffffff'],
    ['dark', '#121212'],
    ['dark', '#1c1b22'],
  ] as const)('are readable in %s mode on %s', (scheme, canvas) => {
    const colour = (scheme === 'light' ? pair?.[1] : pair?.[2]) ?? '';
    expect(contrast(colour, canvas)).toBeGreaterThanOrEqual(4.5);
  });
});
