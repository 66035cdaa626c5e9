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
 * Past this many elements between two paints, the observer's work would grow
 * with each one: the next paint is then made when its time comes, as if
 * something were near.
 */
const MOST_WATCHED = 500;

export function watchNearView(): NearView {
  let near = false;
  let observer: IntersectionObserver | undefined;
  const watched = new Set<Element>();

  function observerOf(): IntersectionObserver {
    // A screen above and below the view, so a reader scrolling on finds the marks painted. (Browsers
    // apply the margin only to the top-level view: in a cross-origin frame or a scrolling box inside
    // the page, only what is on screen counts.)
    observer ??= new IntersectionObserver(
      (entries) => {
        // Entries queued before a reset speak of elements already painted.
        if (entries.some((entry) => entry.isIntersecting && watched.has(entry.target))) near = true;
      },
      { rootMargin: '100% 0px' },
    );
    return observer;
  }

  function forgetAll(): void {
    observer?.takeRecords();
    observer?.disconnect();
    watched.clear();
    near = false;
  }

  return {
    watch(element) {
      if (near || watched.has(element)) return;
      if (watched.size >= MOST_WATCHED) {
        near = true;
        return;
      }
      watched.add(element);
      observerOf().observe(element);
    },
    anyNear: () => near,
    reset: forgetAll,
    stop() {
      forgetAll();
      observer = undefined;
    },
  };
}
