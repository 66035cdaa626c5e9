/**
 * Tells a frame that the mouse pointer has gone out of it. A frame that
 * another process draws (a frame from another site, in Chromium) gets no event
 * at all when the pointer jumps straight out of it, from its card or its name
 * onto the page around it: its hover card stayed open, beside the page's own.
 * A frame whose hover card opens says so to the frame around it, which tells it
 * back at the first move of the mouse it sees itself; frames in between pass
 * both messages on. The messages are fixed strings that pages can hear and
 * send. A frame heeds "pointer outside" only from the frame around it and
 * only while a card it said was open may still be: a page that sends it can
 * at most close a card opened by hovering or tapping, as its own layout could
 * (covering the frame). A page that answers "card open" from a frame it made
 * learns that the extension is on, which the highlight registry already tells
 * any page with a name in it.
 */

const CARD_OPEN = 'peninsula-lens:hover-card-open';
const POINTER_OUTSIDE = 'peninsula-lens:pointer-outside';

export type FramePointer = {
  /** A hover card opened in this frame: the frame around it is to say when the pointer is back there. */
  cardOpened(): void;
};

/** True for a frame inside `win` (its window, from another site or not). */
function isChildOf(source: MessageEventSource | null, win: Window): source is Window {
  try {
    return source !== null && 'parent' in source && source.parent === win && source !== win;
  } catch {
    return false;
  }
}

/** Follows the pointer across the frame `win` and the frames in it until `signal` aborts; `onPointerOutside` runs when it went out of `win`. */
export function followPointerAcrossFrames(win: Window, onPointerOutside: () => void, signal: AbortSignal): FramePointer {
  const isTop = win.parent === win;
  /** Frames inside this one with a hover card open, waiting to hear that the pointer moved here. */
  const waiting = new Set<Window>();
  let moving: AbortController | undefined;
  /** This frame said its own card opened, and has not heard since that the pointer went out. */
  let ownCardSaid = false;

  const tellFrameAround = (): void => {
    if (!isTop) win.parent.postMessage(CARD_OPEN, '*');
  };
  const tellFramesInside = (): void => {
    for (const frame of waiting) frame.postMessage(POINTER_OUTSIDE, '*');
    waiting.clear();
    moving?.abort();
    moving = undefined;
  };

  win.addEventListener(
    'message',
    (event) => {
      // The sender first: reading `data` copies it into this script's world, and pages post to themselves
      // often (some schedule work that way), sometimes large objects.
      const { source } = event;
      if (!isTop && source === win.parent) {
        if (event.data !== POINTER_OUTSIDE) return;
        tellFramesInside();
        if (ownCardSaid) onPointerOutside();
        ownCardSaid = false;
      } else if (isChildOf(source, win) && event.data === CARD_OPEN) {
        waiting.add(source);
        if (!moving) {
          moving = new AbortController();
          const stopMoving = moving.signal;
          // A move here is a move outside every frame in this one: the pointer is not in them.
          win.document.addEventListener(
            'pointermove',
            (move) => {
              if (move.isTrusted && move.pointerType === 'mouse') tellFramesInside();
            },
            { capture: true, passive: true, signal: AbortSignal.any([signal, stopMoving]) },
          );
        }
        // The pointer may jump out of this frame too, straight from the one inside it.
        tellFrameAround();
      }
    },
    { signal },
  );
  return {
    cardOpened() {
      ownCardSaid = true;
      tellFrameAround();
    },
  };
}
