/**
 * Where Alt+Shift+↓ / ↑ go (entrypoints/content/keyboard-steps.ts), over
 * mentions drawn at given places in a window 800 px high (the test DOM has
 * no layout, so each mention says where it is drawn).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PaintedMention } from '../../entrypoints/content/highlights';
import { isEditing, nextMention, reachableMentions } from '../../entrypoints/content/keyboard-steps';

/** A mention drawn from `top` to `top + 20` (a hidden one when `top` is null). */
function mentionAt(text: string, top: number | null): PaintedMention {
  const node = document.createTextNode(text);
  const range = document.createRange();
  range.selectNodeContents(node);
  const rect = top === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(10, top, 80, 20);
  range.getBoundingClientRect = () => rect;
  return { start: 0, end: text.length, entityId: text, kind: 'person', text, range, textNodes: [node], startNode: node } as unknown as PaintedMention;
}

const HEIGHT = 800;
Object.defineProperty(window, 'innerHeight', { value: HEIGHT, configurable: true });

// Read down the page: two names above the window, two in it, one below.
const above = [mentionAt('first', -900), mentionAt('second', -300)];
const inView = [mentionAt('third', 100), mentionAt('fourth', 500)];
const below = mentionAt('fifth', 1400);
const mentions = [...above, ...inView, below];
const name = (mention: PaintedMention | undefined) => mention?.text;

describe('nextMention', () => {
  it('steps on from the last card while it is in view, either way, round the ends', () => {
    expect(name(nextMention(document, mentions, inView[0], 1))).toBe('fourth');
    expect(name(nextMention(document, mentions, inView[0], -1))).toBe('second');
    expect(name(nextMention(document, [inView[0] as PaintedMention, inView[1] as PaintedMention], inView[1], 1))).toBe('third');
  });

  it('steps on from the name the page wrote in the place of the last card’s (a ticker), not from the first in view', () => {
    const ticker = document.createElement('p');
    document.body.append(ticker);
    // The name stepped to, in the ticker; the page then writes the ticker's text anew, and the browser
    // collapses the name's live range into the ticker (the test DOM does not update live ranges).
    const old = mentionAt('ticker', 20);
    const anew = mentionAt('ticker anew', 20);
    ticker.append(anew.startNode);
    old.range.setStart(ticker, 0);
    old.range.collapse(true);
    const withTicker = [...above, anew, ...inView, below];
    expect(name(nextMention(document, withTicker, old, 1))).toBe('third');
    expect(name(nextMention(document, withTicker, old, -1))).toBe('second');
    // Not yet marked anew: from where the reader is.
    expect(name(nextMention(document, mentions, old, 1))).toBe('third');
    ticker.remove();
  });

  it('starts from where the reader is when the last card’s name was scrolled away', () => {
    expect(name(nextMention(document, mentions, above[0], 1))).toBe('third');
    expect(name(nextMention(document, mentions, above[0], -1))).toBe('fourth');
    expect(name(nextMention(document, mentions, undefined, 1))).toBe('third');
  });

  it('starts from where the reader is when the last card’s name was scrolled out of a box around it', () => {
    const box = document.createElement('div');
    box.style.overflow = 'auto';
    box.getBoundingClientRect = () => new DOMRect(0, 400, 600, 200);
    document.body.append(box);
    const inBox = mentionAt('in a box', 100);
    box.append(inBox.startNode);
    // Drawn at 100 px, in the window, but the box shows 400 to 600 px: scrolled out of it.
    expect(name(nextMention(document, [...mentions, inBox], inBox, 1))).toBe('third');
    box.getBoundingClientRect = () => new DOMRect(0, 50, 600, 200);
    expect(name(nextMention(document, [...mentions, inBox], inBox, 1))).toBe('first');
    box.remove();
  });

  it('skips a name that is not drawn, and goes round when none is in view', () => {
    const hidden = mentionAt('hidden', null);
    expect(name(nextMention(document, [hidden, ...inView], undefined, 1))).toBe('third');
    expect(name(nextMention(document, above, undefined, 1))).toBe('first');
    expect(name(nextMention(document, [below], undefined, -1))).toBe('fifth');
  });
});

describe('nextMention, with a header that stays put', () => {
  afterEach(() => document.body.replaceChildren());

  /** A name in a header the page keeps at the top of the window as it scrolls (fixed, or sticky once stuck). */
  function inHeader(position: 'fixed' | 'sticky'): PaintedMention {
    const header = document.createElement('header');
    header.style.position = position;
    const link = document.createElement('a');
    header.append(link);
    document.body.append(header);
    const mention = mentionAt(`header (${position})`, 10);
    link.append(mention.startNode);
    return mention;
  }

  it.each(['fixed', 'sticky'] as const)('steps from where the reader is, not from a name in a %s header, which is always in view', (position) => {
    const header = inHeader(position);
    const withHeader = [header, ...above, ...inView, below];
    expect(name(nextMention(document, withHeader, undefined, 1))).toBe('third');
    // Its card opened (the reader went round to it): the next step is where the reader is, not the page's top.
    expect(name(nextMention(document, withHeader, header, 1))).toBe('third');
    expect(name(nextMention(document, withHeader, header, -1))).toBe('fourth');
    // Round the end, the header's name is reached like any other.
    expect(name(nextMention(document, withHeader, below, 1))).toBe('third');
    expect(name(nextMention(document, [header, ...above], above[1], 1))).toBe(header.text);
  });

  /** Names inside a box of `style`, inside a fixed one (an app shell), at the given tops. */
  function inFixedShell(innerStyle: string, tops: number[]): PaintedMention[] {
    const shell = document.createElement('div');
    shell.style.position = 'fixed';
    const inner = document.createElement('main');
    inner.style.cssText = innerStyle;
    // Drawn over the whole window (the test DOM has no layout).
    inner.getBoundingClientRect = () => new DOMRect(0, 0, 800, HEIGHT);
    shell.append(inner);
    document.body.append(shell);
    return tops.map((top, at) => {
      const mention = mentionAt(`name ${at + 1}`, top);
      inner.append(mention.startNode);
      return mention;
    });
  }

  it('steps on through names in a box that scrolls inside a fixed one (an app that scrolls its main column)', () => {
    const names = inFixedShell('overflow-y: auto', [100, 300, 500]);
    expect(name(nextMention(document, names, undefined, 1))).toBe('name 1');
    expect(name(nextMention(document, names, names[0], 1))).toBe('name 2');
    expect(name(nextMention(document, names, names[1], 1))).toBe('name 3');
  });

  it('steps on in order where every name stays put (a page that locks its scrolling with a fixed body)', () => {
    const names = inFixedShell('', [100, 300, 500]);
    expect(name(nextMention(document, names, undefined, 1))).toBe('name 1');
    expect(name(nextMention(document, names, names[0], 1))).toBe('name 2');
    expect(name(nextMention(document, names, names[2], 1))).toBe('name 1');
    expect(name(nextMention(document, names, names[0], -1))).toBe('name 3');
  });
});

