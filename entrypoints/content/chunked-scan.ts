/**
 * Scans queued parts of a page in slices of a few milliseconds, yielding to
 * the page between slices, so even a huge page never sees a long task.
 */
import type { Matcher } from '../../utils/matcher/matcher';
import { type Mention, mentionsInBlock, visibilityCache } from './scan';
import { type TextBlock, textBlocks } from './text-blocks';
import { benchBegin, benchEnd, benchIdle } from './timing';

const SLICE_MS = 8;
/** Blocks read between two looks at the clock. */
const BLOCKS_PER_CLOCK_CHECK = 16;

export type ChunkedScanner = {
  /** Queues a subtree; the first slice runs at once when nothing is under way. */
  enqueue(root: Node): void;
  /** Drops every queued and half-read subtree. */
  reset(): void;
  stop(): void;
};

export type ScanCallbacks = {
  onMentions: (mentions: Mention[]) => void;
  onShadowRoot: (shadow: ShadowRoot) => void;
};

export function createChunkedScanner(matcher: Matcher, callbacks: ScanCallbacks): ChunkedScanner {
  const queue: Node[] = [];
  let reading: Generator<TextBlock> | undefined;
  let visible = visibilityCache();
  let scheduled = false;
  let stopped = false;

  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setTimeout(runSlice, 0);
  }

  function runSlice(): void {
    scheduled = false;
    if (stopped) return;
    benchBegin('slice');
    const until = performance.now() + SLICE_MS;
    const found: Mention[] = [];
    let blocks = 0;
    while (blocks % BLOCKS_PER_CLOCK_CHECK !== 0 || performance.now() < until) {
      if (!reading) {
        const root = queue.shift();
        if (!root) break;
        // Styles may have changed since the last subtree: ask about visibility afresh.
        visible = visibilityCache();
        reading = textBlocks(root, callbacks.onShadowRoot);
      }
      const next = reading.next();
      if (next.done) {
        reading = undefined;
        continue;
      }
      blocks++;
      found.push(...mentionsInBlock(next.value, matcher, visible));
    }
    if (found.length > 0) {
      benchBegin('paint');
      callbacks.onMentions(found);
      benchEnd('paint');
    }
    benchEnd('slice');
    if (reading || queue.length > 0) schedule();
    else benchIdle();
  }

  return {
    enqueue(root) {
      queue.push(root);
      if (!reading && queue.length === 1 && !scheduled) runSlice();
    },
    reset() {
      queue.length = 0;
      reading = undefined;
    },
    stop() {
      stopped = true;
      queue.length = 0;
      reading = undefined;
    },
  };
}
