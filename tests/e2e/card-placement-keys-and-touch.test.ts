/**
 * The card from the keyboard and by touch where pages make it hard: a
 * mention deep in a long paragraph, stepping on from where the reader is, a
 * page's focus trap, the page's own Escape and Tab, a mention inside a link
 * on a touch screen, a swipe or a long press that starts on a mention.
 */
import { describe, expect, it } from 'vitest';
import { revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { useCardCasesPage } from './support/card-cases-page';
import { cardBox, mentionRect } from './support/card-geometry';
import { useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

describe.each(browsersUnderTest())('%s: the card where pages make it hard', (name) => {
  const e2e = useExtensionBrowser(name);

  const { windowHeight, tapMention, countPageEscapes, pageEscapes, cardLoaded } = useCardCasesPage(e2e);

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
