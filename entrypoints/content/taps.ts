/**
 * Taps of a finger or pen: a touch that lifts soon, near where it went down.
 * A finger that moves is scrolling, one held still is pressing for a menu:
 * neither is a tap.
 */
import { flatTreeAncestors } from './flat-tree';

/** A touch that moves further, or lasts longer, is a scroll or a long press, not a tap. */
const TAP_SLOP_PX = 10;
const TAP_MAX_MS = 500;

export type TapHandlers = {
  /** Whether a touch going down may start a tap that matters (not one in the card, nor on a page with nothing to hit). */
  mayTap(event: PointerEvent): boolean;
  /** A tap at a point of the window; true when the click that follows must not follow a link (the tap showed a card). */
  onTap(x: number, y: number): boolean;
};

/**
 * What a tap sets going: a link, a <details>' summary, a label (which ticks its box), an element a page
 * made a link or a button, or one with a click handler in its markup.
 */
const ACTS_ON_TAP = 'a[href],summary,label,[role=link],[role=button],[onclick]';

/**
 * True when a node is inside something a tap sets going (in the flat tree: a component's link around its
 * slot too): the first tap on a mention there shows its card only, the second does what the page meant.
 */
export function actsOnTap(node: Node): boolean {
  for (const element of flatTreeAncestors(node)) if (element.matches(ACTS_ON_TAP)) return true;
  return false;
}

/** Tells `onTap` of each tap of the reader's own (not of events a page script makes up) until `signal` aborts. */
export function watchTaps(doc: Document, signal: AbortSignal, { mayTap, onTap }: TapHandlers): void {
  /** A touch or pen that went down (its event: where and when), until it lifts. */
  let touch: PointerEvent | undefined;
  /** The lift of a tap which showed a card for a mention in a link: the click that follows it is kept. */
  let keepClick: PointerEvent | undefined;
  const options = { capture: true, passive: true, signal };

  doc.addEventListener(
    'pointerdown',
    (event) => {
      // A finger that goes down may be starting a scroll: wait for it to lift.
      if (event.isTrusted && event.pointerType !== 'mouse' && mayTap(event)) touch = event;
    },
    options,
  );

  doc.addEventListener(
    'pointercancel',
    (event) => {
      if (event.pointerId === touch?.pointerId) touch = undefined;
    },
    options,
  );

  doc.addEventListener(
    'pointerup',
    (event) => {
      const down = touch;
      if (!event.isTrusted || event.pointerId !== down?.pointerId) return;
      touch = undefined;
      const moved = Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY);
      if (moved > TAP_SLOP_PX || event.timeStamp - down.timeStamp > TAP_MAX_MS) return;
      if (onTap(event.clientX, event.clientY)) keepClick = event;
    },
    options,
  );

  doc.addEventListener(
    'click',
    (event) => {
      const kept = keepClick;
      keepClick = undefined;
      const fromTheTap =
        kept && event.timeStamp - kept.timeStamp < TAP_MAX_MS && Math.hypot(event.clientX - kept.clientX, event.clientY - kept.clientY) <= TAP_SLOP_PX;
      if (!fromTheTap || !event.isTrusted) return;
      // Neither the browser nor the page's own handlers (some navigate whatever defaultPrevented says) follow it.
      event.preventDefault();
      event.stopPropagation();
    },
    { capture: true, signal },
  );
}
