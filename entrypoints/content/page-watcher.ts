/**
 * Watches a document (or shadow root) for text that appears or changes, in
 * batches: one MutationObserver per root, duplicates and nodes inside other
 * queued nodes dropped, and past a threshold one request for a full rescan.
 */
import { isCardHost } from './card-host';
import { OPT_OUT_ATTRIBUTE, SKIPPED_TAGS } from './text-blocks';

/** Past this many changed subtrees in one batch, rescanning the whole root is cheaper. */
const FULL_RESCAN_THRESHOLD = 400;

/**
 * What changed in one batch: the whole root (read it again) or some parts of
 * it, and whether a `<meta>` came, went or changed (the page may have opted
 * out, page-consent.ts).
 */
export type ChangedParts = ({ full: true } | { full: false; nodes: Node[] }) & { metaChanged: boolean };

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
  return node instanceof Element && node.tagName === 'META';
}

/** A `<meta>`, or a subtree that holds one (a whole `<head>` or a body part a CMS filled). */
function holdsMeta(node: Node): boolean {
  return node instanceof Element && (node.tagName === 'META' || node.getElementsByTagName('meta').length > 0);
}

/** Attributes of a `<meta>` that can opt a page out; on any other element they say nothing to us. */
const META_ATTRIBUTES = new Set(['name', 'content']);

function isInHead(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current instanceof Element && current.tagName === 'HEAD') return true;
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
  if (node.nodeType === Node.TEXT_NODE) return !isInHead(node);
  if (!(node instanceof Element) || isCardHost(node)) return false;
  return !SKIPPED_TAGS.has(node.tagName) && !isInHead(node);
}

/**
 * Calls `onChange` in idle time with what changed under `root`; returns a
 * function that stops watching.
 */
export function watchForText(root: Document | ShadowRoot, onChange: (changed: ChangedParts) => void): () => void {
  const queued = new Set<Node>();
  let overflow = false;
  /** Only a document's `<meta>` opts a page out (page-consent.ts). */
  const watchesMeta = root.nodeType === Node.DOCUMENT_NODE;
  let metaChanged = false;
  let scheduled = false;
  let stopped = false;

  const flush = (): void => {
    scheduled = false;
    if (stopped) return;
    const nodes = outermostNodes(queued);
    queued.clear();
    const full = overflow || nodes.length > FULL_RESCAN_THRESHOLD;
    const meta = metaChanged;
    overflow = false;
    metaChanged = false;
    if (full) onChange({ full: true, metaChanged: meta });
    else if (nodes.length > 0 || meta) onChange({ full: false, nodes, metaChanged: meta });
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && META_ATTRIBUTES.has(record.attributeName ?? '')) {
        metaChanged ||= watchesMeta && isMeta(record.target);
        continue;
      }
      // Text shown by removing `hidden` or opening a <details> was skipped before: read it now. Text
      // hidden, made editable or opted out now: its marks go.
      if (record.type === 'characterData' || record.type === 'attributes') {
        if (mayHoldText(record.target)) queued.add(record.target);
      } else {
        metaChanged ||= watchesMeta && [...record.addedNodes, ...record.removedNodes].some(holdsMeta);
        for (const node of record.addedNodes) if (mayHoldText(node)) queued.add(node);
        // A removal can join two text nodes into one phrase: look at the parent again.
        if (
          [...record.removedNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE || (node instanceof Element && !isCardHost(node) && !SKIPPED_TAGS.has(node.tagName)),
          )
        ) {
          if (!isInHead(record.target)) queued.add(record.target);
        }
      }
      if (queued.size > FULL_RESCAN_THRESHOLD * 4) {
        overflow = true;
        queued.clear();
      }
    }
    if (!scheduled && (queued.size > 0 || overflow || metaChanged)) {
      scheduled = true;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 200 });
      else setTimeout(flush, 50);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Shown or hidden (`hidden`, a <details>), made editable or not, opted out or back in: read it again.
    // A `<meta>`'s name and content: the page may opt out with it.
    attributeFilter: ['hidden', 'open', 'contenteditable', OPT_OUT_ATTRIBUTE, ...META_ATTRIBUTES],
  });
  return () => {
    stopped = true;
    observer.disconnect();
    queued.clear();
    overflow = false;
    metaChanged = false;
  };
}
