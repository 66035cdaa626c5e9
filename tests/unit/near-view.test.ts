/**
 * Whether a mention found lies near the view is answered by an
 * IntersectionObserver (the test DOM computes no layout, so a stand-in
 * observer plays the browser's part and says which elements are near).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNearView } from '../../entrypoints/content/near-view';

/** The stand-in observers made, with what each observes. */
const observers: FakeObserver[] = [];

class FakeObserver {
  readonly observed = new Set<Element>();
  constructor(
    readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: { rootMargin?: string },
  ) {
    observers.push(this);
  }
  observe(element: Element): void {
    this.observed.add(element);
  }
  disconnect(): void {
    this.observed.clear();
  }
  takeRecords(): [] {
    return [];
  }
  /** The browser's next frame: reports each observed element, near or not. */
  frame(isNear: (element: Element) => boolean): void {
    this.callback([...this.observed].map((target) => ({ target, isIntersecting: isNear(target) })));
  }
}

const paragraphs = (count: number) => Array.from({ length: count }, () => document.createElement('p'));

beforeEach(() => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => vi.unstubAllGlobals());

describe('watchNearView', () => {
  it('asks for nothing until an element is watched, then looks a screen above and below the view', () => {
    const nearView = watchNearView();
    expect(observers).toHaveLength(0);
    nearView.watch(document.createElement('p'));
    expect(observers).toHaveLength(1);
    expect(observers[0]?.options.rootMargin).toBe('100% 0px');
  });

  it('tells when any watched element is near the view, and forgets it all after a paint', () => {
    const nearView = watchNearView();
    const far = document.createElement('p');
    const close = document.createElement('p');
    nearView.watch(far);
    observers[0]?.frame(() => false);
    expect(nearView.anyNear()).toBe(false);
    nearView.watch(close);
    observers[0]?.frame((element) => element === close);
    expect(nearView.anyNear()).toBe(true);
    nearView.reset();
    expect(nearView.anyNear()).toBe(false);
    expect(observers[0]?.observed.size).toBe(0);
  });

  it('watches each element once, and past 500 between two paints counts as near (paints come when due)', () => {
    const nearView = watchNearView();
    const many = paragraphs(800);
    for (const element of many.slice(0, 500)) nearView.watch(element);
    for (const element of many.slice(0, 500)) nearView.watch(element);
    expect(observers[0]?.observed.size).toBe(500);
    expect(nearView.anyNear()).toBe(false);
    nearView.watch(many[500] as HTMLElement);
    expect(observers[0]?.observed.size).toBe(500);
    expect(nearView.anyNear()).toBe(true);
    nearView.reset();
    nearView.watch(many[700] as HTMLElement);
    expect(observers[0]?.observed.size).toBe(1);
    expect(nearView.anyNear()).toBe(false);
  });

  it('pays no heed to reports about elements watched before a reset', () => {
    const nearView = watchNearView();
    const painted = document.createElement('p');
    nearView.watch(painted);
    const observer = observers[0] as FakeObserver;
    nearView.reset();
    // A report the browser had queued before the reset arrives after it.
    observer.callback([{ target: painted, isIntersecting: true }]);
    expect(nearView.anyNear()).toBe(false);
  });

  it('stops watching when stopped', () => {
    const nearView = watchNearView();
    nearView.watch(document.createElement('p'));
    nearView.stop();
    expect(observers[0]?.observed.size).toBe(0);
    expect(nearView.anyNear()).toBe(false);
  });
});
