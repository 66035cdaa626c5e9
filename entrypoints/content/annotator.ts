/**
 * Annotates one document while the extension is on for its site: scans it in
 * slices, paints the mentions, keeps up with changes, and opens cards. `stop`
 * takes every highlight, listener, observer and the card away at once.
 */
import type { Matcher } from '../../utils/matcher/matcher';
import { createChunkedScanner } from './chunked-scan';
import { createMentionHighlights } from './highlights';
import highlightCss from './highlights.css?inline';
import { watchLateShadowRoots } from './late-shadow-roots';
import { attachMentionCards, type MentionCards } from './mention-cards';
import { watchNearView } from './near-view';
import { followPageConsent } from './page-consent';
import { type ChangedParts, outermostNodes, type TextWatch, watchForText } from './page-watcher';
import { createPaintPacing } from './paint-pacing';
import { watchForReveal } from './reveal-watcher';
import { isInsideSkipped, isPhraseBreak } from './text-blocks';
import { benchBegin, benchEnd } from './timing';

export type Annotator = { stop(): void };

/** The nearest ancestor a phrase cannot run across (text-blocks.ts): rescanning it rejoins split text. */
function phraseContainer(node: Node): Node {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current instanceof ShadowRoot || current instanceof Document || isPhraseBreak(current)) return current;
  }
  return node;
}

/**
 * Starts annotating `doc`; the first slice of the scan runs before this
 * returns. `onDocumentReplaced` is called instead of reading on when the page
 * wrote a new document into this one (`document.open()`, as loaders of
 * `about:blank` frames do): that took every event listener away, so the
 * caller starts afresh.
 */
