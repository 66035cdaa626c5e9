/**
 * Watches a document (or shadow root) for text that appears or changes, in
 * batches: one MutationObserver per root, duplicates and nodes inside other
 * queued nodes dropped, and past a threshold one request for a full rescan.
 * While a part of the root is hidden, the same observer also tells the
 * reveal watcher of every other change (reveal-watcher.ts).
 */
import { isCardHost } from './card-host-element';
import { ELEMENT_NODE, isPhraseBreak, isSkippedElement, OPT_OUT_ATTRIBUTE, SKIPPED_TAGS, TEXT_NODE } from './text-blocks';

/** Past this many changed subtrees in one batch, rescanning the whole root is cheaper. */
const FULL_RESCAN_THRESHOLD = 400;

/**
 * What changed in one batch: the whole root (read it again) or some parts of
 * it, and whether a `<meta>` came, went or changed (the page may have opted
 * out, page-consent.ts). A batch may hold no part to read and only text taken
 * away (`removedText`): its marks are to go.
 */
export type ChangedParts = ({ full: true } | { full: false; nodes: Node[]; removedText: boolean }) & { metaChanged: boolean };

/** The changed subtrees with every node that lies inside another one dropped. */
export function outermostNodes(nodes: Iterable<Node>): Node[] {
  const unique = [...new Set(nodes)].filter((node) => node.isConnected);
  const set = new Set(unique);
  return unique.filter((node) => {
    for (let parent = node.parentNode; parent; parent = parent.parentNode) if (set.has(parent)) return false;
    return true;
  });
}

function isMeta(node: Node): boolean {
  return node instanceof Element && node.localName === 'meta';
}

/** A `<meta>`, or a subtree that holds one (a whole `<head>` or a body part a CMS filled). */
function holdsMeta(node: Node): boolean {
  return node instanceof Element && (node.localName === 'meta' || node.getElementsByTagName('meta').length > 0);
}

/** Attributes of a `<meta>` that can opt a page out; on any other element they say nothing to us. */
const META_ATTRIBUTES = new Set(['name', 'content']);

function isInHead(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current instanceof Element && current.localName === 'head') return true;
  }
  return false;
}

/**
 * True for an added or removed node that can change what a reader reads: not
 * our card, not a comment, not a script, style or other element the scanner
 * skips by its tag (text-blocks.ts), and
 * nothing in <head> (analytics tags, lazy styles and "(1) new message" titles
 * come and go all the time).
 */
function mayHoldText(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return !isInHead(node);
  if (!(node instanceof Element) || isCardHost(node)) return false;
  return !SKIPPED_TAGS.has(node.localName) && !isInHead(node);
}

/** True for what a phrase reads through without a word: white space, or an element the scanner skips (a script). */
function isTransparent(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return !/\S/.test((node as Text).data);
  return node instanceof Element ? isSkippedElement(node) : node.nodeType !== ELEMENT_NODE;
}

/** How far the look for where a phrase stops goes before it gives up (and the parent is read again). */
const MAX_PHRASE_STEPS = 50;

/**
 * True when no phrase runs on from `node` (a sibling inside `parent`, or null
 * at its edge) in the direction `forward`: past white space and skipped
 * elements, into and out of inline elements, it meets a block, or the edge of
 * a parent that ends phrases. Text with letters first means the phrase runs on.
 */
function phraseStopsAt(node: Node | null, forward: boolean, parent: Node): boolean {
  const sibling = (of: Node): Node | null => (forward ? of.nextSibling : of.previousSibling);
  let current = node;
  let container = parent;
  for (let steps = 0; steps < MAX_PHRASE_STEPS; steps++) {
    if (current === null) {
      // The edge of an inline element is no stop: the phrase goes on past it.
      if (container.nodeType !== ELEMENT_NODE || isPhraseBreak(container)) return true;
      const outer = container.parentNode;
      if (!outer) return true;
      current = sibling(container);
      container = outer;
    } else if (isTransparent(current)) {
      current = sibling(current);
    } else if (current.nodeType === TEXT_NODE || isPhraseBreak(current)) {
      return current.nodeType !== TEXT_NODE;
    } else {
      // An inline element: what counts is its edge on this side.
      container = current;
      current = forward ? current.firstChild : current.lastChild;
    }
  }
  return false;
}

/**
 * True when a removal can join text into a new phrase ("North <div>…</div>
 * Korea" losing its div), so the parent must be read again. A block taken
 * from between blocks (a toast, a tooltip, a closed dialog) joins nothing:
 * reading its parent again, often the whole <body>, would be wasted.
 */
function removalMayJoinText(record: MutationRecord): boolean {
  const removed = [...record.removedNodes].filter(mayHoldText);
  if (removed.length === 0) return false;
  if (!removed.every(isPhraseBreak)) return true;
  return !(phraseStopsAt(record.previousSibling, false, record.target) && phraseStopsAt(record.nextSibling, true, record.target));
}

