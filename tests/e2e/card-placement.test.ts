/**
 * The card where pages make it hard: a long card in the middle of the
 * window, a mention deep in a long paragraph, a modal dialog, a component's
 * own scrolling box, a page in another direction and root font size that
 * forbids selecting text, a mention inside a link on a touch screen, a
 * swipe that starts on a mention, and the page's own Escape and Tab.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type HighlightedRange, revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { cardBox, mentionRect } from './support/card-geometry';
import { hoverMention, type TestTab, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

/** What the page finds at the middle of the open card (through `elementFromPoint` of the document, or of the shadow root `hostTag` holds). */
async function atCardMiddle(tab: TestTab, hostTag?: string): Promise<string | undefined> {
  const box = await cardBox(tab);
  const middle = { x: box.left + box.width / 2, y: (box.top + box.bottom) / 2, hostTag };
  return tab.evaluate(({ x, y, hostTag: tag }) => {
    const root = tag ? document.querySelector(tag)?.shadowRoot : document;
    return root?.elementFromPoint(x, y)?.localName;
  }, middle);
}

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
    error: getComputedStyle(error).color,
  };
  error.remove();
  return JSON.stringify(colours);
}`;

describe.each(browsersUnderTest())('%s: the card where pages make it hard', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeEach(async () => {
    // Focus, as a reader's window has it: focus moves with focus and blur events.
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    // From a corner: a test that hovers where the one before left the pointer moves it nowhere, and Firefox
    // then tells the page of no move.
    await e2e.tab.hover(1, 1);
  });

  const windowHeight = () => e2e.tab.evaluate(() => innerHeight, undefined);

  async function tapMention(text: string): Promise<void> {
    const mention = await e2e.tab.evaluate(revealHighlight, text);
    if (!mention) throw new Error(`no ${text}`);
    await e2e.tab.tap(mention.x + mention.width / 2, mention.y + mention.height / 2);
  }

  /**
   * Counts the Escape presses the page hears, down or up: on the document, as they bubble and, as focus traps
   * listen, as they go down (a press whose release alone is heard counts too).
   */
  const countPageEscapes = () =>
    e2e.tab.evaluate(() => {
      const record = window as unknown as { escapes: number };
      record.escapes = 0;
      const heard = new WeakSet<Event>();
      let down = false;
      const count = (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || heard.has(event)) return;
        heard.add(event);
        if (event.type === 'keydown') record.escapes++;
        else if (!down) record.escapes++;
        down = event.type === 'keydown';
      };
      for (const type of ['keydown', 'keyup'] as const) {
        document.addEventListener(type, count);
        document.addEventListener(type, count, true);
      }
    }, undefined);
  const pageEscapes = () => e2e.tab.evaluate(() => (window as unknown as { escapes: number }).escapes, undefined);

  /** Opens the component's own modal dialog, whose slot shows the page's "Donald Trump", and waits for that name's mark. */
  async function showSlottedModal(): Promise<void> {
    await e2e.tab.evaluate(() => {
      const dialog = document.querySelector('slotted-dialog')?.shadowRoot?.getElementById('shadow-modal') as HTMLDialogElement;
      dialog.showModal();
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Donald Trump'), 'the slotted mention');
  }

  const cardLoaded = (text: string) =>
    waitFor(async () => {
      const card = await e2e.tab.cardText();
      return card.includes(text) && card.includes('Source:');
    }, `the card of ${text}`);

  it('keeps a long card inside the window when its mention sits in the middle, with room for neither side', async () => {
    // North Korea's card is the longest; revealing the mention puts it in the middle of the window.
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const box = await cardBox(e2e.tab);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(await windowHeight());
  });

  it.each([
    ['', ''],
    [', on a page with custom properties named as the card’s', ':root { --room: 20px; --width: 40px; }'],
  ])('opens a long card on the side with more room, as tall as it can be there%s', async (_how, pageStyle) => {
    if (pageStyle) await e2e.tab.evaluate((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })), pageStyle);
    // North Korea below the middle of the window: more room above it than below.
    const before = await e2e.tab.evaluate(mentionRect, 'North Korea');
    if (!before) throw new Error('North Korea is not highlighted');
    const height = await windowHeight();
    await e2e.tab.evaluate((by) => scrollBy({ top: by, behavior: 'instant' }), Math.round(before.top - height * 0.65));
    const mention = await e2e.tab.evaluate(mentionRect, 'North Korea');
    if (!mention) throw new Error('North Korea is not highlighted');
    expect(mention.top).toBeGreaterThan(height * 0.6);
    await e2e.tab.hover(mention.left + mention.width / 2, mention.top + mention.height / 2);
    await cardLoaded('North Korea');
    const box = await cardBox(e2e.tab);
    expect(box.bottom).toBeLessThanOrEqual(mention.top);
    // Its full height (the card's cap is 448 px and 70 % of the window), not the room below the name.
    expect(box.bottom - box.top).toBeGreaterThan(Math.min(440, height * 0.69));
  });

  it('brings a mention deep in a long paragraph into the window when the keyboard steps to it', async () => {
    await e2e.tab.evaluate(() => document.getElementById('start')?.focus(), undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Stephen Biegun');
    const top = (await e2e.tab.evaluate(mentionRect, 'Stephen Biegun'))?.top;
    const height = await windowHeight();
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(height);
    const box = await cardBox(e2e.tab);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(height);
  });

  it('steps from where the reader is, and on from the last card after it closed', async () => {
    // Read down to the link: Stephen Biegun and North Korea are above the window now.
    await e2e.tab.evaluate(() => {
      document.getElementById('link')?.scrollIntoView({ block: 'start', behavior: 'instant' });
      scrollBy({ top: -10, behavior: 'instant' });
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Otto Warmbier');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await cardLoaded('North Korea');
  });

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
      const heights = [...root.querySelectorAll('.related-entity, .more > summary')].map((control) => control.getBoundingClientRect().height);
      return JSON.stringify({ cardBottom: card.bottom, factTop: firstFact.top, relatedTop: related.top, heights });
    }`);
    if (!json) throw new Error('no card open');
    const { cardBottom, factTop, relatedTop, heights } = JSON.parse(json) as { cardBottom: number; factTop: number; relatedTop: number; heights: number[] };
    // The first fact's first lines in view, wherever the card stands; the related names after it.
    expect(factTop).toBeLessThan(cardBottom - 40);
    expect(relatedTop).toBeGreaterThan(factTop);
    expect(heights.length).toBeGreaterThan(2);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(23.5);
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

  it('shows the card beside its name on a scrolled page whose root element contains its paint or is transformed', async () => {
    for (const rule of ['html { contain: paint; }', 'html { transform: translateZ(0); }']) {
      await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
      await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
      await e2e.tab.hover(1, 1);
      await e2e.tab.evaluate((css) => {
        document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
        scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
      }, rule);
      await hoverMention(e2e.tab, 'Otto Warmbier', 'Otto Warmbier');
      const mention = await e2e.tab.evaluate(mentionRect, 'Otto Warmbier');
      if (!mention) throw new Error('no Otto Warmbier');
      const box = await cardBox(e2e.tab);
      // In the window, and beside the name, not where it would stand had the page not scrolled.
      expect({ rule, top: box.top >= 0, bottom: box.bottom <= (await windowHeight()) }).toEqual({ rule, top: true, bottom: true });
      expect({ rule, beside: box.top >= mention.top + mention.height || box.bottom <= mention.top }).toEqual({ rule, beside: true });
    }
  });

  it('shows the card in front of the page’s own layers, such as a sticky header with a z-index', async () => {
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const box = await cardBox(e2e.tab);
    // A band over the card, but not over its name, as a sticky header or a cookie banner lies over a page.
    await e2e.tab.evaluate(({ top, bottom }) => {
      const band = document.createElement('div');
      band.style.cssText = `position: fixed; left: 0; right: 0; top: ${top}px; height: ${bottom - top}px; z-index: 10; background: #fff;`;
      document.body.append(band);
    }, box);
    expect(await atCardMiddle(e2e.tab)).toMatch(/^peninsula-lens-card-/);
  });

  it('keeps its text, quotes and errors readable in dark mode', async () => {
    await e2e.tab.emulateDarkMode(true);
    try {
      await hoverMention(e2e.tab, 'North Korea', 'North Korea');
      const json = await e2e.tab.inCard(READ_CARD_COLOURS);
      if (!json) throw new Error('no card with quotes open');
      const colours = JSON.parse(json) as { background: string; text: string; quote: string; error: string };
      // A dark card: its background is darker than its text.
      expect(contrast(colours.background, 'rgb(0, 0, 0)')).toBeLessThan(contrast(colours.text, 'rgb(0, 0, 0)'));
      for (const part of ['text', 'quote', 'error'] as const) expect(contrast(colours[part], colours.background), part).toBeGreaterThanOrEqual(4.5);
    } finally {
      await e2e.tab.emulateDarkMode(false);
    }
  });

  it('shows the card of a mention in a modal dialog above the dialog, without moving the dialog’s content', async () => {
    // A dialog laid out as a column with gaps: anything in its flow would add one.
    const dialogHeight = () => e2e.tab.evaluate(() => document.getElementById('modal')?.getBoundingClientRect().height, undefined);
    await e2e.tab.evaluate(() => {
      const dialog = document.getElementById('modal') as HTMLDialogElement;
      dialog.style.cssText = 'display: flex; flex-direction: column; gap: 24px;';
      dialog.showModal();
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Christoph Heusgen'), 'the dialog’s mention');
    const heightBefore = await dialogHeight();
    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    expect(await atCardMiddle(e2e.tab)).toMatch(/^peninsula-lens-card-/);
    expect(await dialogHeight()).toBe(heightBefore);
  });

  it('shows the card of a mention in an open popover above the popover, which covers the whole window', async () => {
    await e2e.tab.evaluate(() => {
      const popover = Object.assign(document.createElement('div'), { id: 'sheet', popover: 'manual', textContent: 'In the sheet: Otto Warmbier.' });
      popover.style.cssText = 'inset: 0; width: 100vw; height: 100vh; margin: 0; padding: 40px; box-sizing: border-box; background: #fff;';
      document.body.append(popover);
      popover.showPopover();
    }, undefined);
    await waitForHighlights(
      e2e.tab,
      (found) => found.filter((range) => range.text === 'Otto Warmbier').length === 2,
      'the popover’s mention, with the page’s own',
    );
    // The popover's: it covers the page's.
    const inSheet = await e2e.tab.evaluate(() => {
      const range = document.createRange();
      const text = document.getElementById('sheet')?.firstChild as Text;
      range.setStart(text, text.data.indexOf('Otto'));
      range.setEnd(text, text.data.indexOf('.', text.data.indexOf('Otto')));
      const { left, top, width, height } = range.getBoundingClientRect();
      return { x: left + width / 2, y: top + height / 2 };
    }, undefined);
    await e2e.tab.hover(1, 1);
    await e2e.tab.hover(inSheet.x, inSheet.y);
    await cardLoaded('Otto Warmbier');
    expect(await atCardMiddle(e2e.tab)).toMatch(/^peninsula-lens-card-/);
  });

  it('keeps the card inside a short modal dialog that holds it and clips it (a transformed one), taking the dialog’s height over the name', async () => {
    await e2e.tab.evaluate(() => {
      const dialog = document.getElementById('modal') as HTMLDialogElement;
      // A transform makes the dialog the box its fixed-position descendants, the card among them, are drawn in.
      dialog.style.cssText = 'transform: translateX(0); height: 180px; overflow: hidden; padding: 0 16px; box-sizing: border-box;';
      dialog.showModal();
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Christoph Heusgen'), 'the dialog’s mention');
    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    const dialog = await e2e.tab.evaluate(() => {
      const { top, bottom } = (document.getElementById('modal') as HTMLDialogElement).getBoundingClientRect();
      return { top, bottom };
    }, undefined);
    const box = await cardBox(e2e.tab);
    expect(box.top).toBeGreaterThanOrEqual(dialog.top);
    expect(box.bottom).toBeLessThanOrEqual(dialog.bottom);
    // Over the name, taller than the room on either side of it in the dialog.
    expect(box.bottom - box.top).toBeGreaterThan(100);
  });

  it('shows the card above a component’s own modal dialog that the mention is slotted into, inside a link it does not follow', async () => {
    await showSlottedModal();
    await tapMention('Donald Trump');
    await cardLoaded('Donald Trump');
    // The page sees the component's host at any point of its shadow tree, the card's own host included.
    expect(await atCardMiddle(e2e.tab, 'slotted-dialog')).toMatch(/^peninsula-lens-card-/);
    expect(await e2e.tab.evaluate(() => location.hash, undefined)).toBe('');
  });

  it('steps to a mention in a fixed header without scrolling the page behind it', async () => {
    await e2e.tab.evaluate(() => {
      const header = Object.assign(document.createElement('header'), { textContent: 'Fixed header: Kim Jong-un' });
      header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; background: #eeeeee;';
      document.body.prepend(header);
      window.scrollTo(0, 800);
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Kim Jong-un'), 'the header’s mention');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Kim Jong-un');
    expect(await e2e.tab.evaluate(() => scrollY, undefined)).toBe(800);
  });

  it('follows a mention in a component’s scrolling box, and is hidden when the box scrolls it away', async () => {
    await tapMention('Human Rights Watch');
    await cardLoaded('Human Rights Watch');
    const before = (await cardBox(e2e.tab)).top;
    const scrollBox = (by: number) =>
      e2e.tab.evaluate((pixels) => {
        const box = document.querySelector('scroll-box')?.shadowRoot?.getElementById('box');
        if (box) box.scrollTop += pixels;
      }, by);
    await scrollBox(30);
    await waitFor(async () => Math.abs((await cardBox(e2e.tab)).top - (before - 30)) <= 2, 'the card to move up with its mention');
    await scrollBox(400);
    await waitFor(async () => (await cardBox(e2e.tab)).visibility === 'hidden', 'the card to hide with its mention');
    // A card out of sight does not keep Escape from the page: it closes, and the page hears the key.
    await countPageEscapes();
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '' && (await e2e.tab.inCard('() => "open"')) === null, 'the card to close');
    expect(await pageEscapes()).toBe(1);
  });

  it('shows the card at the first tap on a mention in a link, and follows the link at the second', async () => {
    // A page handler that follows links itself, whatever defaultPrevented says.
    await e2e.tab.evaluate(() => {
      const record = window as unknown as { linkClicks: number };
      record.linkClicks = 0;
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest('#link')) record.linkClicks++;
      });
    }, undefined);
    await tapMention('Otto Warmbier');
    await cardLoaded('Otto Warmbier');
    expect(await e2e.tab.evaluate(() => location.hash, undefined)).toBe('');
    expect(await e2e.tab.evaluate(() => (window as unknown as { linkClicks: number }).linkClicks, undefined)).toBe(0);
    await tapMention('Otto Warmbier');
    await waitFor(async () => (await e2e.tab.evaluate(() => location.hash, undefined)) === '#followed', 'the link to be followed');
  });

  it('opens no card when a finger starting on a mention scrolls the page', async () => {
    const mention = await e2e.tab.evaluate(revealHighlight, 'North Korea');
    if (!mention) throw new Error('no North Korea');
    const from = { x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 };
    await e2e.tab.swipe(from, { x: from.x, y: from.y - 150 });
    // Long enough for a card to open and load, had the touch opened one.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toBe('');
    // A tap where the finger went down does open it: the swipe was the only difference.
    await tapMention('North Korea');
    await cardLoaded('North Korea');
  });

  it('opens no card when a finger presses long on a mention (to select it, or for the browser’s menu)', async () => {
    const mention = await e2e.tab.evaluate(revealHighlight, 'North Korea');
    if (!mention) throw new Error('no North Korea');
    await e2e.tab.touchHold({ x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 }, 700);
    // Long enough for a card to open and load, had the press opened one.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toBe('');
  });

  it('keeps the Escape that closes the card from the page, and leaves the next one to it', async () => {
    await countPageEscapes();
    await tapMention('North Korea');
    await cardLoaded('North Korea');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await pageEscapes()).toBe(0);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await pageEscapes()) === 1, 'the page to see the next Escape');
  });

  it('steps only through the names in a modal dialog while it is open, and moves focus into the card there', async () => {
    await e2e.tab.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).showModal(), undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Christoph Heusgen'), 'the dialog’s mention');
    for (const key of ['Alt+Shift+ArrowDown', 'Alt+Shift+ArrowDown', 'Alt+Shift+ArrowUp']) {
      await e2e.tab.press(key);
      await cardLoaded('Christoph Heusgen');
      // The page's other names lie behind the dialog, out of reach: the one in it is the only one.
      expect(await e2e.tab.cardText()).toMatch(/mention 1 of 1/i);
      expect(await e2e.tab.evaluate(() => document.activeElement?.localName, undefined)).toMatch(/^peninsula-lens-card-/);
    }
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await e2e.tab.evaluate(() => (document.getElementById('modal') as HTMLDialogElement).open, undefined)).toBe(true);
  });

  it('steps only through the names in a component’s own modal dialog while it is open', async () => {
    await showSlottedModal();
    for (const key of ['Alt+Shift+ArrowDown', 'Alt+Shift+ArrowDown']) {
      await e2e.tab.press(key);
      await cardLoaded('Donald Trump');
      expect(await e2e.tab.cardText()).toMatch(/mention 1 of 1/i);
    }
  });

  it('steps only through the names in an element shown full screen', async () => {
    const ottos = (found: HighlightedRange[]) => found.filter((range) => range.text === 'Otto Warmbier').length;
    const before = ottos(await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted'));
    await e2e.tab.evaluate(() => {
      const stage = Object.assign(document.createElement('div'), { id: 'stage', textContent: 'On stage: Otto Warmbier.' });
      stage.style.background = '#fff';
      const button = Object.assign(document.createElement('button'), { id: 'full-screen', type: 'button', textContent: 'Full screen' });
      button.addEventListener('click', () => void stage.requestFullscreen());
      document.body.prepend(button, stage);
    }, undefined);
    const button = await e2e.tab.evaluate(() => {
      const box = (document.getElementById('full-screen') as HTMLElement).getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }, undefined);
    // A click of the reader's: a page may ask for full screen only then.
    await e2e.tab.click(button.x, button.y);
    await waitFor(() => e2e.tab.evaluate(() => document.fullscreenElement?.id === 'stage', undefined), 'the stage to fill the screen');
    // The page names Otto Warmbier too: wait for the stage's own mention, which is read once the page is idle.
    await waitForHighlights(e2e.tab, (found) => ottos(found) > before, 'the stage’s mention');
    try {
      for (const key of ['Alt+Shift+ArrowDown', 'Alt+Shift+ArrowUp']) {
        await e2e.tab.press(key);
        await cardLoaded('Otto Warmbier');
        expect(await e2e.tab.cardText()).toMatch(/mention 1 of 1/i);
      }
    } finally {
      await e2e.tab.evaluate(() => document.exitFullscreen(), undefined);
    }
  });

  it('stays open when a page’s focus trap pulls focus back from the card to its own modal', async () => {
    // A modal made of divs, as focus-trap libraries make them: focus that leaves it is put back on its button.
    await e2e.tab.evaluate(() => {
      const modal = Object.assign(document.createElement('div'), { id: 'trap' });
      const button = Object.assign(document.createElement('button'), { id: 'trapped', type: 'button', textContent: 'OK' });
      modal.append(button);
      document.body.prepend(modal);
      document.addEventListener('focusin', (event) => {
        if (!modal.contains(event.target as Node)) button.focus();
      });
      button.focus();
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Stephen Biegun');
    // The trap took focus back; the card the reader asked for stays.
    await waitFor(() => e2e.tab.evaluate(() => document.activeElement?.id === 'trapped', undefined), 'the trap to take focus back');
    await new Promise((done) => setTimeout(done, 300));
    expect(await e2e.tab.cardText()).toContain('Stephen Biegun');
  });

  it('stands 6 px below its name, and 6 px above it where the room is above', async () => {
    const gaps: Record<string, number> = {};
    for (const side of ['below', 'above'] as const) {
      await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
      await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
      await e2e.tab.hover(1, 1);
      // Room to scroll either way (a tall margin above and below the page's content), then the name near
      // the top of the window, or near its bottom.
      await e2e.tab.evaluate(() => {
        document.body.style.margin = `${innerHeight}px 0`;
      }, undefined);
      const start = await e2e.tab.evaluate(mentionRect, 'Otto Warmbier');
      if (!start) throw new Error('no Otto Warmbier');
      await e2e.tab.evaluate(({ top, toTop }) => scrollBy({ top: top - (toTop ? 40 : innerHeight - 60), behavior: 'instant' }), {
        top: start.top,
        toTop: side === 'below',
      });
      // Pointed at where it stands (not revealed first: that would scroll it).
      const mention = await e2e.tab.evaluate(mentionRect, 'Otto Warmbier');
      if (!mention) throw new Error('no Otto Warmbier');
      await e2e.tab.hover(mention.left + mention.width / 2, mention.top + mention.height / 2);
      await cardLoaded('Otto Warmbier');
      const box = await cardBox(e2e.tab);
      gaps[side] = Math.round(side === 'below' ? box.top - (mention.top + mention.height) : mention.top - box.bottom);
    }
    expect(gaps).toEqual({ below: 6, above: 6 });
  });

  it('keeps the card open when the pointer crosses the gap from its name into it', async () => {
    // The card closes 350 ms after the pointer leaves its name (mention-cards.ts), and the test's two moves are
    // two round trips to the browser, which a busy machine can stretch past that: the card then rightly closes.
    // The page notes when it hears each move; a crossing it heard take that long tells nothing and is made again.
    type Moves = { moves: { y: number; at: number }[] };
    await e2e.tab.evaluate(() => {
      const page = window as unknown as Moves;
      page.moves = [];
      addEventListener(
        'pointermove',
        (event) => {
          if (event.isTrusted && event.pointerType === 'mouse') page.moves.push({ y: event.clientY, at: performance.now() });
        },
        { capture: true },
      );
    }, undefined);
    for (let attempt = 1; ; attempt++) {
      await e2e.tab.hover(1, 1);
      await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
      await hoverMention(e2e.tab, 'Otto Warmbier', 'Otto Warmbier');
      const mention = await e2e.tab.evaluate(mentionRect, 'Otto Warmbier');
      if (!mention) throw new Error('no Otto Warmbier');
      const card = await cardBox(e2e.tab);
      const below = card.top >= mention.top + mention.height;
      // Off the name and not yet on the card: the close is under way, and reaching the card stops it.
      const gapY = below ? (mention.top + mention.height + card.top) / 2 : (card.bottom + mention.top) / 2;
      const cardY = below ? card.top + 20 : card.bottom - 20;
      const x = Math.max(mention.left, card.left) + 4;
      await e2e.tab.evaluate(() => {
        (window as unknown as Moves).moves = [];
      }, undefined);
      await e2e.tab.hover(x, gapY);
      await e2e.tab.hover(x, cardY);
      const moves = await e2e.tab.evaluate(() => (window as unknown as Moves).moves, undefined);
      const inGap = moves.find((move) => Math.abs(move.y - gapY) < 1.5);
      const onCard = moves.find((move) => Math.abs(move.y - cardY) < 1.5);
      if (!inGap || !onCard) throw new Error(`the page heard no move into the gap or onto the card: ${JSON.stringify(moves)}`);
      // Heard within 300 ms: the close, due 350 ms or more after the move into the gap, cannot have come yet.
      const crossingMs = onCard.at - inGap.at;
      if (crossingMs < 300) break;
      if (attempt === 5) throw new Error(`the pointer took ${Math.round(crossingMs)} ms or more to cross the gap, five times: too slow to tell`);
    }
    // Longer than a card the pointer left takes to close.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toContain('Otto Warmbier');
    await e2e.tab.hover(1, 1);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close once the pointer left it');
  });

  /** From the page's Start button, the keyboard steps to the first name: its card opens and takes focus. */
  async function stepFromStartIntoCard(): Promise<void> {
    await e2e.tab.evaluate(() => document.getElementById('start')?.focus(), undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Stephen Biegun');
    await waitFor(() => e2e.tab.evaluate(() => document.activeElement?.localName.startsWith('peninsula-lens-card-') === true, undefined), 'focus in the card');
  }

  it.each([
    ['with Escape', 'Escape'],
    ['when Shift+Tab leaves it for the page', 'Shift+Tab'],
  ])('closes the card %s, and gives focus back where it was', async (_how, key) => {
    await stepFromStartIntoCard();
    await e2e.tab.press(key);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await e2e.tab.evaluate(() => document.activeElement?.id, undefined)).toBe('start');
  });

  it('closes the card when Shift+Tab leaves it on a page with nothing to focus before it, and keeps focus in the page', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardLoaded('Security Council');
    await waitFor(() => e2e.tab.evaluate(() => document.activeElement?.localName.startsWith('peninsula-lens-card-') === true, undefined), 'focus in the card');
    await e2e.tab.press('Shift+Tab');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await e2e.tab.evaluate(() => [document.hasFocus(), document.activeElement?.localName], undefined)).toEqual([true, 'body']);
  });

  it('closes the card when Tab goes on past its last control, and gives focus back where it was, not to the browser’s bar', async () => {
    await stepFromStartIntoCard();
    // The card's controls, one Tab each, and one more past the last.
    for (let presses = 0; presses < 20 && (await e2e.tab.cardText()) !== ''; presses++) {
      expect(await e2e.tab.evaluate(() => document.hasFocus(), undefined)).toBe(true);
      await e2e.tab.press('Tab');
    }
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await e2e.tab.evaluate(() => [document.hasFocus(), document.activeElement?.id], undefined)).toEqual([true, 'start']);
  });
});

