/**
 * The card on pages whose styles would reach it: a page that defined the
 * card's own tag, root font size, direction, language, text that may not be
 * selected, rules for every element with or without !important, and dark
 * mode; its related names and first facts laid out as a reader needs them.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { atCardMiddle, useCardCasesPage } from './support/card-cases-page';
import { cardBox } from './support/card-geometry';
import { hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

/** WCAG contrast of two computed colours, `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [red = 0, green = 0, blue = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [lighter = 0, darker = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** The card's background and the colours of its text, its quotes and an error line (one is added to read it). */
const READ_CARD_COLOURS = `(root) => {
  const card = root.querySelector('.card');
  const quote = root.querySelector('.quote');
  if (!card || !quote) return null;
  const error = document.createElement('p');
  error.className = 'status error';
  card.append(error);
  const colours = {
    background: getComputedStyle(card).backgroundColor,
    text: getComputedStyle(card).color,
    quote: getComputedStyle(quote).color,
    quoteBar: getComputedStyle(quote).borderInlineStartColor,
    error: getComputedStyle(error).color,
  };
  error.remove();
  return JSON.stringify(colours);
}`;

describe.each(browsersUnderTest())('%s: the card where pages make it hard', (name) => {
  const e2e = useExtensionBrowser(name);

  useCardCasesPage(e2e);

  /** The tag of the card's host, which a page can read while a card is open. */
  const cardTag = () =>
    e2e.tab.evaluate(
      () => [...document.querySelectorAll('*')].find((element) => element.localName.startsWith('peninsula-lens-card'))?.localName ?? null,
      undefined,
    );

  it.each([
    ['reaches for the card through the element’s internals', false],
    ['forbids the element a shadow root', true],
  ])(
    'opens the card on a page that defined the card’s tag, as read on the page before, as its own element and %s, and keeps it closed to the page',
    async (_what, forbidShadow) => {
      // From elsewhere: a pointer that stays where a test before left it puts no move.
      await e2e.tab.hover(1, 1);
      await hoverMention(e2e.tab, 'North Korea', 'North Korea');
      const earlierTag = await cardTag();
      expect(earlierTag).toMatch(/^peninsula-lens-card-/);
      await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
      await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted again');
      await e2e.tab.evaluate(
        ({ tag, forbid }) => {
          const seen: unknown[] = [];
          (window as unknown as { seen: unknown[] }).seen = seen;
          // The name the card had before, and the name without its suffix.
          for (const name of [tag, 'peninsula-lens-card']) {
            customElements.define(
              name,
              class extends HTMLElement {
                static disabledFeatures = forbid ? ['shadow'] : [];
                constructor() {
                  super();
                  seen.push('constructed');
                  const internals = this.attachInternals();
                  // What the page could read of the card once it is open.
                  setInterval(() => seen.push(internals.shadowRoot?.textContent ?? null), 50);
                }
              },
            );
          }
        },
        { tag: earlierTag as string, forbid: forbidShadow },
      );
      await e2e.tab.hover(1, 1);
      await hoverMention(e2e.tab, 'North Korea', 'North Korea');
      expect(await cardTag()).not.toBe(earlierTag);
      const seen = await e2e.tab.evaluate(() => (window as unknown as { seen: unknown[] }).seen, undefined);
      expect(seen.filter((text) => text !== null)).toEqual([]);
    },
  );

  it('keeps its own size, font, direction, language and selectable text on a page that sets them otherwise', async () => {
    await e2e.tab.evaluate(() => {
      const root = document.documentElement;
      root.style.fontSize = '62.5%';
      root.dir = 'rtl';
      root.lang = 'ar';
      const style = document.createElement('style');
      style.textContent =
        '* { user-select: none; -webkit-user-select: none; } html, body { font: italic 30px/3 serif !important; letter-spacing: 4px !important; }';
      document.head.append(style);
    }, undefined);
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const box = await cardBox(e2e.tab);
    // 416 px wide on a wide window; 26rem of a 10 px root font would be 260 px.
    expect(box.width).toBeGreaterThan(400);
    expect(box.direction).toBe('ltr');
    expect(box.lang).toBe('en');
    expect(box.userSelect).toBe('text');
    // The card's own font (card.css), none of the page's: 16 px where the main pointer is a finger (Chromium
    // here emulates a touch screen), 14 px where it is a mouse (Firefox here).
    const coarse = await e2e.tab.evaluate(() => matchMedia('(pointer: coarse)').matches, undefined);
    expect(box.font).toEqual({ family: 'system-ui, sans-serif', size: coarse ? '16px' : '14px', style: 'normal', letterSpacing: 'normal' });
  });

  it('keeps each control a finger’s height where the reader set a small font size', async () => {
    await e2e.tab.setDefaultFontSize(12);
    try {
      await waitForHighlights(e2e.tab, (ranges) => ranges.some((range) => range.text === 'North Korea'), 'the page to be marked again');
      await hoverMention(e2e.tab, 'North Korea', 'North Korea');
      const json = await e2e.tab.inCard(
        `(root) => JSON.stringify([...root.querySelectorAll('.close, .related-entity, .more > summary')].map((control) => control.getBoundingClientRect().height))`,
      );
      const heights = JSON.parse(json ?? '[]') as number[];
      expect(heights.length).toBeGreaterThan(2);
      for (const height of heights) expect(height).toBeGreaterThanOrEqual(23.5);
    } finally {
      await e2e.tab.setDefaultFontSize(16);
    }
  });

  it('sets its text by the reader’s default font size, not the page’s: 21 px of 24 with a mouse, 24 px with a finger', async () => {
    await e2e.tab.setDefaultFontSize(24);
    try {
      await waitForHighlights(e2e.tab, (ranges) => ranges.some((range) => range.text === 'North Korea'), 'the page to be marked again');
      await hoverMention(e2e.tab, 'North Korea', 'North Korea');
      const coarse = await e2e.tab.evaluate(() => matchMedia('(pointer: coarse)').matches, undefined);
      expect((await cardBox(e2e.tab)).font.size).toBe(coarse ? '24px' : '21px');
    } finally {
      await e2e.tab.setDefaultFontSize(16);
    }
  });

  it('starts each line of a related name that wraps at the button’s left, as a list of names reads', async () => {
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const json = await e2e.tab.inCard(`(root) => JSON.stringify([...root.querySelectorAll('.related-entity')].map((button) => {
      const style = getComputedStyle(button);
      const start = button.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
      const range = document.createRange();
      range.selectNodeContents(button);
      const lines = [...new Set([...range.getClientRects()].map((line) => Math.round(line.top)))].length;
      return { lines, offsets: [...range.getClientRects()].map((line) => Math.round(line.left - start)) };
    }))`);
    if (!json) throw new Error('no card open');
    const buttons = JSON.parse(json) as { lines: number; offsets: number[] }[];
    // North Korea's card names long entities ("Joint Statement of eight Security Council members (December 2020)").
    expect(buttons.some((button) => button.lines > 1)).toBe(true);
    for (const button of buttons) for (const offset of button.offsets) expect(Math.abs(offset)).toBeLessThanOrEqual(1);
  });

  it('shows the first facts in the card before its related names, and gives each control a finger’s height', async () => {
    // North Korea's card names eight related entities and folds most of its 25 facts.
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const json = await e2e.tab.inCard(`(root) => {
      const card = root.querySelector('.card').getBoundingClientRect();
      const firstFact = root.querySelector('.fact').getBoundingClientRect();
      const related = root.querySelector('.related').getBoundingClientRect();
      const heights = [...root.querySelectorAll('.close, .related-entity, .more > summary')].map((control) => control.getBoundingClientRect().height);
      return JSON.stringify({ cardBottom: card.bottom, factTop: firstFact.top, relatedTop: related.top, heights });
    }`);
    if (!json) throw new Error('no card open');
    const { cardBottom, factTop, relatedTop, heights } = JSON.parse(json) as { cardBottom: number; factTop: number; relatedTop: number; heights: number[] };
    // The first fact's first lines in view, wherever the card stands; the related names after it.
    expect(factTop).toBeLessThan(cardBottom - 40);
    expect(relatedTop).toBeGreaterThan(factTop);
    expect(heights.length).toBeGreaterThan(2);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(23.5);
    // A related name's card has a way back, a control too.
    await e2e.tab.inCard('(root) => { root.querySelector(".related-entity").click(); return ""; }');
    let back = '';
    await waitFor(async () => {
      back = (await e2e.tab.inCard('(root) => String(root.querySelector(".back")?.getBoundingClientRect().height ?? "")')) ?? '';
      return back !== '';
    }, 'the way back');
    expect(Number(back)).toBeGreaterThanOrEqual(23.5);
  });

  it('keeps its own text style on a page whose rules for every element would set it, with or without !important', async () => {
    await e2e.tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `* { white-space: pre !important; word-spacing: 12px !important; text-indent: 40px !important; text-shadow: 2px 2px 2px red !important;
          text-transform: uppercase; letter-spacing: 2px; cursor: wait; contain: paint; --room: 20px; --width: 40px; }`;
      document.head.append(style);
    }, undefined);
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const json = await e2e.tab.inCard(`(root) => {
      const style = getComputedStyle(root.querySelector('.description'));
      return JSON.stringify({ whiteSpace: style.whiteSpace, wordSpacing: style.wordSpacing, textIndent: style.textIndent, textShadow: style.textShadow,
        textTransform: style.textTransform, letterSpacing: style.letterSpacing, cursor: style.cursor });
    }`);
    if (!json) throw new Error('no card open');
    expect(JSON.parse(json)).toEqual({
      whiteSpace: 'normal',
      wordSpacing: '0px',
      textIndent: '0px',
      textShadow: 'none',
      textTransform: 'none',
      letterSpacing: 'normal',
      cursor: 'auto',
    });
    // Painted, not clipped to its host's empty box (`contain: paint`), and in front of the page.
    expect(await atCardMiddle(e2e.tab)).toMatch(/^peninsula-lens-card-/);
    // Its own size, whatever the page calls its custom properties (the names the card uses for its room).
    const box = await cardBox(e2e.tab);
    expect(box.width).toBeGreaterThan(300);
    expect(box.bottom - box.top).toBeGreaterThan(100);
  });

  /** The card's colours, with a card open on North Korea (it has quotes). */
  async function cardColours(): Promise<{ background: string; text: string; quote: string; quoteBar: string; error: string }> {
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const json = await e2e.tab.inCard(READ_CARD_COLOURS);
    if (!json) throw new Error('no card with quotes open');
    return JSON.parse(json);
  }

  it('draws the line beside a quote so it shows: 3:1 against the card at least, in light and dark mode', async () => {
    const light = await cardColours();
    expect(contrast(light.quoteBar, light.background)).toBeGreaterThanOrEqual(3);
    await e2e.tab.emulateDarkMode(true);
    try {
      const dark = await cardColours();
      expect(contrast(dark.quoteBar, dark.background)).toBeGreaterThanOrEqual(3);
    } finally {
      await e2e.tab.emulateDarkMode(false);
    }
  });

  it('keeps its text, quotes and errors readable in dark mode', async () => {
    await e2e.tab.emulateDarkMode(true);
    try {
      const colours = await cardColours();
      // A dark card: its background is darker than its text.
      expect(contrast(colours.background, 'rgb(0, 0, 0)')).toBeLessThan(contrast(colours.text, 'rgb(0, 0, 0)'));
      for (const part of ['text', 'quote', 'error'] as const) expect(contrast(colours[part], colours.background), part).toBeGreaterThanOrEqual(4.5);
    } finally {
      await e2e.tab.emulateDarkMode(false);
    }
  });
});