describe('reachableMentions', () => {
  afterEach(() => {
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    document.body.replaceChildren();
  });

  it('keeps a name scrolled out of view above, in a box that scrolls inside the page', () => {
    const column = document.createElement('main');
    column.style.overflowY = 'auto';
    Object.defineProperty(column, 'scrollTop', { value: 800, configurable: true });
    document.body.append(column);
    const scrolledPast = mentionAt('scrolled past', -500);
    column.append(scrolledPast.startNode);
    expect(reachableMentions(document, [scrolledPast, ...inView]).map(name)).toEqual(['scrolled past', 'third', 'fourth']);
  });

  it('leaves out a name put before the start of the page (a skip link at -9999px), not one scrolled past', () => {
    const skipLink = mentionAt('skip link', 10);
    skipLink.range.getBoundingClientRect = () => new DOMRect(-9999, 10, 80, 20);
    const abovePageTop = mentionAt('above the page', -9999);
    Object.defineProperty(window, 'scrollY', { value: 1000, configurable: true });
    expect(reachableMentions(document, [skipLink, abovePageTop, ...above, ...inView, below]).map(name)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
      'fifth',
    ]);
  });
});

/** A component with a closed shadow root holding `inner`, focused; as the page's listeners see it, only the host is the target. */
function closedComponentFocusedOn(inner: HTMLElement, attrs: { tabIndex?: number } = {}): { host: HTMLElement; root: ShadowRoot } {
  const host = Object.assign(document.createElement('closed-widget'), attrs);
  const root = host.attachShadow({ mode: 'closed' });
  root.append(inner);
  document.body.append(host);
  inner.focus();
  return { host, root };
}

describe('isEditing', () => {
  beforeEach(() => {
    // As in Chromium, where the polyfill passes its dom API through: every shadow root, open or closed.
    vi.spyOn(fakeBrowser.dom, 'openOrClosedShadowRoot').mockImplementation((element) => element.shadowRoot);
  });

  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('leaves keys to fields and editors, in the page and in open components, and takes them elsewhere', () => {
    const editor = Object.assign(document.createElement('div'), { contentEditable: 'true' });
    const open = document.createElement('open-widget');
    const field = document.createElement('textarea');
    open.attachShadow({ mode: 'open' }).append(field);
    document.body.append(editor, open);
    field.focus();
    expect([document.createElement('input'), document.createElement('textarea'), editor, open].map(isEditing)).toEqual([true, true, true, true]);
    const focusable = Object.assign(document.createElement('light-widget'), { tabIndex: 0 });
    expect([document.body, focusable, document.createElement('button')].map(isEditing)).toEqual([false, false, false]);
  });

  it('leaves keys to fields that take text, not to a checkbox, a radio button, a range or a button of a form', () => {
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(['text', 'search', 'email', 'number', 'password', 'date'].map((type) => isEditing(input(type)))).toEqual([true, true, true, true, true, true]);
    expect(['checkbox', 'radio', 'range', 'submit', 'button', 'reset', 'color', 'file'].map((type) => isEditing(input(type)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isEditing(document.createElement('select'))).toBe(true);
  });

  it('looks into a closed component as Firefox lets content scripts: a field inside is the page’s, a button is not', () => {
    const field = closedComponentFocusedOn(document.createElement('input'), { tabIndex: 0 });
    Object.defineProperty(field.host, 'openOrClosedShadowRoot', { value: field.root });
    expect(isEditing(field.host)).toBe(true);
    const button = closedComponentFocusedOn(document.createElement('button'));
    Object.defineProperty(button.host, 'openOrClosedShadowRoot', { value: button.root });
    expect(isEditing(button.host)).toBe(false);
  });

  it('looks into a closed component through Chromium’s dom API', () => {
    const roots = new Map<Element, ShadowRoot>();
    vi.spyOn(fakeBrowser.dom, 'openOrClosedShadowRoot').mockImplementation((element) => roots.get(element as HTMLElement) ?? null);
    const field = closedComponentFocusedOn(document.createElement('textarea'), { tabIndex: 0 });
    roots.set(field.host, field.root);
    expect(isEditing(field.host)).toBe(true);
    const button = closedComponentFocusedOn(document.createElement('button'));
    roots.set(button.host, button.root);
    expect(isEditing(button.host)).toBe(false);
  });
});
