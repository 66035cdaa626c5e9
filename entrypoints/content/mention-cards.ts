/**
 * Opens a mention's card when a reader hovers it with a mouse, taps it, or
 * steps to it from the keyboard (Alt+Shift+↓ / Alt+Shift+↑), and closes it on
 * Escape, a tap elsewhere, or when the pointer leaves.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { errorMessage } from '../../utils/error-message';
import type { CardHost } from './card-host';
import { markCurrent } from './current-mark';
import { cachedLookUp } from './entity-lookups';
import { followPointerAcrossFrames } from './frame-pointer';
import type { MentionHighlights, PaintedMention } from './highlights';
import { isLinkAt, mentionAtPoint } from './hit-test';
import { isEditing, nextMention, reachableMentions, scrollToMiddle } from './keyboard-steps';
import { createLazyCardHost } from './lazy-card-host';
import { oncePerFrame } from './once-per-frame';
import { actsOnTap, watchTaps } from './taps';

const HOVER_OPEN_DELAY_MS = 120;
const HOVER_CLOSE_DELAY_MS = 350;

export type MentionCards = {
  close(): void;
  /** After a change to the page: a card whose name the page took away, wrote anew (a new view, a ticker) or hid closes. */
  pageChanged(): void;
  destroy(): void;
};

/**
 * How far along its line a name drawn anew may stand from where it stood: a clock or a counter before it
 * on the same line ("10:02 North Korea…") moves it sideways as its digits change.
 */
const SIDEWAYS_PX = 80;

/** True for a box on the same line as another (to within a pixel) and near it along the line. */
const isNear = (one: DOMRect, other: DOMRect): boolean => Math.abs(one.y - other.y) < 1 && Math.abs(one.x - other.x) < SIDEWAYS_PX;

