/**
 * Which frames wait before starting: a frame whose body holds nothing yet,
 * and not a tab's top page, a frame with text or elements, or one whose body
 * shows a shadow root's content; and that the wait ends when something is put
 * in the body.
 */
import { describe, expect, it, vi } from 'vitest';
import { isEmptyFrame, whenFrameFilled } from '../../entrypoints/content/frame-filling';

/**
 * A document that stands for a frame's: its window is not its tab's top
 * window. (The test DOM loads no frames of its own.)
 */
function emptyFrame(): Document {
  const doc = document.implementation.createHTMLDocument('');
  const frameWindow = { top: window };
  Object.defineProperty(doc, 'defaultView', { value: frameWindow });
  return doc;
}

describe('isEmptyFrame', () => {
  it('takes a frame whose body holds nothing, or only white space, for empty', () => {
    const doc = emptyFrame();
    expect(isEmptyFrame(doc)).toBe(true);
    doc.body.append(doc.createTextNode('  \n '));
    expect(isEmptyFrame(doc)).toBe(true);
  });

  it('does not take the top page, a frame with text or an element, or a body with a shadow root for empty', () => {
    expect(isEmptyFrame(document)).toBe(false);
    const withText = emptyFrame();
    withText.body.append('Kim Jong-un');
    expect(isEmptyFrame(withText)).toBe(false);
    const withElement = emptyFrame();
    withElement.body.append(withElement.createElement('ad-slot'));
    expect(isEmptyFrame(withElement)).toBe(false);
    const withShadow = emptyFrame();
    withShadow.body.attachShadow({ mode: 'open' }).append('North Korea');
    expect(isEmptyFrame(withShadow)).toBe(false);
  });
});

describe('whenFrameFilled', () => {
  it('starts once, when an element is put in the body, not for changes to the head', async () => {
    const doc = emptyFrame();
    const filled = vi.fn();
    whenFrameFilled(doc, filled);
    doc.head.append(doc.createElement('style'));
    await new Promise((done) => setTimeout(done, 0));
    expect(filled).not.toHaveBeenCalled();
    doc.body.append(doc.createElement('div'));
    doc.body.append(doc.createElement('p'));
    await new Promise((done) => setTimeout(done, 0));
    expect(filled).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when told to', async () => {
    const doc = emptyFrame();
    const filled = vi.fn();
    whenFrameFilled(doc, filled)();
    doc.body.append('Otto Warmbier');
    await new Promise((done) => setTimeout(done, 0));
    expect(filled).not.toHaveBeenCalled();
  });
});
