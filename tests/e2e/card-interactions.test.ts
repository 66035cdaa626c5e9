/**
 * The card as a person uses it beyond hovering: stepping through mentions
 * from the keyboard, following a related entity, closing with Escape, a tap
 * on a touch screen, and the card closing when the pointer leaves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import entities from '../../data/entities.json';
import { revealHighlight } from '../../scripts/browsers/page-probes';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, hoverMention, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

describe.each(browsersUnderTest())('%s: using the card', (name) => {
  const e2e = useExtensionBrowser(name);

  beforeAll(async () => {
    // Focus, as a reader's window has it: keys activate buttons, and focus moves with events.
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
  });

  /**
   * True when the card's heading (kind label, then name) is this entity's, as a person reads it (after a
   * way back, on a related entity's card; after the place of a mention stepped to).
   */
  function isCardOf(card: string, entityId: string): boolean {
    const entity = entities.find((candidate) => candidate.id === entityId);
    if (!entity) throw new Error(`no entity ${entityId}`);
    const heading = card
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^← .*? (?=(organisation|state|person|event|document|topic) )/i, '')
      .replace(/ · mention \d+ of \d+/i, '');
    return heading.toLowerCase().startsWith(`${entity.kind} ${entity.name}`.toLowerCase());
  }

  async function cardShows(text: string): Promise<string> {
    let card = '';
    await waitFor(async () => {
      card = await e2e.tab.cardText();
      return card.includes(text) && card.includes('Source:');
    }, `the card to show ${text}`);
    return card;
  }

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

  it('closes a card whose name the page takes away or writes anew, and gives focus back where it was', async () => {
    // A single-page app moves to another view while the card of a name in the first one is open.
    await e2e.tab.goto(`${e2e.server.origin}/pages/live.html`);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'Stephen Biegun'), 'the first view');
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'stephen-biegun'), 'the card of Stephen Biegun');
    await e2e.tab.evaluate(() => (window as unknown as { navigateTo(view: string): void }).navigateTo('second'), undefined);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close with its name');
    expect(await e2e.tab.evaluate(() => document.activeElement === document.body, undefined)).toBe(true);
    // A live ticker writes the name pointed at anew.
    await e2e.tab.goto(`${e2e.server.origin}/pages/ticker.html?still`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the ticker and the article to be highlighted');
    await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    await e2e.tab.evaluate(() => (window as unknown as { tick(name: string): void }).tick('China'), undefined);
    await waitFor(async () => (await e2e.tab.cardText()) === '', 'the card to close when the ticker writes another name over its name');
  });

  it('keeps a card open, and on its name, when the page draws the same name anew where it stood', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/ticker.html?still`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the ticker and the article to be highlighted');
    // From the keyboard: the card holds focus, and no pointer keeps it open.
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'north-korea'), 'the card of the ticker’s North Korea');
    for (let item = 0; item < 3; item++) {
      await e2e.tab.evaluate(() => (window as unknown as { tick(): void }).tick(), undefined);
      await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'North Korea'), 'the ticker marked anew');
    }
    // The ticker's element swapped for a copy of itself, as htmx swaps a part (its outerHTML).
    await e2e.tab.evaluate(() => {
      const ticker = document.getElementById('ticker');
      ticker?.replaceWith(ticker.cloneNode(true));
    }, undefined);
    await waitForHighlights(e2e.tab, (found) => found.some((range) => range.text === 'North Korea'), 'the swapped ticker marked');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(isCardOf(await e2e.tab.cardText(), 'north-korea')).toBe(true);
    expect(await e2e.tab.evaluate(() => document.activeElement === document.body, undefined)).toBe(false);
    // The next step goes on from the name now on the page.
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'un-security-council'), 'the card of the Council, next after the ticker');
  });

  it('closes a card whose name a feed drops while another of that name moves up into its place', async () => {
    // Rows as elements of their own, and as lines of one element.
    for (const [rows, dropFirst] of [
      ['<p>Otto Warmbier, first row</p><p>Otto Warmbier, second row</p>', 'element'],
      ['<p>Otto Warmbier, first row<br>Otto Warmbier, second row</p>', 'line'],
    ] as const) {
      await e2e.tab.goto(`${e2e.server.origin}/pages/ticker.html?still`);
      await e2e.tab.evaluate((html) => {
        const feed = Object.assign(document.createElement('div'), { id: 'feed' });
        feed.innerHTML = html;
        document.body.prepend(feed);
      }, rows);
      await waitForHighlights(e2e.tab, (found) => found.filter((range) => range.text === 'Otto Warmbier').length === 2, 'the feed to be highlighted');
      await e2e.tab.press('Alt+Shift+ArrowDown');
      await waitFor(async () => isCardOf(await e2e.tab.cardText(), 'otto-warmbier'), 'the card of the first row’s Otto Warmbier');
      await e2e.tab.evaluate((what) => {
        const first = document.querySelector('#feed p');
        if (what === 'element') first?.remove();
        else for (const node of [first?.firstChild, first?.querySelector('br')]) node?.remove();
      }, dropFirst);
      await waitFor(async () => (await e2e.tab.cardText()) === '', `the card to close with its row (${dropFirst})`);
    }
  });

  it('closes a card whose name the page hides or takes out of reading, and gives focus back', async () => {
    for (const [attribute, value] of [
      ['hidden', ''],
      ['data-peninsula-lens', 'off'],
    ] as const) {
      await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
      await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
      await e2e.tab.press('Alt+Shift+ArrowDown');
      await cardShows('UN Security Council');
      await e2e.tab.evaluate(({ name, set }) => document.querySelector('h1')?.setAttribute(name, set), { name: attribute, set: value });
      await waitFor(async () => (await e2e.tab.cardText()) === '', `the card to close when its name's part gets ${attribute}`);
      expect(await e2e.tab.evaluate(() => document.activeElement === document.body, undefined)).toBe(true);
    }
  });

  it('opens no card for a name the page wrote anew while the pointer came to rest on it', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/ticker.html?still`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the ticker and the article to be highlighted');
    const mention = await e2e.tab.evaluate(revealHighlight, 'North Korea');
    if (!mention) throw new Error('no North Korea');
    // The card opens 120 ms after the pointer stops; the page writes the ticker anew 30 ms after the pointer
    // reaches it, timed in the page: a tick sent by the test could come after 120 ms on a busy machine, and
    // a card already open rightly stays on the name written anew in its place.
    await e2e.tab.evaluate(() => {
      const page = window as unknown as { tick(): void; ticked?: boolean };
      document.getElementById('ticker')?.addEventListener(
        'pointermove',
        () =>
          setTimeout(() => {
            page.tick();
            page.ticked = true;
          }, 30),
        { once: true },
      );
    }, undefined);
    await e2e.tab.hover(mention.x + mention.width / 2, mention.y + mention.height / 2);
    await waitFor(() => e2e.tab.evaluate(() => (window as unknown as { ticked?: boolean }).ticked === true, undefined), 'the page to write the ticker anew');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await e2e.tab.cardText()).toBe('');
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

describe.each(browsersUnderTest())('%s: the card when the site is turned off', (name) => {
  const e2e = useExtensionBrowser(name);

  it('gives focus back where it was when the site is turned off while its card holds it', async () => {
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/card-cases.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the page to be highlighted');
    await e2e.tab.evaluate(() => document.getElementById('start')?.focus(), undefined);
    await e2e.tab.press('Alt+Shift+ArrowDown');
    await waitFor(async () => (await e2e.tab.cardText()).includes('Source:'), 'the card to open');
    await waitFor(() => e2e.tab.evaluate(() => document.activeElement?.localName.startsWith('peninsula-lens-card-') === true, undefined), 'focus in the card');
    const popup = await e2e.browser.openPopup('127.0.0.1');
    try {
      await popup.clickSwitch();
      await waitFor(async () => (await highlightsOn(e2e.tab)).length === 0, 'the marks to go with the site turned off');
      expect(await e2e.tab.cardText()).toBe('');
      expect(await e2e.tab.evaluate(() => document.activeElement?.id, undefined)).toBe('start');
      await popup.clickSwitch();
      await waitForHighlights(e2e.tab, (found) => found.length >= 4, 'the marks to come back');
    } finally {
      await popup.close();
    }
  });
});
