/**
 * Scans queued parts of a page in slices of a few milliseconds, yielding to
 * the page between slices, so even a huge page never sees a long task.
 */
import type { Matcher } from '../../utils/matcher/matcher';
import { type Mention, mentionsInBlocks, visibilityCache } from './scan';
import { type TextBlock, textBlocks } from './text-blocks';
import { benchBegin, benchEnd, benchIdle } from './timing';

const SLICE_MS = 8;
/** Blocks read, and matched together, between two looks at the clock. */
const BLOCKS_PER_CLOCK_CHECK = 64;

export type ChunkedScanner = {
  /** Queues subtrees; when nothing is under way, the first slice runs at once, for all of them. */
  enqueue(roots: Iterable<Node>): void;
  /** Drops every queued and half-read subtree. */
  reset(): void;
  stop(): void;
};

export type ScanCallbacks = {
  onMentions: (mentions: Mention[]) => void;
  onShadowRoot: (shadow: ShadowRoot) => void;
  /** A custom element met without a shadow root (text-blocks.ts). */
  onBareCustomElement?: (element: Element) => void;
  /** An element whose mention was left out because the page hides it (with CSS). */
  onHidden: (element: Element) => void;
  /** Called when everything queued has been read. */
  onIdle: () => void;
};

function warnLeftUnmarked(error: unknown): void {
  console.warn('Peninsula Lens: part of this page was left unmarked:', error);
}

/** The callback, made to warn instead of throwing. */
function unlessItFails<T>(callback: ((value: T) => void) | undefined): ((value: T) => void) | undefined {
  return (
    callback &&
    ((value) => {
      try {
        callback(value);
      } catch (error) {
        warnLeftUnmarked(error);
      }
    })
  );
}

export function createChunkedScanner(matcher: Matcher, callbacks: ScanCallbacks): ChunkedScanner {
  let queue: Node[] = [];
  let next = 0;
  /** The roots in the queue not yet begun: a part the page changes again before its turn is read once. */
  const waiting = new Set<Node>();
  let reading: Generator<TextBlock> | undefined;
  let scheduled = false;
  /** True while a slice runs: a root queued from inside it (a callback) waits for the next slice. */
  let running = false;
  let stopped = false;
  /** Counts slices: a walk resumed in a later one checks that the page did not move it. */
  let slice = 0;
  const currentSlice = (): number => slice;

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setTimeout(runSlice, 0);
  }

  function runSlice(): void {
    scheduled = false;
    if (stopped) return;
    benchBegin('slice');
    slice++;
    running = true;
    try {
      readSlice();
    } catch (error) {
      // What we could not match or paint (a page that fights back) is left out, not the rest: what the
      // slice found before is painted, and the next slice walks on from where this one stopped.
      warnLeftUnmarked(error);
    } finally {
      running = false;
      benchEnd('slice');
      if (!stopped && (reading || next < queue.length)) schedule();
      else if (!stopped) {
        queue = [];
        next = 0;
        callbacks.onIdle();
        benchIdle();
      }
    }
  }

  /** Reads for a few milliseconds, and paints what it found. */
  function readSlice(): void {
    const until = performance.now() + SLICE_MS;
    const found: Mention[] = [];
    // Styles may change between slices: ask about visibility afresh in each.
    const visible = visibilityCache(unlessItFails(callbacks.onHidden));
    let blocks = 0;
    let batch: TextBlock[] = [];
    try {
      while (blocks % BLOCKS_PER_CLOCK_CHECK !== 0 || performance.now() < until) {
        if (!reading) {
          // Past the end, `next` must stay at the queue's length: a root queued later is read from there.
          if (next >= queue.length) break;
          const root = queue[next++] as Node;
          waiting.delete(root);
          // A callback that fails inside the walk would end it: the rest of the root would go unread.
          reading = textBlocks(root, {
            onShadowRoot: unlessItFails(callbacks.onShadowRoot),
            onBareCustomElement: unlessItFails(callbacks.onBareCustomElement),
            currentTask: currentSlice,
          });
        }
        const block = reading.next();
        if (block.done) {
          reading = undefined;
          continue;
        }
        blocks++;
        batch.push(block.value);
        if (batch.length === BLOCKS_PER_CLOCK_CHECK) {
          found.push(...mentionsInBlocks(batch, matcher, visible));
          batch = [];
        }
      }
      if (batch.length > 0) found.push(...mentionsInBlocks(batch, matcher, visible));
    } finally {
      // Also when matching failed part-way: what the slice found before is painted.
      if (found.length > 0) {
        benchBegin('paint');
        callbacks.onMentions(found);
        benchEnd('paint');
      }
    }
  }

  return {
    enqueue(roots) {
      const idle = !running && !reading && next >= queue.length && !scheduled;
      for (const root of roots) {
        if (waiting.has(root)) continue;
        waiting.add(root);
        queue.push(root);
      }
      if (idle) runSlice();
    },
    reset() {
      waiting.clear();
      queue = [];
      next = 0;
      reading = undefined;
    },
    stop() {
      stopped = true;
      waiting.clear();
      queue = [];
      next = 0;
      reading = undefined;
    },
  };
}
