/**
 * The card and the page's layers: in front of a sticky header, above a modal
 * dialog, a popover or a component's own dialog and inside a short one that
 * clips it, a mention in a fixed header, and stepping only through the names
 * a modal dialog or an element shown full screen leaves in reach.
 */
import { describe, expect, it } from 'vitest';
import type { HighlightedRange } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { atCardMiddle, useCardCasesPage } from './support/card-cases-page';
import { cardBox } from './support/card-geometry';
import { hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

describe.each(browsersUnderTest())('%s: the card where pages make it hard', (name) => {
  const e2e = useExtensionBrowser(name);

  const { tapMention, showSlottedModal, cardLoaded } = useCardCasesPage(e2e);

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

  it('steps from the story past a mention in a fixed header, and to it without scrolling the page behind it', async () => {
    await e2e.tab.evaluate(() => {
      const header = Object.assign(document.createElement('header'), { textContent: 'Fixed header: Kim Jong-un' });
      header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; background: #eeeeee;';
      document.body.prepend(header);
      window.scrollTo(0, 800);
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Kim Jong-un'), 'the header’s mention');
    const place = async () => Number(/mention (\d+) of/i.exec(await e2e.tab.cardText())?.[1]);
    // Always in view, the header's name says nothing of where the reader is: the step goes into the page.
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await place()) > 1, 'a card of a name in the page');
    // Back up the page, name by name, to the header's, the first on the page: that step scrolls nothing.
    for (let steps = 0; steps < 30 && (await place()) > 2; steps++) {
      const from = await place();
      await e2e.tab.press('Alt+Shift+ArrowUp');
      await waitFor(async () => (await place()) === from - 1, `the card of mention ${from - 1}`);
    }
    const scrolled = await e2e.tab.evaluate(() => scrollY, undefined);
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await waitFor(async () => (await place()) === 1, 'the card of the header’s name');
    await cardLoaded('Kim Jong-un');
    expect(await e2e.tab.evaluate(() => scrollY, undefined)).toBe(scrolled);
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

  it('leaves the keys to the page in a modal dialog that holds no name, though the page behind it has names', async () => {
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    await e2e.tab.evaluate(() => {
      const dialog = Object.assign(document.createElement('dialog'), { id: 'no-names', textContent: 'Choose a date: ' });
      dialog.append(Object.assign(document.createElement('button'), { type: 'button', textContent: 'Today' }));
      document.body.append(dialog);
      const heard: string[] = [];
      Object.assign(window, { heardKeys: heard });
      document.addEventListener('keydown', (event) => heard.push(`${event.altKey ? 'Alt+' : ''}${event.shiftKey ? 'Shift+' : ''}${event.key}`));
      dialog.showModal();
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(
      () => e2e.tab.evaluate(() => (window as unknown as { heardKeys: string[] }).heardKeys.includes('Alt+Shift+ArrowDown'), undefined),
      'the page to hear the keys',
    );
    expect(await e2e.tab.cardText()).toBe('');
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
});
