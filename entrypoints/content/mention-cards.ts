/**
 * Opens a mention's card when a reader hovers it with a mouse, taps it, or
 * steps to it from the keyboard (Alt+Shift+↓ / Alt+Shift+↑), and closes it on
 * Escape, a tap elsewhere, or when the pointer leaves.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { EntityLookupSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { type CardHost, createCardHost } from './card-host';
import type { MentionHighlights, PaintedMention } from './highlights';
import { mentionAtPoint } from './hit-test';

const HOVER_OPEN_DELAY_MS = 120;
const HOVER_CLOSE_DELAY_MS = 350;

export type MentionCards = { close(): void; destroy(): void };

function anchorFor(mention: PaintedMention): VirtualElement {
  return {
    getBoundingClientRect: () => mention.range.getBoundingClientRect(),
    getClientRects: () => mention.range.getClientRects(),
    contextElement: mention.startNode.parentElement ?? undefined,
  };
}

function isEditing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Wires cards to the painted mentions of `doc`; `destroy` removes every listener and the card. */
export function attachMentionCards(doc: Document, highlights: MentionHighlights): MentionCards {
  const listening = new AbortController();
  const { signal } = listening;
  let current: PaintedMention | undefined;
  /** The entity whose card is open: the mention's own, or one related to it. */
  let shownEntityId: string | undefined;
  let lookup = 0;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let framePending = false;
  /** Where the pointer last moved outside the card, for the next frame's hit test; none once it is in the card. */
  let pointer: { x: number; y: number } | undefined;
  let returnFocusTo: HTMLElement | undefined;
  /** A card opened from the keyboard stays until the keyboard (or a click) closes it. */
  let openedByKeyboard = false;

  const host: CardHost = createCardHost(doc, {
    onClose: () => close(true),
    onOpenEntity: (entityId, name) => {
      if (current) void open(current, { entityId, name, focus: true });
    },
  });

  function clearTimers(): void {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    openTimer = undefined;
    closeTimer = undefined;
  }

  /** Opens the card of `mention`, or of a related entity (`entityId`, called `name`) at the mention's place. */
  async function open(mention: PaintedMention, options: { entityId?: string; name?: string; focus?: boolean } = {}): Promise<void> {
    clearTimers();
    current = mention;
    shownEntityId = options.entityId ?? mention.entityId;
    openedByKeyboard = options.focus === true;
    const id = ++lookup;
    const anchor = anchorFor(mention);
    const name = options.name ?? mention.text;
    host.show({ status: 'loading', name }, anchor);
    try {
      const { card } = await sendRequest({ type: 'lookup-entity', entityId: options.entityId ?? mention.entityId }, EntityLookupSchema);
      if (id !== lookup) return;
      host.show(card ? { status: 'ready', card } : { status: 'failed', name, message: 'The bundled article has no facts about this name.' }, anchor);
    } catch (error) {
      if (id !== lookup) return;
      const reason = error instanceof Error ? error.message : String(error);
      host.show({ status: 'failed', name, message: `The facts could not be looked up: ${reason}` }, anchor);
    }
    if (options.focus) host.focus();
  }

  function close(restoreFocus = false): void {
    clearTimers();
    lookup++;
    current = undefined;
    shownEntityId = undefined;
    host.hide();
    if (restoreFocus) returnFocusTo?.focus();
    returnFocusTo = undefined;
  }

  function onHover(x: number, y: number): void {
    const mention = mentionAtPoint(doc, highlights, x, y);
    if (mention) {
      clearTimeout(closeTimer);
      closeTimer = undefined;
      // Pointing at the mention whose card is open changes nothing; with a related entity's card open
      // there, it brings the mention's own card back.
      if (mention.range === current?.range && mention.entityId === shownEntityId) return;
      clearTimeout(openTimer);
      openTimer = setTimeout(() => void open(mention), HOVER_OPEN_DELAY_MS);
      return;
    }
    clearTimeout(openTimer);
    openTimer = undefined;
    if (host.isOpen() && !openedByKeyboard && closeTimer === undefined) closeTimer = setTimeout(() => close(), HOVER_CLOSE_DELAY_MS);
  }

  function step(direction: 1 | -1): void {
    const mentions = highlights.all();
    if (mentions.length === 0) return;
    const at = current ? mentions.findIndex((mention) => mention.range === current?.range) : -1;
    const next = mentions[(at + direction + mentions.length) % mentions.length] as PaintedMention;
    if (!returnFocusTo && doc.activeElement instanceof HTMLElement) returnFocusTo = doc.activeElement;
    next.startNode.parentElement?.scrollIntoView({ block: 'center' });
    void open(next, { focus: true });
  }

  /** Most pages have no mention at all: with none and no card open, a pointer has nothing to hit. */
  const nothingToHit = (): boolean => highlights.count() === 0 && !host.isOpen();

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
      pointer = { x: event.clientX, y: event.clientY };
      if (framePending) return;
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        if (pointer) onHover(pointer.x, pointer.y);
      });
    },
    { capture: true, passive: true, signal },
  );

  doc.addEventListener(
    'pointerdown',
    (event) => {
      // Only the reader's own pointer opens cards, not events a page script makes up.
      if (!event.isTrusted || host.contains(event) || nothingToHit()) return;
      const mention = mentionAtPoint(doc, highlights, event.clientX, event.clientY);
      // A tap (touch or pen) opens at once; a click elsewhere closes.
      if (mention && event.pointerType !== 'mouse') void open(mention);
      else if (!mention && host.isOpen()) close();
    },
    { capture: true, passive: true, signal },
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && host.isOpen()) {
        close(true);
        return;
      }
      // The target as the page's own listeners see it: inside a component, its text field, not its host.
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || isEditing(event.composedPath()[0] ?? event.target)) return;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && highlights.count() > 0) {
        event.preventDefault();
        step(event.key === 'ArrowDown' ? 1 : -1);
      }
    },
    { capture: true, signal },
  );

  return {
    close,
    destroy() {
      close();
      listening.abort();
      host.destroy();
    },
  };
}
