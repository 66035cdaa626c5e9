/**
 * What a screen reader is told as the keyboard steps from name to name: each
 * card the keyboard opens takes focus afresh, also when one is open already,
 * so the card's name and its place ("mention 2 of 6") are read out, as
 * written, not in capitals.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

type FocusRecord = Window & { __focusMoves: number };

describe.each(browsersUnderTest())('%s: what a screen reader is told as the keyboard steps', (name) => {
  const e2e = useExtensionBrowser(name);

  it('moves focus into the card at each step, also from one open card to the next, and gives its kind and place as written', async () => {
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => /mention 1 of \d+/i.test(await e2e.tab.cardText()), 'the first card, opened by the keyboard');
    // The place shows while the facts load, and focus moves in after them: counted from before that, the
    // first card's own move would pass for the second's.
    await waitFor(
      () => e2e.tab.evaluate(() => document.activeElement?.localName.startsWith('peninsula-lens-card-') === true, undefined),
      'focus to move into the first card',
    );
    // Focus moving into the closed card reaches the page as a focusin on its host.
    await e2e.tab.evaluate(() => {
      const record = window as unknown as FocusRecord;
      record.__focusMoves = 0;
      document.addEventListener('focusin', () => record.__focusMoves++, true);
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => /mention 2 of \d+/i.test(await e2e.tab.cardText()), 'the second card');
    // The place shows while the facts load; focus moves in once they are there, so a screen reader reads them.
    await waitFor(
      async () => (await e2e.tab.evaluate(() => (window as unknown as FocusRecord).__focusMoves, undefined)) > 0,
      'focus to move into the second card',
    );
    // The kind and place, which describe the card, are given as written: drawn in capitals, not upper-cased
    // (the text a screen reader gets is the rendered one, and some spell "ORGANISATION" out).
    const kindLine = await e2e.tab.inCard(`(root) => {
      const kind = root.querySelector('.kind');
      return JSON.stringify({ rendered: kind.innerText.trim(), written: kind.textContent.trim() });
    }`);
    const { rendered, written } = JSON.parse(kindLine ?? '{}') as { rendered?: string; written?: string };
    expect(written).toMatch(/mention 2 of \d+/);
    expect(rendered).toBe(written);
  });
});
