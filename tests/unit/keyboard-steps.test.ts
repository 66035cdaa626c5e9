/**
 * Where Alt+Shift+↓ / ↑ go (entrypoints/content/keyboard-steps.ts), over
 * mentions drawn at given places in a window 800 px high (the test DOM has
 * no layout, so each mention says where it is drawn).
 */
import { describe, expect, it } from 'vitest';
import type { PaintedMention } from '../../entrypoints/content/highlights';
import { isEditing, nextMention } from '../../entrypoints/content/keyboard-steps';

/** A mention drawn from `top` to `top + 20` (a hidden one when `top` is null). */
function mentionAt(text: string, top: number | null): PaintedMention {
  const node = document.createTextNode(text);
  const range = document.createRange();
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

describe('isEditing', () => {
  it('leaves keys to fields, editors and components whose focus it cannot see, not to one that takes focus itself', () => {
    const closed = document.createElement('closed-field');
    closed.attachShadow({ mode: 'closed' });
    const focusable = Object.assign(document.createElement('light-widget'), { tabIndex: 0 });
    const editor = Object.assign(document.createElement('div'), { contentEditable: 'true' });
    document.body.append(editor);
    expect([document.createElement('input'), document.createElement('textarea'), closed, editor].map(isEditing)).toEqual([true, true, true, true]);
    expect([document.body, focusable, document.createElement('button')].map(isEditing)).toEqual([false, false, false]);
    editor.remove();
  });
});
