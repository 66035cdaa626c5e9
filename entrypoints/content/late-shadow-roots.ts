/**
 * Custom elements the scan met without a shadow root. A component whose
 * definition loads after the scan (a lazy `customElements.define`) attaches
 * its shadow root then, and no MutationObserver tells of that. So they are
 * looked at again after each change to the page and, on a quiet page, a few
 * times after they were met (after waits of 1, 2, 4, 8 and 16 s), then not
 * until the page changes.
 */

export type LateShadowRoots = {
  /** An element the scan met with a `-` in its name and no shadow root. */
  add(element: Element): void;
  /** The page changed: look now, and start the waits again. */
  pageChanged(): void;
  stop(): void;
};

const FIRST_WAIT_MS = 1000;
const LAST_WAIT_MS = 16_000;
/** Apps built of custom elements have thousands; past this many, the rest are not looked at again. */
const MOST_WATCHED = 5000;

export function watchLateShadowRoots(onShadowRoot: (shadow: ShadowRoot) => void): LateShadowRoots {
  const bare = new Set<Element>();
  let wait = FIRST_WAIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function look(): void {
    for (const element of bare) {
      if (!element.isConnected) bare.delete(element);
      else if (element.shadowRoot) {
        bare.delete(element);
        onShadowRoot(element.shadowRoot);
      }
    }
  }

  function arm(): void {
    if (timer !== undefined || bare.size === 0 || wait > LAST_WAIT_MS) return;
    timer = setTimeout(() => {
      timer = undefined;
      look();
      wait *= 2;
      arm();
    }, wait);
  }

  return {
    add(element) {
      if (bare.size >= MOST_WATCHED) return;
      bare.add(element);
      arm();
    },
    pageChanged() {
      look();
      wait = FIRST_WAIT_MS;
      clearTimeout(timer);
      timer = undefined;
      arm();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      bare.clear();
    },
  };
}