/** Wires cards to the painted mentions of `doc`; `destroy` removes every listener and the card. */
export function attachMentionCards(doc: Document, highlights: MentionHighlights): MentionCards {
  const listening = new AbortController();
  const { signal } = listening;
  const lookUp = cachedLookUp();
  let current: PaintedMention | undefined;
  /** The entity whose card is open: the mention's own, or one related to it. */
  let shownEntityId: string | undefined;
  let lookup = 0;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pointer's last move outside the card (where it went), for the next frame's hit test; none once it is in the card. */
  let pointer: PointerEvent | undefined;
  let returnFocusTo: HTMLElement | undefined;
  /**
   * A card opened from the keyboard, or one the reader pressed in (to select
   * a quote, to follow a related name), stays until the reader closes it.
   */
  let pinned = false;
  /** A key the cards acted on (an Escape that closed a card in view, a step): its release is kept from the page too. */
  let keyToRelease: string | undefined;
  /** The last key pressed was Tab, inside the card: focus leaving it now is the reader's doing. */
  let tabbedOut = false;
  /** The mention whose card opened last: the keyboard steps on from it, after its card closed too. */
  let lastOpened: PaintedMention | undefined;
  /** Where the open card's mention stands among the page's ("mention 3 of 16"), when the keyboard stepped to it. */
  let steppedPlace: string | undefined;
  /** The related entity the reader left the mention's own card for, and whether it showed every fact then. */
  let leftFor: [relatedId: string, allFacts: boolean] | undefined;
  /** The last mention's own entity (its card: the id and the name as the article writes it), for the way back from a related one. */
  let ownName: { id: string; name: string } | undefined;
  /** Whether the open card's name is marked as the one a step went to (current-mark.ts). */
  let marked = false;
  /** The open card's name's box as last seen: where the name stands, also once the page took it away. */
  let box = new DOMRect();
  /** What the open card is placed by: its name's box (floating-ui asks for its lines only in its `inline` middleware, not used). */
  const anchor: VirtualElement = {
    getBoundingClientRect() {
      const rect = current?.range.getBoundingClientRect();
      if (rect?.width) box = rect;
      return box;
    },
    get contextElement() {
      return current?.startNode.parentElement ?? undefined;
    },
  };

  const host: CardHost = createLazyCardHost(doc, {
    onClose: () => close(true),
    onOpenEntity: (entityId, name) => {
      if (!current) return;
      const back = entityId === current.entityId;
      // Back at the mention's own entity, the card is as the reader left it: where the name stands, its
      // facts folded or not, and focus on the related name they took.
      if (!back) leftFor = [entityId, host.showsAllFacts()];
      void open(current, { entityId, name, focus: true, place: back ? steppedPlace : undefined, leftFor: back ? leftFor : undefined });
    },
  });

  /** The mouse left this frame or window: a hover card closes as when it leaves the name. */
  function pointerLeft(): void {
    pointer = undefined;
    onHover(-1, -1);
  }

  // A frame from another site may get no event when the pointer jumps out of it: the frame around it says so.
  const view = doc.defaultView;
  const framePointer = view && followPointerAcrossFrames(view, pointerLeft, signal);

  /** True when the open card is this mention's own (not a related entity's shown at its place). */
  function isShowing(mention: PaintedMention): boolean {
    return mention.range === current?.range && mention.entityId === shownEntityId && host.isOpen();
  }

  function clearTimers(): void {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    openTimer = undefined;
    closeTimer = undefined;
  }

  /** Opens the card of `mention`, or of a related entity (`entityId`, called `name`) at the mention's place. */
  async function open(
    mention: PaintedMention,
    options: { entityId?: string; name?: string; focus?: boolean; place?: string; leftFor?: [string, boolean] } = {},
  ): Promise<void> {
    clearTimers();
    // Its text rewritten since the pointer came to rest on it: nothing to stand by.
    if (mention.range.collapsed) return;
    current = mention;
    // A keyboard step's name (and a related entity's card shown at it) is marked as the one the card is for.
    showMark(options.focus === true);
    lastOpened = mention;
    shownEntityId = options.entityId ?? mention.entityId;
    pinned = options.focus === true;
    if (!pinned) framePointer?.cardOpened();
    const id = ++lookup;
    const name = options.name ?? mention.text;
    // A related entity's card keeps the place for the way back; any other card has its own.
    if (!options.entityId) steppedPlace = options.place;
    const { place } = options;
    host.show({ status: 'loading', name, place }, anchor);
    try {
      const { card } = await lookUp(options.entityId ?? mention.entityId);
      if (id !== lookup) return;
      if (card && card.id === mention.entityId) ownName = card;
      // A related entity's card, at the mention's place, leads back to the mention's own, by its own name
      // (not the page's spelling, which may be in another language).
      const back = ownName?.id === mention.entityId ? ownName.name : mention.text;
      const backTo = shownEntityId === mention.entityId ? undefined : { id: mention.entityId, name: back };
      host.show(
        card
          ? { status: 'ready', card, backTo, place, allFacts: options.leftFor?.[1] }
          : { status: 'failed', name, place, message: 'The bundled article has no facts about this name.' },
        anchor,
      );
    } catch (error) {
      if (id !== lookup) return;
      const reason = errorMessage(error);
      host.show({ status: 'failed', name, place, message: `The facts could not be looked up: ${reason}` }, anchor);
    }
    if (options.focus) host.focus(options.leftFor?.[0]);
  }

  function showMark(mark: boolean): void {
    if (mark) markCurrent(current?.range);
    else if (marked) markCurrent(undefined);
    marked = mark;
  }

  function close(restoreFocus = false): void {
    clearTimers();
    lookup++;
    current = undefined;
    showMark(false);
    shownEntityId = undefined;
    host.hide();
    // Without scrolling: the reader keeps the place the steps took them to.
    if (restoreFocus) returnFocusTo?.focus({ preventScroll: true });
    returnFocusTo = undefined;
  }

  function onHover(x: number, y: number): void {
    const mention = mentionAtPoint(doc, highlights, x, y);
    if (mention) {
      clearTimeout(closeTimer);
      closeTimer = undefined;
      // Pointing at the mention whose card is open changes nothing; with a related entity's card open
      // there, it brings the mention's own card back.
      if (isShowing(mention)) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(() => void open(mention), HOVER_OPEN_DELAY_MS);
      // Asked now, answered (or failed, and told by the card) when it opens.
      lookUp(mention.entityId).catch(() => undefined);
      return;
    }
    clearTimeout(openTimer);
    openTimer = undefined;
    if (host.isOpen() && !pinned && closeTimer === undefined) closeTimer = setTimeout(() => close(), HOVER_CLOSE_DELAY_MS);
  }

  /** Opens the card of the next or previous of `mentions` (those the reader can reach: never none). */
  function step(direction: 1 | -1, mentions: readonly PaintedMention[]): void {
    const next = nextMention(doc, mentions, current ?? lastOpened, direction);
    if (!next) return;
    if (!returnFocusTo && doc.activeElement instanceof HTMLElement) returnFocusTo = doc.activeElement;
    scrollToMiddle(doc, next);
    void open(next, { focus: true, place: `mention ${mentions.indexOf(next) + 1} of ${mentions.length}` });
  }

  /** Most pages have no mention at all: with none and no card open, a pointer has nothing to hit. */
  const nothingToHit = (): boolean => highlights.count() === 0 && !host.isOpen();

  // Turned off for the site since the pointer moved: no card opens after that (the signal).
  const hoverAtNextFrame = oncePerFrame(() => pointer && onHover(pointer.clientX, pointer.clientY), signal);

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType !== 'mouse' || !event.isTrusted) return;
      if (host.contains(event)) {
        // Back in the card: a mention the pointer brushed on the way opens nothing.
        clearTimers();
        pointer = undefined;
        return;
      }
      if (nothingToHit()) return;
      // One hit test per frame, at the latest position: the pointer may have moved several times since.
      pointer = event;
      hoverAtNextFrame();
    },
    { capture: true, passive: true, signal },
  );

  // Out of this frame or window: no more moves come here to close a card the pointer opened.
  doc.addEventListener(
    'pointerout',
    (event) => {
      if (event.isTrusted && event.pointerType === 'mouse' && !event.relatedTarget) pointerLeft();
    },
    { capture: true, passive: true, signal },
  );

  doc.addEventListener(
    'pointerdown',
    (event) => {
      // Only the reader's own pointer opens cards, not events a page script makes up.
      if (!event.isTrusted) return;
      // Pressed in the card: a drag that selects a quote past its edge, or a context menu (which the page
      // sees the pointer leave for) to copy it, does not close it.
      if (host.contains(event)) {
        pinned = true;
        clearTimers();
        return;
      }
      // A click elsewhere closes (a touch waits to be a tap: taps.ts).
      if (event.pointerType === 'mouse' && host.isOpen() && !mentionAtPoint(doc, highlights, event.clientX, event.clientY)) close();
    },
    { capture: true, passive: true, signal },
  );

  watchTaps(doc, signal, {
    mayTap: (event) => !host.contains(event) && !nothingToHit(),
    onTap(x, y) {
      const mention = mentionAtPoint(doc, highlights, x, y);
      if (!mention) {
        // A tap elsewhere closes.
        if (host.isOpen()) close();
        return false;
      }
      // The first tap on a mention in a link (a summary, a label…) shows its card; a tap on it while its card
      // is open follows the link.
      if (isShowing(mention)) return false;
      void open(mention);
      return actsOnTap(mention.startNode) || isLinkAt(doc, x, y);
    },
  });

  // On the window, going down: before the page's listeners on the document, where focus traps close their modal.
  (view ?? doc).addEventListener(
    'keydown',
    (event) => {
      if (!(event instanceof KeyboardEvent) || !event.isTrusted) return;
      // A release that never came (focus left the window with the key down) keeps no later one from the page.
      keyToRelease = undefined;
      tabbedOut = event.key === 'Tab' && host.contains(event);
      // Tab from the card's last control, or Shift+Tab from its start, leaves it: focus goes back where it
      // was. The card stands last in the page's order, so that Tab would otherwise go to the browser's own
      // bar, and so would that Shift+Tab on a page with nothing to focus before the card.
      if (tabbedOut && host.hasFocusAtEdge(event.shiftKey)) {
        // With nowhere to give focus back (a card reached by a click), the Tab goes on as the browser takes it.
        if (returnFocusTo) event.preventDefault();
        close(true);
        return;
      }
      if (event.key === 'Escape' && host.isOpen()) {
        // The Escape was for a card in view: the page's own Escape (closing its dialog, leaving its player)
        // waits for the next one. A card out of sight closes, and the page has its Escape.
        if (host.isVisible()) {
          event.preventDefault();
          event.stopImmediatePropagation();
          keyToRelease = event.key;
        }
        close(true);
        return;
      }
      // The target as the page's own listeners see it: inside a component, its text field, not its host
      // (our own card is a closed component too, and keys in it are ours).
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (!host.contains(event) && isEditing(event.composedPath()[0] ?? event.target)) return;
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      // With no name in reach (none marked, or none inside the page's open modal dialog), the keys stay the page's.
      const mentions = reachableMentions(doc, highlights.all());
      if (mentions.length > 0) {
        // The step is the reader's answer to the keys: the page does not act on them too (scroll, move a slide).
        event.preventDefault();
        event.stopImmediatePropagation();
        keyToRelease = event.key;
        step(event.key === 'ArrowDown' ? 1 : -1, mentions);
      }
    },
    { capture: true, signal },
  );

  // The release of such a key is not the page's either (a dialog may close on it).
  (view ?? doc).addEventListener(
    'keyup',
    (event) => {
      if (!(event instanceof KeyboardEvent) || event.key !== keyToRelease) return;
      keyToRelease = undefined;
      event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );

  // Tab or Shift+Tab out of the card, to the page, closes it, and focus goes back where it was before the
  // card took it. Only the keyboard: a page's focus trap pulling focus back to its modal must not close it.
  doc.addEventListener(
    'focusout',
    (event) => {
      if (!tabbedOut || !host.isOpen() || !host.contains(event)) return;
      tabbedOut = false;
      const to = event.relatedTarget;
      // Nowhere (the window lost focus, the browser's own UI): the card stays for when the reader comes back.
      if (!(to instanceof Node) || host.containsNode(to)) return;
      // After the move: focus given back while it is under way is taken again by it (Firefox).
      setTimeout(() => {
        if (host.isOpen() && !host.containsNode(doc.activeElement ?? doc)) close(true);
      }, 0);
    },
    { capture: true, signal },
  );

  /** Closes the card; one holding focus gives it back where it was, not to the page's start. */
  const closeGivingFocusBack = () => close(host.containsNode(doc.activeElement ?? doc));

  return {
    close,
    pageChanged() {
      // Once the change is dealt with: a name no longer marked where it stood (removed, rewritten, its live
      // range empty; its part hidden, opted out or made editable) would stand the card over nothing. With no
      // card open, nothing to ask (a busy page changes many times a second).
      if (!current) return;
      // The marks before the change is read: one of them that moves into the name's place is not the name.
      const before = new Set(highlights.all());
      setTimeout(() => {
        if (!current || highlights.at(current.startNode, current.startOffset) === current) return;
        const { entityId } = current;
        // Its entity's name drawn anew where it stood (a framework's re-render, a ticker's refresh, an element
        // swapped for a copy), or a little along its line: the card stays, on it. Not one marked before that
        // moved up into its place (a feed that dropped its first row).
        // The nearest along the line: "North Korea (DPRK)" drawn anew holds two names of it.
        const distance = (mention: PaintedMention) => Math.abs(mention.range.getBoundingClientRect().x - box.x);
        const again = highlights
          .all()
          .filter((mention) => mention.entityId === entityId && !before.has(mention) && isNear(mention.range.getBoundingClientRect(), box))
          .sort((one, other) => distance(one) - distance(other))[0];
        if (!again) return closeGivingFocusBack();
        current = lastOpened = again;
        if (marked) showMark(true);
        // Where it stands now: the next change is measured from here, not from where the card first opened.
        box = again.range.getBoundingClientRect();
      }, 0);
    },
    destroy() {
      closeGivingFocusBack();
      listening.abort();
      host.destroy();
    },
  };
}
