/**
 * Tells whether any mention found since the last paint lies on screen or
 * within a screen of it, without asking for layout: an IntersectionObserver
 * answers after the browser's next frame, which it computes anyway. A long
 * scan uses it to skip progress paints the reader would not see, as each one
 * makes Chromium repaint the whole page.
 */

export type NearView = {
  /** Watches the element a mention was found in. */
  watch(element: Element): void;
  /** True once any watched element has been seen near the view. */
  anyNear(): boolean;
  /** Forgets every watched element (after a paint). */
  reset(): void;
  stop(): void;
};

/**
 * Past this many elements between two paints, more are not watched: the
 * observer's work grows with each one, and mentions are found in document
 * order, so the first ones of a stretch already tell where it lies.
 */
const MOST_WATCHED = 500;

export function watchNearView(): NearView {
  let near = false;
  let observer: IntersectionObserver | undefined;
  const watched = new Set<Element>();

  function observerOf(): IntersectionObserver {
    // A screen above and below the view: a reader scrolling on sees the marks already painted.
    observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) near = true;
      },
      { rootMargin: '100% 0px' },
    );
    return observer;
  }

  return {
    watch(element) {
      if (near || watched.has(element) || watched.size >= MOST_WATCHED) return;
      watched.add(element);
      observerOf().observe(element);
    },
    anyNear: () => near,
    reset() {
      observer?.disconnect();
      watched.clear();
      near = false;
    },
    stop() {
      observer?.disconnect();
      observer = undefined;
      watched.clear();
      near = false;
    },
  };
}
