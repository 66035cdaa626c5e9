/**
 * Where the card stands where pages make it hard: a long card in the middle
 * of the window or below it, on a scrolled page whose root element contains
 * its paint, by a mention in a component's own scrolling box, 6 px from its
 * name, across the gap from the name, and in a narrow or short window. The
 * page's styles: card-placement-page-styles; modal dialogs, popovers and full
 * screen: card-placement-top-layer; keys and fingers: card-placement-keys-and-touch.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { useCardCasesPage } from './support/card-cases-page';
import { cardBox, mentionRect } from './support/card-geometry';
import { hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

describe.each(browsersUnderTest())('%s: the card where pages make it hard', (name) => {
  const e2e = useExtensionBrowser(name);

  const { windowHeight, tapMention, countPageEscapes, pageEscapes, cardLoaded } = useCardCasesPage(e2e);

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
