/**
 * The page the tests of the card where pages make it hard start on
 * (tests/pages/card-cases.html), and what they do and read there: a tap on a
 * mention, the Escape presses the page hears, the component's own modal
 * dialog, a card loaded, what the page finds at the card's middle.
 */
import { beforeEach } from 'vitest';
import { revealHighlight } from '../../../scripts/browsers/page-probes';
import { cardBox } from './card-geometry';
import { type E2EContext, waitFor, waitForHighlights } from './extension-browser';
import type { TestTab } from './test-tab';

/** What the page finds at the middle of the open card (through `elementFromPoint` of the document, or of the shadow root `hostTag` holds). */
export async function atCardMiddle(tab: TestTab, hostTag?: string): Promise<string | undefined> {
  const box = await cardBox(tab);
  const middle = { x: box.left + box.width / 2, y: (box.top + box.bottom) / 2, hostTag };
  return tab.evaluate(({ x, y, hostTag: tag }) => {
    const root = tag ? document.querySelector(tag)?.shadowRoot : document;
    return root?.elementFromPoint(x, y)?.localName;
  }, middle);
}

/**
 * Registers a hook that opens the card-cases page before each test, its
 * mentions marked and the pointer in a corner, and returns what the tests do
 * there (each reads the tab `e2e` holds once it is open).
 */
export function useCardCasesPage(e2e: E2EContext) {
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

  return { windowHeight, tapMention, countPageEscapes, pageEscapes, showSlottedModal, cardLoaded };
}
