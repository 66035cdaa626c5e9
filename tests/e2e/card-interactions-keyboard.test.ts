/**
 * The card from the keyboard: stepping through mentions with Alt+Shift+↓ and
 * ↑, the arrow kept from the page, past a live ticker, Escape giving focus
 * back without scrolling, following a related entity and coming back, and
 * the step left to text fields, in components too.
 */
import { describe, expect, it } from 'vitest';
import entities from '../../data/entities.json';
import { revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { hoverMention, shareOfPixelsChangedBy, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import { isCardOf, useCardOnStaticPage } from './support/using-the-card';

describe.each(browsersUnderTest())('%s: using the card', (name) => {
  const e2e = useExtensionBrowser(name);

  const { cardShows } = useCardOnStaticPage(e2e);

  it('steps through mentions with Alt+Shift+↓ and ↑, saying where each stands, and Escape closes the card', async () => {
    const count = (await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted')).length;
    await e2e.tab.press('Alt+Shift+ArrowDown');
    const first = await cardShows('UN Security Council');
    expect(isCardOf(first, 'un-security-council')).toBe(true);
    expect(first.toLowerCase()).toContain(`mention 1 of ${count}`);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'north-korea'), 'the card of North Korea');
    expect((await cardShows('North Korea')).toLowerCase()).toContain(`mention 2 of ${count}`);
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the card of the Council again');
    // Past the first, round to the last: the place says so.
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await waitFor(async () => (await e2e.tab.cardText()).toLowerCase().includes(`mention ${count} of ${count}`), 'the card of the last mention');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await e2e.tab.cardText()).toLowerCase().includes(`mention 1 of ${count}`), 'the card of the first mention again');
    const cardElements = () =>
      e2e.tab.evaluate(() => [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('peninsula-lens-card-')).length, undefined);
    expect(await cardElements()).toBe(1);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    // Closed, the card leaves nothing of ours in the page.
    expect(await cardElements()).toBe(0);
  });

  it('keeps the arrow of a step from the page, pressed and released: the page does not act on it too', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    await e2e.tab.evaluate(() => {
      const record = window as unknown as { arrows: string[] };
      record.arrows = [];
      const heard = new WeakSet<Event>();
      const count = (event: KeyboardEvent) => {
        if (!event.key.startsWith('Arrow') || heard.has(event)) return;
        heard.add(event);
        record.arrows.push(`${event.type} ${event.key}`);
      };
      for (const type of ['keydown', 'keyup'] as const) {
        document.addEventListener(type, count);
        document.addEventListener(type, count, true);
        window.addEventListener(type, count);
      }
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardShows('UN Security Council');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'north-korea'), 'the card of North Korea');
    await e2e.tab.press('Alt+Shift+ArrowUp');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the card of the Council again');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    // A plain arrow is the page's, as ever.
    await e2e.tab.press('ArrowDown');
    await waitFor(
      async () => (await e2e.tab.evaluate(() => (window as unknown as { arrows: string[] }).arrows.length, undefined)) >= 2,
      'the page to hear a plain arrow',
    );
    expect(await e2e.tab.evaluate(() => (window as unknown as { arrows: string[] }).arrows, undefined)).toEqual(['keydown ArrowDown', 'keyup ArrowDown']);
  });

  it('marks the name a step went to with a solid line while its card is open, and no name a hover opened', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    /** The texts the current-name highlight holds, and where the first is drawn. */
    const current = () =>
      e2e.tab.evaluate(() => {
        const ranges = [...(CSS.highlights.get('peninsula-lens-current') ?? [])].filter((range): range is Range => range instanceof Range);
        const rect = ranges[0]?.getBoundingClientRect();
        return { texts: ranges.map((range) => range.toString()), place: rect && { x: rect.x, y: rect.y, width: rect.width, height: rect.height + 6 } };
      }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardShows('UN Security Council');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'north-korea'), 'the card of North Korea');
    await waitFor(async () => (await current()).texts.join() === 'North Korea', 'the step’s name marked');
    // Drawn: taking the mark away changes the pixels under the name.
    const { place } = await current();
    if (!place) throw new Error('no place for the mark');
    expect(
      await shareOfPixelsChangedBy(e2e.tab, place, () => e2e.tab.evaluate(() => CSS.highlights.delete('peninsula-lens-current'), undefined)),
    ).toBeGreaterThan(0.02);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await current()).texts.length === 1 && (await current()).texts[0] !== 'North Korea', 'the next step’s name marked');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await current()).texts.length === 0, 'the mark to go with the card');
    await hoverMention(e2e.tab, 'Christoph Heusgen', 'Christoph Heusgen');
    expect((await current()).texts).toEqual([]);
  });

  it('steps on past a live ticker whose text the page writes anew between two presses', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/ticker.html?still`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the ticker and the article to be highlighted');
    const tick = () => e2e.tab.evaluate(() => (window as unknown as { tick(): void }).tick(), undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'north-korea'), 'the card of the ticker’s North Korea');
    // Every press goes on down the page, though the name stepped to is gone by the next press.
    const onward: [string, string][] = [
      ['un-security-council', 'the Council'],
      ['kim-jong-un', 'Kim Jong-un'],
      ['christoph-heusgen', 'Christoph Heusgen'],
    ];
    for (const [entityId, name] of onward) {
      await tick();
      await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'North Korea'), 'the ticker marked anew');
      await e2e.tab.press('Alt+Shift+ArrowDown');
      await waitFor(async () => isCardOf(await e2e.tab.cardText(), entityId), `the card of ${name}`);
    }
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
  });

  it('gives focus back on Escape without scrolling back to it: the reader keeps the place the steps took them to', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/demo`);
    await waitForHighlights(e2e.tab, (found) => found.length > 20, 'the demo page to be highlighted');
    await e2e.tab.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { id: 'top-link', href: '#', textContent: 'Home' });
      document.body.prepend(link);
      link.focus();
    }, undefined);
    for (let step = 0; step < 15; step++) await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await e2e.tab.cardText()).toLowerCase().includes('mention 15 of'), 'the card of the fifteenth mention');
    const scrolled = await e2e.tab.evaluate(() => scrollY, undefined);
    expect(scrolled).toBeGreaterThan(300);
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    expect(await e2e.tab.evaluate(() => document.activeElement?.id, undefined)).toBe('top-link');
    expect(Math.abs((await e2e.tab.evaluate(() => scrollY, undefined)) - scrolled)).toBeLessThan(2);
  });

  it('follows a related entity from the keyboard', async () => {
    // A fresh page: the keyboard would step on from the last card the test before closed.
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    const card = await cardShows('UN Security Council');
    expect(card).toContain('Related:');
    expect(isCardOf(card, 'un-security-council')).toBe(true);
    await waitFor(
      () => e2e.tab.evaluate(() => document.activeElement?.localName.startsWith('peninsula-lens-card-') === true, undefined),
      'focus to move into the card',
    );
    const firstRelated = entities.find((entity) => entity.id === 'un-security-council')?.related[0] as string;
    // Focus starts on the card itself; Tab reaches its close button, the control that shows the rest of its
    // facts, then the first related entity (after the facts).
    await e2e.tab.press('Tab');
    await e2e.tab.press('Tab');
    await e2e.tab.press('Tab');
    expect(await e2e.tab.inCard('(root) => root.activeElement?.dataset.id ?? ""')).toBe(firstRelated);
    await e2e.tab.press('Enter');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), firstRelated), `the card of ${firstRelated}`);
    // Another entity's card at the mention's place: the place is the name's, not said there.
    expect(await e2e.tab.cardText()).not.toMatch(/mention \d+ of/i);
    // The way back, from the keyboard: the first button of a related entity's card leads to the mention's own.
    await e2e.tab.press('Tab');
    await e2e.tab.press('Enter');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the mention’s own card by the way back');
    // Back at the name stepped to, the card says again where it stands, and focus is back on the related
    // name the reader took.
    expect(await e2e.tab.cardText()).toMatch(/mention 1 of \d+/i);
    await waitFor(async () => (await e2e.tab.inCard('(root) => root.activeElement?.dataset.id ?? ""')) === firstRelated, 'focus on the related name taken');
    await e2e.tab.press('Enter');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), firstRelated), `the card of ${firstRelated} again`);
    // Pointing at the mention the card stands by (the heading's "Security Council", the page's first)
    // brings its own card back.
    const mention = await e2e.tab.evaluate(revealHighlight, 'Security Council');
    if (!mention) throw new Error('no Security Council');
    await e2e.tab.hover(mention.x + mention.width / 2, mention.y + mention.height / 2);
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the mention’s own card again');
    await e2e.tab.press('Escape');
  });

  it('comes back from a related name to the card as the reader left it: every fact shown, focus on that name', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await cardShows('UN Security Council');
    const firstRelated = entities.find((entity) => entity.id === 'un-security-council')?.related[0] as string;
    const relatedName = entities.find((entity) => entity.id === firstRelated)?.name;
    // The rest of the facts shown from the keyboard: the disclosure is the card's last control.
    await e2e.tab.inCard('(root) => { root.querySelector("details.more > summary").focus(); return ""; }');
    await e2e.tab.press('Enter');
    const factsOpen = () => e2e.tab.inCard('(root) => String(root.querySelector("details.more").open)');
    await waitFor(async () => (await factsOpen()) === 'true', 'every fact to show');
    await e2e.tab.inCard('(root) => { root.querySelector(".related-entity").focus(); return ""; }');
    await e2e.tab.press('Enter');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), firstRelated), `the card of ${firstRelated}`);
    await e2e.tab.inCard('(root) => { root.querySelector(".back").focus(); return ""; }');
    await e2e.tab.press('Enter');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the mention’s own card by the way back');
    const focusedName = '(root) => root.activeElement?.classList.contains("related-entity") ? root.activeElement.textContent : ""';
    await waitFor(async () => (await e2e.tab.inCard(focusedName)) === relatedName, 'focus on the related name taken');
    expect(await factsOpen()).toBe('true');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
  });

  it('leaves Alt+Shift+↓ to a text field, one inside a component too, and one in a closed component', async () => {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    // A search box in the page and one in a component's shadow root; the page notes what its own listener sees.
    await e2e.tab.evaluate(() => {
      const record = window as unknown as { defaultPrevented: boolean[] };
      record.defaultPrevented = [];
      const light = Object.assign(document.createElement('input'), { id: 'light-field' });
      const host = document.createElement('search-box');
      host.attachShadow({ mode: 'open' }).append(Object.assign(document.createElement('input'), { id: 'shadow-field' }));
      const closedHost = document.createElement('closed-search-box');
      const closedField = document.createElement('input');
      closedHost.attachShadow({ mode: 'closed' }).append(closedField);
      // A closed component that takes focus itself, and holds a field too.
      const focusableHost = Object.assign(document.createElement('closed-combo-box'), { tabIndex: 0 });
      const focusableField = document.createElement('input');
      focusableHost.attachShadow({ mode: 'closed' }).append(focusableField);
      Object.assign(window, { closedField, focusableField });
      document.body.append(light, host, closedHost, focusableHost);
      document.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown') record.defaultPrevented.push(event.defaultPrevented);
      });
    }, undefined);
    for (const field of ['light', 'shadow', 'closed', 'focusable']) {
      await e2e.tab.evaluate((which) => {
        const fields = window as unknown as { closedField: HTMLInputElement; focusableField: HTMLInputElement };
        const input =
          which === 'light'
            ? document.getElementById('light-field')
            : which === 'shadow'
              ? document.querySelector('search-box')?.shadowRoot?.getElementById('shadow-field')
              : which === 'closed'
                ? fields.closedField
                : fields.focusableField;
        (input as HTMLInputElement).focus();
      }, field);
      await e2e.tab.press('Alt+Shift+ArrowDown');
      await new Promise((done) => setTimeout(done, 500));
      expect(await e2e.tab.cardText()).toBe('');
    }
    const prevented = await e2e.tab.evaluate(() => (window as unknown as { defaultPrevented: boolean[] }).defaultPrevented, undefined);
    expect(prevented).toEqual([false, false, false, false]);
    await e2e.tab.evaluate(() => {
      document.getElementById('light-field')?.remove();
      document.querySelector('search-box')?.remove();
      document.querySelector('closed-search-box')?.remove();
      document.querySelector('closed-combo-box')?.remove();
    }, undefined);
  });

  it('steps from a button inside a closed component: the extension sees that no field has focus there', async () => {
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'no card open');
    await e2e.tab.evaluate(() => {
      const host = document.createElement('closed-toolbar');
      const button = Object.assign(document.createElement('button'), { textContent: 'Share' });
      host.attachShadow({ mode: 'closed' }).append(button);
      document.body.prepend(host);
      button.focus();
    }, undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await e2e.tab.cardText()).includes('Source:'), 'a card to open');
    await e2e.tab.press('Escape');
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close');
    await e2e.tab.evaluate(() => document.querySelector('closed-toolbar')?.remove(), undefined);
  });
});
