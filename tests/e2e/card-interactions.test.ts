/**
 * The card as a person uses it by pointer and finger beyond hovering: the
 * card closing when the pointer leaves, kept once the reader pressed or
 * clicked in it, closed with × or a click elsewhere, its facts unfolded,
 * shown again after the page took it away, and a tap on a touch screen; and
 * nothing for events the page makes up. The keyboard: card-interactions-keyboard;
 * pages that change under the card: card-interactions-page-changes.
 */
import { describe, expect, it } from 'vitest';
import { revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { hoverMention, useExtensionBrowser, waitFor } from './support/extension-browser';
import { isCardOf, useCardOnStaticPage } from './support/using-the-card';

describe.each(browsersUnderTest())('%s: using the card', (name) => {
  const e2e = useExtensionBrowser(name);

  const { cardShows } = useCardOnStaticPage(e2e);

  it('closes the card when the pointer moves away from mention and card', async () => {
    await hoverMention(e2e.tab, 'Kim Jong-un', 'Kim Jong-un');
    await e2e.tab.hover(5, 5);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close after the pointer left');
  });

  it('keeps a card the reader pressed in to select a quote when the pointer leaves it, and a page cannot close it by making up the pointer leaving', async () => {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    await hoverMention(e2e.tab, 'Kim Jong-un', 'Kim Jong-un');
    // The page says the pointer left the window: only the reader's own pointer closes the card.
    await e2e.tab.evaluate(() => document.dispatchEvent(new PointerEvent('pointerout', { pointerType: 'mouse', bubbles: true, composed: true })), undefined);
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toContain('Kim Jong-un');
    // A press on the card's description, as when selecting a quote to copy.
    const description = await e2e.tab.inCard(
      '(root) => { const box = root.querySelector(".description").getBoundingClientRect(); return JSON.stringify({ x: box.x + 10, y: box.y + box.height / 2 }); }',
    );
    if (!description) throw new Error('no description in the card');
    const { x, y } = JSON.parse(description) as { x: number; y: number };
    await e2e.tab.click(x, y);
    await e2e.tab.hover(1, 1);
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toContain('Kim Jong-un');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
  });

  it('opens nothing for pointer and key events the page makes up: only the reader’s own open cards', async () => {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    const mention = await e2e.tab.evaluate(revealHighlight, 'Kim Jong-un');
    if (!mention) throw new Error('no Kim Jong-un');
    await e2e.tab.evaluate(
      ({ x, y }) => {
        const target = document.elementFromPoint(x, y) ?? document.body;
        const at = { clientX: x, clientY: y, bubbles: true, composed: true, isPrimary: true };
        target.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        target.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'touch', pointerId: 7 }));
        target.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'touch', pointerId: 7 }));
        target.dispatchEvent(new MouseEvent('click', at));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, shiftKey: true, bubbles: true }));
      },
      { x: mention.x + mention.width / 2, y: mention.y + mention.height / 2 },
    );
    // Longer than a card takes to open for the reader's own pointer or keys.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toBe('');
  });

  it('keeps a card the reader clicked in when the pointer moves away, until Escape', async () => {
    await hoverMention(e2e.tab, 'Kim Jong-un', 'Kim Jong-un');
    const related = await e2e.tab.inCard(
      // After the facts, the related names may lie below the card's fold: the reader scrolls the card to them.
      `(root) => {
        const card = root.querySelector('.card');
        const button = root.querySelector('.related-entity');
        card.scrollTop += button.getBoundingClientRect().top - card.getBoundingClientRect().top - 40;
        const box = button.getBoundingClientRect();
        return JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      }`,
    );
    if (!related) throw new Error('no related name in the card');
    const { x, y } = JSON.parse(related) as { x: number; y: number };
    await e2e.tab.click(x, y);
    await waitFor(async () => !isCardOf(await e2e.tab.cardText(), 'kim-jong-un') && (await e2e.tab.cardText()).includes('Source:'), 'a related card');
    const card = await e2e.tab.cardText();
    await e2e.tab.hover(5, 5);
    // Longer than a card the pointer opened takes to close.
    await new Promise((done) => setTimeout(done, 800));
    expect(await e2e.tab.cardText()).toBe(card);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
  });

  it('shows the card again when the reader points at its name after the page took the card away', async () => {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    const mention = await e2e.tab.evaluate(revealHighlight, 'Kim Jong-un');
    if (!mention) throw new Error('no Kim Jong-un');
    await hoverMention(e2e.tab, 'Kim Jong-un', 'Kim Jong-un');
    // A page that clears what it did not put there (a framework re-rendering the root element's children).
    await e2e.tab.evaluate(() => {
      for (const element of document.documentElement.children) if (element.localName.startsWith('peninsula-lens-card')) element.remove();
    }, undefined);
    expect(await e2e.tab.cardText()).toBe('');
    // The pointer moves along the same name, never leaving it.
    await e2e.tab.hover(mention.x + 3, mention.y + mention.height / 2);
    await cardShows('Kim Jong-un');
    await e2e.tab.hover(5, 5);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close after the pointer left');
  });

  /** Opens a card by pointing, and presses in it (on its description): the reader's to close from then on. */
  async function pinCard(text: string): Promise<void> {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    await hoverMention(e2e.tab, text, text);
    const description = await e2e.tab.inCard(
      '(root) => { const box = root.querySelector(".description").getBoundingClientRect(); return JSON.stringify({ x: box.x + 10, y: box.y + box.height / 2 }); }',
    );
    if (!description) throw new Error('no description in the card');
    const { x, y } = JSON.parse(description) as { x: number; y: number };
    await e2e.tab.click(x, y);
  }

  it('closes a card the reader pressed in with its × button, and with a click elsewhere on the page', async () => {
    await pinCard('Kim Jong-un');
    const close = await e2e.tab.inCard(
      '(root) => { const box = root.querySelector("button[aria-label=Close]").getBoundingClientRect(); return JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2 }); }',
    );
    if (!close) throw new Error('no close button in the card');
    const at = JSON.parse(close) as { x: number; y: number };
    await e2e.tab.click(at.x, at.y);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close with ×');
    await pinCard('Kim Jong-un');
    await e2e.tab.click(5, 5);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close after a click elsewhere');
  });

  it('shows the rest of a card’s facts on request, and its control then says it folds them', async () => {
    await pinCard('Kim Jong-un');
    // The disclosure's label, the facts a person sees (drawn, not folded away), and where to click it.
    const readFacts = async (): Promise<{ label: string; shown: number; total: number; x: number; y: number }> => {
      const json = await e2e.tab.inCard(`(root) => {
        const summary = root.querySelector('details.more > summary');
        summary.scrollIntoView({ block: 'nearest' });
        const box = summary.getBoundingClientRect();
        const facts = [...root.querySelectorAll('.facts > li')];
        const shown = facts.filter((fact) => fact.checkVisibility()).length;
        return JSON.stringify({ label: summary.innerText.trim(), shown, total: facts.length, x: box.x + 20, y: box.y + box.height / 2 });
      }`);
      if (!json) throw new Error('no card open');
      return JSON.parse(json) as { label: string; shown: number; total: number; x: number; y: number };
    };
    const folded = await readFacts();
    expect(folded.total).toBeGreaterThan(3);
    expect(folded).toMatchObject({ label: `${folded.total - 3} more facts`, shown: 3 });
    await e2e.tab.click(folded.x, folded.y);
    let open = folded;
    await waitFor(async () => {
      open = await readFacts();
      return open.shown === folded.total;
    }, 'every fact to show');
    expect(open.label).toBe('Fewer facts');
    await e2e.tab.click(open.x, open.y);
    await waitFor(async () => (await readFacts()).shown === 3, 'the rest to fold away');
    expect((await readFacts()).label).toBe(folded.label);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
  });

  it('opens the card with a tap on a touch screen', async () => {
    const mention = await e2e.tab.evaluate(revealHighlight, 'Christoph Heusgen');
    if (!mention) throw new Error('no Christoph Heusgen');
    await e2e.tab.tap(mention.x + mention.width / 2, mention.y + mention.height / 2);
    await cardShows('Christoph Heusgen');
    await e2e.tab.tap(5, 5);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close after a tap elsewhere');
  });
});