describe.each(browsersUnderTest())('%s: the card in a short window', (name) => {
  const e2e = useExtensionBrowser(name);

  it('keeps clear of the page’s scroll bar in a narrow window', async () => {
    await e2e.tab.setViewport(400, 700);
    await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const box = await cardBox(e2e.tab);
    // The width the page's content has, left of its scroll bar where the browser draws one.
    const contentWidth = await e2e.tab.evaluate(() => document.documentElement.clientWidth, undefined);
    expect(box.left).toBeGreaterThanOrEqual(8);
    expect(box.left + box.width).toBeLessThanOrEqual(contentWidth - 8 + 0.5);
  });

  it('takes the window’s whole height over its name when beside it there is room for less than a heading, as in an ad-sized frame', async () => {
    const height = 140;
    await e2e.tab.setViewport(800, height);
    await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    const mention = await e2e.tab.evaluate(mentionRect, 'North Korea');
    if (!mention) throw new Error('no North Korea');
    const box = await cardBox(e2e.tab);
    // Inside the window, 8 px from its edges, and taller than the room on either side of the name.
    expect(box.top).toBeGreaterThanOrEqual(8);
    expect(box.bottom).toBeLessThanOrEqual(height - 8);
    expect(box.bottom - box.top).toBeGreaterThan(Math.max(mention.top, height - (mention.top + mention.height)));
    expect(box.bottom - box.top).toBeGreaterThanOrEqual(height - 16 - 1);
  });
});
