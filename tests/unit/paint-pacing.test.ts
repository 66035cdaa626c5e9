/**
 * A long scan paints its progress ever less often (each paint repaints the
 * whole page in Chromium), after the first paint only when something found
 * lies near the view, and a new scan starts again at the first wait.
 */
import { describe, expect, it } from 'vitest';
import { createPaintPacing } from '../../entrypoints/content/paint-pacing';

const near = () => true;

/** The moments, among `times`, at which progress is painted; `nearAt` says when something found lies near the view. */
function paintsAt(times: readonly number[], nearAt: (time: number) => boolean = near): number[] {
  const pacing = createPaintPacing(0);
  return times.filter((time) => pacing.progressDue(time, () => nearAt(time)));
}

const everyFiftyMs = Array.from({ length: 200 }, (_, index) => index * 50);

describe('createPaintPacing', () => {
  it('paints the first progress after 250 ms, then after waits that double up to 2 s', () => {
    expect(paintsAt(everyFiftyMs)).toEqual([250, 750, 1750, 3750, 5750, 7750, 9750]);
  });

  it('starts again at the first wait once a scan has ended', () => {
    const pacing = createPaintPacing(0);
    expect([250, 750, 1750].map((time) => pacing.progressDue(time, near))).toEqual([true, true, true]);
    expect(pacing.paintedProgress()).toBe(true);
    pacing.restart(2000);
    expect(pacing.paintedProgress()).toBe(false);
    expect(pacing.progressDue(2200, near)).toBe(false);
    expect(pacing.progressDue(2250, near)).toBe(true);
    expect(pacing.progressDue(2700, near)).toBe(false);
    expect(pacing.progressDue(2750, near)).toBe(true);
  });

  it('after the first progress paint, paints only when something found lies near the view, and then at once', () => {
    // Found near the view only from 3 s on (the reader scrolled down into what was scanned).
    expect(paintsAt(everyFiftyMs, (time) => time >= 3000)).toEqual([250, 3000, 4000, 6000, 8000]);
    expect(paintsAt(everyFiftyMs, () => false)).toEqual([250]);
  });

  it('does not ask where things lie before the first progress paint', () => {
    const pacing = createPaintPacing(0);
    let asked = 0;
    const where = () => {
      asked++;
      return false;
    };
    expect(pacing.progressDue(100, where)).toBe(false);
    expect(pacing.progressDue(250, where)).toBe(true);
    expect(asked).toBe(0);
    expect(pacing.progressDue(800, where)).toBe(false);
    expect(asked).toBe(1);
  });

  it('after the page was replaced mid-scan, paints the next progress when due wherever things lie, and keeps its waits', () => {
    const pacing = createPaintPacing(0);
    const far = () => false;
    expect(pacing.progressDue(250, far)).toBe(true);
    expect(pacing.progressDue(750, far)).toBe(false);
    pacing.startOver();
    expect(pacing.progressDue(760, far)).toBe(true);
    // The wait doubled as before (1 s): replaced again and again, the page still sees its progress.
    pacing.startOver();
    expect(pacing.progressDue(1500, far)).toBe(false);
    expect(pacing.progressDue(1760, far)).toBe(true);
  });
});
