/**
 * The messages between frames that tell a frame the pointer went out of it
 * (frame-pointer.ts). The moves themselves are trusted events, which only a
 * real browser makes: tests/e2e/other-origin-frames.test.ts covers them.
 */
import { describe, expect, it, vi } from 'vitest';
import { followPointerAcrossFrames } from '../../entrypoints/content/frame-pointer';

const CARD_OPEN = 'peninsula-lens:hover-card-open';
const POINTER_OUTSIDE = 'peninsula-lens:pointer-outside';

/** A stand-in for a frame's window: it records what is posted to it and hears messages from whom the test says. */
type FakeWindow = EventTarget & { parent: FakeWindow; document: Document; posted: unknown[]; postMessage(data: unknown): void };

function fakeWindow(parent?: FakeWindow): FakeWindow {
  const target = new EventTarget() as FakeWindow;
  target.parent = parent ?? target;
  target.document = document.implementation.createHTMLDocument('frame');
  target.posted = [];
  target.postMessage = (data) => target.posted.push(data);
  return target;
}

function receive(win: FakeWindow, data: unknown, source: FakeWindow): void {
  const event = new MessageEvent('message', { data });
  Object.defineProperty(event, 'source', { value: source });
  win.dispatchEvent(event);
}

function follow(win: FakeWindow, onPointerOutside = vi.fn()) {
  const stop = new AbortController();
  const framePointer = followPointerAcrossFrames(win as unknown as Window, onPointerOutside, stop.signal);
  return { framePointer, onPointerOutside, stop };
}

describe('frame pointer', () => {
  it('tells the frame around it when a hover card opens, and nothing in a top-level window', () => {
    const top = fakeWindow();
    const frame = fakeWindow(top);
    follow(frame).framePointer.cardOpened();
    expect(top.posted).toEqual([CARD_OPEN]);
    follow(top).framePointer.cardOpened();
    expect(top.posted).toEqual([CARD_OPEN]);
  });

  it('hears that the pointer went out only from the frame around it, and only after saying a card opened', () => {
    const top = fakeWindow();
    const frame = fakeWindow(top);
    const stranger = fakeWindow();
    const { framePointer, onPointerOutside } = follow(frame);
    // Before any card opened: a page sending it closes nothing, and a name being hovered still opens.
    receive(frame, POINTER_OUTSIDE, top);
    framePointer.cardOpened();
    receive(frame, POINTER_OUTSIDE, stranger);
    receive(frame, POINTER_OUTSIDE, frame);
    receive(frame, 'something else', top);
    expect(onPointerOutside).not.toHaveBeenCalled();
    receive(frame, POINTER_OUTSIDE, top);
    expect(onPointerOutside).toHaveBeenCalledOnce();
    // Heard once per card said to be open.
    receive(frame, POINTER_OUTSIDE, top);
    expect(onPointerOutside).toHaveBeenCalledOnce();
  });

  it('passes a card opened deep inside on to the frame around it, and the pointer going out on to the frame inside', () => {
    const top = fakeWindow();
    const middle = fakeWindow(top);
    const inner = fakeWindow(middle);
    const { framePointer, onPointerOutside } = follow(middle);
    receive(middle, CARD_OPEN, inner);
    expect(top.posted).toEqual([CARD_OPEN]);
    receive(middle, POINTER_OUTSIDE, top);
    // The middle frame had no card of its own open: only the inner frame hears it.
    expect(onPointerOutside).not.toHaveBeenCalled();
    expect(inner.posted).toEqual([POINTER_OUTSIDE]);
    framePointer.cardOpened();
    receive(middle, POINTER_OUTSIDE, top);
    expect(onPointerOutside).toHaveBeenCalledOnce();
    // Told once: the inner frame is not waiting any more.
    receive(middle, POINTER_OUTSIDE, top);
    expect(inner.posted).toEqual([POINTER_OUTSIDE]);
  });

  it('does not read what a page posts to itself', () => {
    const top = fakeWindow();
    const frame = fakeWindow(top);
    follow(frame);
    const event = new MessageEvent('message');
    Object.defineProperty(event, 'source', { value: frame });
    const read = vi.fn(() => 'a large object');
    Object.defineProperty(event, 'data', { get: read });
    frame.dispatchEvent(event);
    expect(read).not.toHaveBeenCalled();
  });

  it('takes a card opened only from a frame inside it, and stops listening when stopped', () => {
    const top = fakeWindow();
    const middle = fakeWindow(top);
    const notInside = fakeWindow(fakeWindow());
    const { framePointer, onPointerOutside, stop } = follow(middle);
    receive(middle, CARD_OPEN, notInside);
    receive(middle, CARD_OPEN, middle);
    expect(top.posted).toEqual([]);
    framePointer.cardOpened();
    stop.abort();
    receive(middle, POINTER_OUTSIDE, top);
    expect(onPointerOutside).not.toHaveBeenCalled();
  });
});
