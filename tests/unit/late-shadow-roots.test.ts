/**
 * A custom element met without a shadow root is looked at again after page
 * changes and a few times on a quiet page, so a component defined late has
 * its shadow root read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LateShadowRoots, watchLateShadowRoots } from '../../entrypoints/content/late-shadow-roots';

let late: LateShadowRoots | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<late-card></late-card><other-card></other-card>';
});

afterEach(() => {
  late?.stop();
  late = undefined;
  vi.useRealTimers();
});

const element = (name: string) => document.querySelector(name) as HTMLElement;

describe('watchLateShadowRoots', () => {
  it('finds a shadow root attached after the scan on a quiet page, then looks less and less often, then stops', () => {
    const met = vi.fn();
    late = watchLateShadowRoots(met);
    late.add(element('late-card'));
    late.add(element('other-card'));
    const shadow = element('late-card').attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(999);
    expect(met).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(met.mock.calls).toEqual([[shadow]]);
    // 2, 4, 8 and 16 s later still; then nothing is left to wait for.
    const lookAt = vi.spyOn(element('other-card'), 'isConnected', 'get');
    vi.advanceTimersByTime(2000 + 4000 + 8000 + 16_000);
    expect(lookAt).toHaveBeenCalledTimes(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('looks at once when the page changes, and forgets elements the page took away', () => {
    const met = vi.fn();
    late = watchLateShadowRoots(met);
    late.add(element('late-card'));
    late.add(element('other-card'));
    element('other-card').remove();
    const shadow = element('late-card').attachShadow({ mode: 'open' });
    late.pageChanged();
    expect(met.mock.calls).toEqual([[shadow]]);
    // Nothing left to look at: no timer either.
    vi.advanceTimersByTime(1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
