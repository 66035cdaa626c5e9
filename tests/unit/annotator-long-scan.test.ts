/**
 * The annotator on a long page (10,000 paragraphs) whose scan takes many
 * slices: what the page changes while it reads, and how often it paints.
 * (Highlights and the IntersectionObserver are stubbed: the test DOM has no
 * Highlight, CSS.highlights or layout.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Annotator, startAnnotator } from '../../entrypoints/content/annotator';
import { UNDERLINE_HIGHLIGHT } from '../../entrypoints/content/highlights';
import { matcher, painted, registry, settle, useAnnotatorPage } from './support/annotator-page';
import { FakeHighlight, kindHighlights } from './support/fake-highlights';

let annotator: Annotator | undefined;
useAnnotatorPage(() => annotator);

describe('startAnnotator', () => {
  describe('a long scan', () => {
    /** The clock's time at each paint: ranges added to the highlights in one go. */
    let paints: number[];
    let painting = false;
    /** Whether the stand-in IntersectionObserver reports the elements it is given as near the view. */
    let nearTheView: boolean;
    let watchedForNearness: number;

    beforeEach(() => {
      paints = [];
      watchedForNearness = 0;
      // Time runs ten times as fast for the scan: the test DOM scans the page below in about a
      // second, which the scan then takes for ten.
      const realNow = performance.now.bind(performance);
      vi.spyOn(performance, 'now').mockImplementation(() => realNow() * 10);
      vi.stubGlobal(
        'Highlight',
        class extends FakeHighlight {
          override add(range: AbstractRange): this {
            if (!painting) {
              painting = true;
              paints.push(performance.now());
              // Whatever is added before the running code ends is the same paint.
              queueMicrotask(() => {
                painting = false;
              });
            }
            return super.add(range);
          }
        },
      );
      vi.stubGlobal(
        'IntersectionObserver',
        class {
          constructor(readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
          observe(target: Element): void {
            watchedForNearness++;
            queueMicrotask(() => this.report([{ target, isIntersecting: nearTheView }]));
          }
          takeRecords(): [] {
            return [];
          }
          disconnect(): void {}
        },
      );
      // 10,000 paragraphs, one in a hundred with a mention.
      document.body.innerHTML = Array.from({ length: 100 }, () => `<section><p>North Korea</p>${'<p>Plain words</p>'.repeat(99)}</section>`).join('');
    });

    afterEach(() => vi.restoreAllMocks());

    async function scanned(): Promise<void> {
      for (let waited = 0; painted().length < 100 && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      expect(painted()).toHaveLength(100);
    }

    it('leaves unread and unmarked the rest of a part the page opts out while the scan is inside it', async () => {
      nearTheView = false;
      annotator = startAnnotator(document, matcher);
      // The first slice ran: the walk is inside <body>.
      document.body.setAttribute('data-peninsula-lens', 'off');
      try {
        await new Promise((done) => setTimeout(done, 2500));
        expect(painted()).toEqual([]);
      } finally {
        document.body.removeAttribute('data-peninsula-lens');
      }
    });

    it('leaves unmarked a part queued for reading and made editable before the scan reached it', async () => {
      nearTheView = false;
      // The watcher queues what changed when the page is idle: here, when the test says so, so the
      // part is made editable while the scan has yet to reach it, however fast this machine scans.
      const idleCallbacks: (() => void)[] = [];
      const pageIdle = Object.getOwnPropertyDescriptor(globalThis, 'requestIdleCallback');
      Object.defineProperty(globalThis, 'requestIdleCallback', { configurable: true, value: (callback: () => void) => idleCallbacks.push(callback) });
      annotator = startAnnotator(document, matcher);
      // Added behind the walk: the watcher queues it, to be read after the rest of the page.
      const part = Object.assign(document.createElement('div'), { innerHTML: '<p>Kim Jong-un</p>' });
      document.body.prepend(part);
      for (let waited = 0; idleCallbacks.length === 0 && waited < 2000; waited += 10) await new Promise((done) => setTimeout(done, 10));
      if (pageIdle) Object.defineProperty(globalThis, 'requestIdleCallback', pageIdle);
      else Reflect.deleteProperty(globalThis, 'requestIdleCallback');
      for (const queueChanges of idleCallbacks.splice(0)) queueChanges();
      expect(painted().length).toBeLessThan(100);
      // An editor mounts on it.
      part.setAttribute('contenteditable', 'true');
      await scanned();
      await settle();
      expect(painted()).not.toContain('Kim Jong-un');
    });

    it('keeps every mark, and reads little, when a toast leaves from between the page’s blocks', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('beforeend', '<div id="toast">Saved</div>');
      let read = 0;
      annotator = startAnnotator(document, {
        findIn(text) {
          read += text.length;
          return matcher.findIn(text);
        },
      });
      await scanned();
      await settle();
      const before = read;
      document.getElementById('toast')?.remove();
      const fewest = await fewestMarksFor(1000);
      expect(read - before).toBeLessThan(1000);
      expect(fewest).toBe(100);
    });

    it('keeps every mark while it reads a large part again, and drops only what went', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('beforeend', '<b id="inline">Kim</b> <i>Jong-un</i>');
      annotator = startAnnotator(document, matcher);
      for (let waited = 0; painted().length < 101 && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      // An inline part leaves from <body>: the phrase around it is read again, and that is all of <body>.
      document.getElementById('inline')?.remove();
      const fewest = await fewestMarksFor(3000);
      expect(fewest).toBe(100);
      expect(painted()).toHaveLength(100);
      expect(painted()).not.toContain('Kim Jong-un');
    });

    it('reads to the end, and underlines, a page that asks for a full rescan more often than one takes', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('afterbegin', '<ul id="ticker"></ul>');
      const ticker = document.getElementById('ticker') as HTMLElement;
      annotator = startAnnotator(document, matcher);
      // Every 100 ms the page renders 500 new items at once, past what a partial rescan takes; the
      // scan of the whole page takes about a second.
      const rerender = setInterval(() => {
        ticker.replaceChildren(...Array.from({ length: 500 }, () => Object.assign(document.createElement('li'), { textContent: 'item' })));
      }, 100);
      const underlined = () => registry.get(UNDERLINE_HIGHLIGHT)?.size ?? 0;
      try {
        // Eight times as long as one scan of the page takes on an idle machine.
        for (let waited = 0; underlined() < 100 && waited < 8000; waited += 50) await new Promise((done) => setTimeout(done, 50));
        expect(painted()).toHaveLength(100);
        expect(underlined()).toBe(100);
      } finally {
        clearInterval(rerender);
      }
    }, 15_000);

    it('drops at once the marks of text the page removes while it asks for a full rescan in the middle of the read', async () => {
      nearTheView = false;
      // Twice the page: the read lasts about two seconds.
      document.body.insertAdjacentHTML('beforeend', document.body.innerHTML);
      annotator = startAnnotator(document, matcher);
      // The first progress paint shows the first sections' marks.
      for (let waited = 0; painted().length === 0 && waited < 5000; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(painted().length).toBeGreaterThan(0);
      // The page takes the first section away and adds 500 paragraphs one by one: far more parts than a
      // partial rescan takes.
      document.querySelector('section')?.remove();
      for (let item = 0; item < 500; item++) document.body.append(Object.assign(document.createElement('p'), { textContent: 'item' }));
      const onRemovedText = () => kindHighlights(registry).some((highlight) => [...highlight].some((range) => !(range as Range).startContainer.isConnected));
      expect(onRemovedText()).toBe(true);
      for (let waited = 0; onRemovedText() && waited < 600; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(onRemovedText()).toBe(false);
    });

    /** The fewest marks painted at any moment of the next `ms` milliseconds of the clock (which runs ten times as fast). */
    async function fewestMarksFor(ms: number): Promise<number> {
      let fewest = painted().length;
      for (let waited = 0; waited < ms / 10; waited += 20) {
        await new Promise((done) => setTimeout(done, 20));
        fewest = Math.min(fewest, painted().length);
      }
      return fewest;
    }

    it('paints its progress once, then only what it finds near the view, and everything at the end', async () => {
      nearTheView = false;
      annotator = startAnnotator(document, matcher);
      await scanned();
      // The first progress paint, 250 ms in, and the last, when the scan ends.
      expect(paints).toHaveLength(2);
      expect(watchedForNearness).toBeGreaterThan(0);
    });

    it('paints its progress whenever due while what it finds lies near the view', async () => {
      nearTheView = true;
      annotator = startAnnotator(document, matcher);
      await scanned();
      // 250 ms in, after waits of 0.5, 1 and 2 s while the scan runs, and at the end.
      expect(paints.length).toBeGreaterThanOrEqual(4);
    });
  });
});
