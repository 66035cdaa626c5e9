/**
 * A long scan paints its progress ever less often (each paint repaints the
 * whole page in Chromium), and a new scan starts again at the first wait.
 */
import { describe, expect, it } from 'vitest';
import { createPaintPacing } from '../../entrypoints/content/paint-pacing';

/** The moments, among `times`, at which progress is painted. */
function paintsAt(times: readonly number[], start = 0): number[] {
  const pacing = createPaintPacing(start);
  return times.filter((time) => pacing.progressDue(time));
}

describe('createPaintPacing', () => {
  it('paints the first progress after 250 ms, then after waits that double up to 2 s', () => {
    const everyFiftyMs = Array.from({ length: 200 }, (_, index) => index * 50);
    expect(paintsAt(everyFiftyMs)).toEqual([250, 750, 1750, 3750, 5750, 7750, 9750]);
  });

  it('starts again at the first wait once a scan has ended', () => {
    const pacing = createPaintPacing(0);
    expect([250, 750, 1750].map((time) => pacing.progressDue(time))).toEqual([true, true, true]);
    pacing.scanEnded(2000);
    expect(pacing.progressDue(2200)).toBe(false);
    expect(pacing.progressDue(2250)).toBe(true);
    expect(pacing.progressDue(2700)).toBe(false);
    expect(pacing.progressDue(2750)).toBe(true);
  });
});