/** True for a batch of DOM changes made only by us: the card's host coming, going or moving. */
function isOnlyOurs(records: readonly MutationRecord[]): boolean {
  return records.every(
    (record) => isCardHost(record.target) || (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(isCardHost)),
  );
}

/**
 * Attributes that change what a reader reads: shown or hidden (`hidden`, a
 * <details>), made editable or not, opted out or back in; and a `<meta>`'s
 * name and content, with which a page may opt out.
 */
const READ_ATTRIBUTES = ['hidden', 'open', 'contenteditable', OPT_OUT_ATTRIBUTE, ...META_ATTRIBUTES];
const TEXT_ATTRIBUTES = new Set(READ_ATTRIBUTES);

export type TextWatch = {
  /**
   * While `onAnyChange` is set, also calls it (at once, not in idle time)
   * after any change under the root, any attribute included, that is not
   * only ours: what the reveal watcher needs to hear while a part is hidden.
   * One observer a root serves both.
   */
  alsoTell(onAnyChange: (() => void) | undefined): void;
  stop(): void;
};

/** Calls `onChange` in idle time with what changed under `root`. */
export function watchForText(root: Document | ShadowRoot, onChange: (changed: ChangedParts) => void): TextWatch {
  const queued = new Set<Node>();
  let overflow = false;
  /** Only a document's `<meta>` opts a page out (page-consent.ts). */
  const watchesMeta = root.nodeType === Node.DOCUMENT_NODE;
  let metaChanged = false;
  let removedText = false;
  let scheduled = false;
  let stopped = false;
  let onAnyChange: (() => void) | undefined;

  const flush = (): void => {
    scheduled = false;
    if (stopped) return;
    const nodes = outermostNodes(queued);
    queued.clear();
    const full = overflow || nodes.length > FULL_RESCAN_THRESHOLD;
    const meta = metaChanged;
    const removed = removedText;
    overflow = false;
    metaChanged = false;
    removedText = false;
    if (full) onChange({ full: true, metaChanged: meta });
    else if (nodes.length > 0 || meta || removed) onChange({ full: false, nodes, metaChanged: meta, removedText: removed });
  };

  function handle(records: MutationRecord[]): void {
    if (onAnyChange && !isOnlyOurs(records)) onAnyChange();
    for (const record of records) {
      if (record.type === 'attributes') {
        const name = record.attributeName ?? '';
        // Heard only for `onAnyChange`: a class or a style, say.
        if (!TEXT_ATTRIBUTES.has(name)) continue;
        if (META_ATTRIBUTES.has(name)) {
          metaChanged ||= watchesMeta && isMeta(record.target);
          continue;
        }
      }
      // Text shown by removing `hidden` or opening a <details> was skipped before: read it now. Text
      // hidden, made editable or opted out now: its marks go.
      if (record.type === 'characterData' || record.type === 'attributes') {
        if (mayHoldText(record.target)) queued.add(record.target);
      } else {
        metaChanged ||= watchesMeta && [...record.addedNodes, ...record.removedNodes].some(holdsMeta);
        for (const node of record.addedNodes) if (mayHoldText(node)) queued.add(node);
        if (!isInHead(record.target) && [...record.removedNodes].some(mayHoldText)) {
          removedText = true;
          // A removal can join two text nodes into one phrase: look at the parent again.
          if (removalMayJoinText(record)) queued.add(record.target);
        }
      }
      if (queued.size > FULL_RESCAN_THRESHOLD * 4) {
        overflow = true;
        queued.clear();
      }
    }
    if (!scheduled && (queued.size > 0 || overflow || metaChanged || removedText)) {
      scheduled = true;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 200 });
      else setTimeout(flush, 50);
    }
  }

  const observer = new MutationObserver(handle);
  /** Every attribute while someone else listens too; otherwise only those that change what is read. */
  function observe(): void {
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      ...(onAnyChange ? {} : { attributeFilter: READ_ATTRIBUTES }),
    });
  }
  observe();
  return {
    alsoTell(listener) {
      if (stopped || listener === onAnyChange) return;
      const optionsChange = onAnyChange === undefined || listener === undefined;
      // Records already queued are handled as they were heard, before the listener changes.
      const pending = observer.takeRecords();
      if (pending.length > 0) handle(pending);
      onAnyChange = listener;
      // Observing the root again would replace the options, but the test DOM keeps the first ones:
      // start afresh (nothing runs in between, so no change is missed).
      if (optionsChange) {
        observer.disconnect();
        observe();
      }
    },
    stop() {
      stopped = true;
      onAnyChange = undefined;
      observer.disconnect();
      queued.clear();
      overflow = false;
      metaChanged = false;
      removedText = false;
    },
  };
}