export function startAnnotator(doc: Document, matcher: Matcher, onDocumentReplaced?: () => void): Annotator {
  const startedWith = doc.documentElement;
  const highlights = createMentionHighlights();
  // Listening for the pointer and keys costs several milliseconds on a cold page; nobody can point
  // at a mark before it is painted, so the cards are wired right after the first paint.
  let cards: MentionCards | undefined;
  const wireCards = setTimeout(() => {
    benchBegin('cards');
    cards = attachMentionCards(doc, highlights);
    benchEnd('cards');
  }, 0);
  /** Each open shadow root met, and its watch. */
  const shadowWatchers = new Map<ShadowRoot, TextWatch>();
  const styledShadowRoots = new Set<ShadowRoot>();
  let shadowSheet: CSSStyleSheet | undefined;

  // Firefox paints ::highlight inside a shadow tree only from that tree's own styles.
  function styleShadowRoot(shadow: ShadowRoot): void {
    if (styledShadowRoots.has(shadow)) return;
    styledShadowRoots.add(shadow);
    if (!shadowSheet) {
      shadowSheet = new CSSStyleSheet();
      shadowSheet.replaceSync(highlightCss);
    }
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, shadowSheet];
  }

  function unstyleShadowRoot(shadow: ShadowRoot): void {
    shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((sheet) => sheet !== shadowSheet);
    styledShadowRoots.delete(shadow);
  }

  /**
   * A component taken off the page takes its shadow root along: stop watching
   * it, so single-page apps that come and go with components do not pile up
   * observers that hold on to them. One that comes back is met by the scan of
   * its new place and watched again.
   */
  function forgetDetachedShadowRoots(): void {
    for (const [shadow, watch] of shadowWatchers) {
      if (shadow.host.isConnected) continue;
      watch.stop();
      shadowWatchers.delete(shadow);
      unstyleShadowRoot(shadow);
    }
  }

  const documentWatch = watchForText(doc, (changed) => onChange(doc, changed));

  /** What each root's watch tells the reveal watcher, kept so a watch started again tells it too. */
  const feedListeners = new Map<Document | ShadowRoot, () => void>();

  /** The watch of a shadow root met by the scan. */
  function watchShadowRoot(shadow: ShadowRoot): TextWatch {
    let watch = shadowWatchers.get(shadow);
    if (!watch) {
      watch = watchForText(shadow, (changed) => onChange(shadow, changed));
      watch.alsoTell(feedListeners.get(shadow));
      shadowWatchers.set(shadow, watch);
    }
    return watch;
  }

  const watchOf = (root: Document | ShadowRoot): TextWatch | undefined => (root === doc ? documentWatch : shadowWatchers.get(root as ShadowRoot));

  // Text a style hides is left out, and read when the page shows it. While anything is hidden, the
  // watch of each root around it tells of every change there, from the same observer.
  const reveals = watchForReveal(
    doc,
    (element) => onChange(doc, { full: false, nodes: [element], metaChanged: false, removedText: false }),
    (root, onAnyChange) => {
      feedListeners.set(root, onAnyChange);
      // A root the scan has not met (a component's, around slotted text) is read and watched now.
      if (!watchOf(root) && root instanceof ShadowRoot) meetShadowRoot(root);
      watchOf(root)?.alsoTell(onAnyChange);
      return () => {
        feedListeners.delete(root);
        watchOf(root)?.alsoTell(undefined);
      };
    },
  );

  const pacing = createPaintPacing(performance.now());
  const nearView = watchNearView();
  // A component defined after the scan attaches its shadow root unannounced.
  const lateShadowRoots = watchLateShadowRoots(meetShadowRoot);

  /** Registers what was found with the browser; what is watched for nearness was painted with it. */
  function paintFound(readingEnded: boolean): void {
    benchBegin('flush');
    highlights.flush(readingEnded);
    benchEnd('flush');
    nearView.reset();
  }

  const scanner = createChunkedScanner(matcher, {
    onMentions(mentions) {
      // Only a scan long enough to have painted its progress once asks where the rest lies.
      const askWhere = pacing.paintedProgress();
      for (const painted of highlights.add(mentions)) {
        const root = painted.startNode.getRootNode();
        if (root instanceof ShadowRoot) styleShadowRoot(root);
        if (askWhere && painted.startNode.parentElement) nearView.watch(painted.startNode.parentElement);
      }
      // A long scan shows its progress now and then, not after every slice: each paint repaints the page.
      if (pacing.progressDue(performance.now(), nearView.anyNear)) paintFound(false);
    },
    onShadowRoot: meetShadowRoot,
    onBareCustomElement: (element) => lateShadowRoots.add(element),
    onHidden: (element) => reveals.watch(element),
    onIdle() {
      readingWhole = false;
      // What a rescan did not find again goes in the same paint as what it found.
      highlights.endSweep();
      paintFound(true);
      pacing.restart(performance.now());
      if (wholeAgain) readWholeAgain();
    },
  });

  /**
   * An open shadow root met by the scan, or attached late. Met again while a
   * changed part of the page is read (its host may have been taken out and
   * put back), it is read again too; mentions already painted are not painted
   * twice. One whose host is in a part taken out of reading is watched, and
   * its walk reads nothing (text-blocks.ts) until that part comes back in.
   */
  function meetShadowRoot(shadow: ShadowRoot): void {
    if (closed) return;
    scanner.enqueue([shadow]);
    watchShadowRoot(shadow);
  }

  /** True from the start of a read of the whole document to its end. */
  let readingWhole = false;
  /** The page asked for a full rescan while the whole document was being read: it is read again after. */
  let wholeAgain = false;

  /** Reads the whole document again; the marks stay meanwhile, and what is not found again goes at the end. */
  function readWholeAgain(): void {
    wholeAgain = false;
    highlights.beginSweep([doc]);
    // Whatever was half read is read again from the start, and its next progress paint shows it all.
    scanner.reset();
    nearView.reset();
    pacing.startOver();
    readingWhole = true;
    scanner.enqueue([doc.documentElement]);
  }

  const consent = followPageConsent(doc);
  /** True while the page asks to be left alone (page-consent.ts): nothing is marked or read then. */
  let closed = false;

  /** Takes every mark and the card away, and drops what was still to be read or watched, while the page is closed. */
  function withdraw(): void {
    scanner.reset();
    readingWhole = false;
    wholeAgain = false;
    nearView.reset();
    reveals.reset();
    cards?.close();
    highlights.clear();
  }

  function onChange(root: Document | ShadowRoot, parts: ChangedParts): void {
    // Between a page's document.open() and its first write the document has no root element: nothing to read yet.
    if (!doc.documentElement) return;
    let changed = parts;
    if (root === doc && doc.documentElement !== startedWith && onDocumentReplaced) {
      onDocumentReplaced();
      return;
    }
    if (root === doc) {
      const wasClosed = closed;
      closed = consent.closedAfter(changed.metaChanged);
      if (closed && !wasClosed) withdraw();
      // Open again: the page is read again whole.
      if (wasClosed && !closed) changed = { full: true, metaChanged: false };
    }
    forgetDetachedShadowRoots();
    if (closed) return;
    cards?.pageChanged();
    benchBegin('change');
    lateShadowRoots.pageChanged();
    if (changed.full) {
      // The marks stay while the rescan runs (a huge page takes seconds); what it does not find again
      // goes when it ends (all of a component in a part taken out of reading, whose walk reads nothing).
      if (root !== doc) {
        // A component's root: the rest of the page, queued or half read, is still to be read.
        highlights.beginSweep([root]);
        scanner.enqueue([root]);
      } else if (readingWhole) {
        // Starting over would never end on a page that changes this much more often than a read of it
        // takes: the read goes on (a walk the page moves re-reads what it lost), and the page is read
        // again after it. Marks whose text left the page go now, not when that read ends.
        highlights.removeWithin([]);
        wholeAgain = true;
      } else {
        readWholeAgain();
      }
      benchEnd('change');
      return;
    }
    const containers = outermostNodes(changed.nodes.map(phraseContainer));
    const skipped = containers.filter(isInsideSkipped);
    const readable = containers.filter((container) => !skipped.includes(container));
    // A part hidden, made editable or opted out loses its marks and is not read again; text taken away
    // loses them too. A part read again keeps its marks while it is read (a large one takes several
    // slices): those not found again go when the reading ends.
    highlights.removeWithin(skipped);
    highlights.beginSweep(readable);
    scanner.enqueue(readable);
    benchEnd('change');
  }

  // The page may have closed since the script looked (the site's answer comes in a later task).
  closed = consent.closedAfter(false);
  if (!closed) {
    readingWhole = true;
    scanner.enqueue([doc.documentElement]);
  }

  return {
    stop() {
      scanner.stop();
      reveals.reset();
      nearView.stop();
      lateShadowRoots.stop();
      documentWatch.stop();
      for (const watch of shadowWatchers.values()) watch.stop();
      clearTimeout(wireCards);
      cards?.destroy();
      highlights.clear();
      for (const shadow of styledShadowRoots) unstyleShadowRoot(shadow);
    },
  };
}
