/**
 * When a long scan shows what it has found so far. Every change to the
 * highlights makes Chromium repaint the whole page, a frame of 50 to 150 ms on
 * the bench's 100,000-node page. So the first progress paint waits 250 ms,
 * each wait after it is twice the one before, up to 2 s, and after the first
 * one a progress paint is made only when something found lies near the view
 * (what lies further away is painted when the scan ends). Once a scan ends,
 * and paints all it found, the next one starts again at 250 ms.
 */

const FIRST_WAIT_MS = 250;
const LONGEST_WAIT_MS = 2000;

export type PaintPacing = {
  /**
   * True when what was found by `now` should be painted; the paint is
   * counted. `foundNearView` is asked only for paints after the first.
   */
  progressDue(now: number, foundNearView: () => boolean): boolean;
  /** True once this scan has painted its progress: from then on, what is found near the view matters. */
  paintedProgress(): boolean;
  /** At `now` the scan ended, and everything it found was painted: the next scan starts from the first wait. */
  restart(now: number): void;
  /**
   * The page was replaced and is read again from the top while a scan runs:
   * the next progress paint, when its time comes, is not held back by where
   * things lie (the marks of what the page replaced went at once). The waits
   * go on, so a page that keeps replacing itself still gets its progress
   * painted now and then.
   */
  startOver(): void;
};

export function createPaintPacing(start: number): PaintPacing {
  let lastPaint = start;
  let wait = FIRST_WAIT_MS;
  let progressPaints = 0;
  return {
    progressDue(now, foundNearView) {
      if (now - lastPaint < wait) return false;
      if (progressPaints > 0 && !foundNearView()) return false;
      lastPaint = now;
      wait = Math.min(wait * 2, LONGEST_WAIT_MS);
      progressPaints++;
      return true;
    },
    paintedProgress: () => progressPaints > 0,
    restart(now) {
      lastPaint = now;
      wait = FIRST_WAIT_MS;
      progressPaints = 0;
    },
    startOver() {
      progressPaints = 0;
    },
  };
}
