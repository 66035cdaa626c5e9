/**
 * Watches the parts of a page that the scan left out because a style hid
 * them (a collapsed "read more", a closed tab, a veiled spoiler, a hover
 * menu), and tells when the page shows one. When the part gets a box, a
 * ResizeObserver tells. When only `visibility` changes, the box stays the
 * same, so while any part is hidden, anything that can change a style asks
 * again, a few times a second at most: a change to the DOM (an attribute, a
 * style sheet added or edited, an element added next to the part), or an event
 * that changes a state CSS reads (`:checked`, `:hover`, `:focus-within`,
 * `:target`, `[open]`, `:popover-open`, the end of a transition, a switch to
 * dark mode); and, for what leaves no trace, every two seconds.
 */

import { flatTreeParent } from './flat-tree';
import { isShown } from './scan';

export type RevealWatcher = {
  /**
   * Watches an element the page hides (or the collapsed region around it),
   * until it is shown or leaves the page; tells `onShown` of what it watched.
   */
  watch(element: Element): void;
  /** How many elements are watched. */
  size(): number;
  /** Forgets every watched element and stops listening, until the next `watch`. */
  reset(): void;
};

/**
 * The shortest gap between two checks. Each check asks the browser about
 * every hidden part, which brings its styles up to date: on a page that
 * animates attributes every frame, asking every frame would restyle the page
 * twice a frame.
 */
const CHECK_GAP_MS = 100;

/**
 * While anything is hidden, a check also runs this often whatever happens:
 * some changes leave no trace to hear (a rule a script inserts, an adopted
 * style sheet replaced, a CSS animation or a container query that flips
 * `visibility`). A check costs one visibility question per hidden part, in a
 * frame the page renders anyway; a background tab runs none.
 */
const SAFETY_NET_MS = 2000;

/**
 * Events after which CSS may show a part without any change to the DOM, heard
 * (captured, passively) on each root that holds a hidden part, since some of
 * them (`change`, `toggle`) do not leave a shadow root. Each only asks for a
 * check, and checks are at most ten a second, each as costly as the number of
 * hidden parts (one visibility question each).
 */
const STATE_EVENTS = [
  'change', // a checkbox or radio (`:checked ~ .panel`), a select
  'toggle', // <details>, popovers
  'transitionend', // `visibility` flipped at the end of a delayed transition
  'animationend',
  'pointerover', // menus shown on `:hover`
  'focusin', // menus shown on `:focus-within`
  'load', // a style sheet's <link> done loading
] as const;

/** Events on the window that change what CSS matches: `:target`, media queries on the window's size. */
const WINDOW_EVENTS = ['hashchange', 'resize'] as const;

/**
 * Media features a reader or the system switches without resizing the window
 * (dark mode, high contrast), under which a page's CSS may show a part: each
 * list tells when its answer changes.
 */
const MEDIA_QUERIES = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)', '(forced-colors: active)', '(prefers-reduced-motion: reduce)'] as const;

type WatchedRoot = Document | ShadowRoot;

/**
 * The shadow roots whose changes can show `element`: the one it is in and those around it, and those
 * of the components it is shown in through a slot (the component's styles and state decide there).
 */
function shadowRootsAround(element: Element): Set<ShadowRoot> {
  const roots = new Set<ShadowRoot>();
  for (let node: Node | null = element; node; node = flatTreeParent(node)) if (node instanceof ShadowRoot) roots.add(node);
  return roots;
}

/** True for an element the page gives no box: `display: none` on it or around it, or `content-visibility: hidden`. */
function hasNoBox(element: Element): boolean {
  return !element.checkVisibility();
}

/**
 * What to watch for a hidden element: the outermost element around it with no
 * box, so one watch serves a whole collapsed region (a closed menu, a folded
 * navigation box with hundreds of names); the element itself when it has a
 * box and only its `visibility` hides it (a descendant may show itself then).
 */
function hiddenRegionOf(element: Element): Element {
  let region = element;
  if (!hasNoBox(region)) return region;
  for (let parent = region.parentElement; parent && hasNoBox(parent); parent = parent.parentElement) region = parent;
  return region;
}

/**
 * Calls `onChange` after any change to the DOM under a root (an attribute, a
 * node, a text; not the extension's own) until the returned function is
 * called. The annotator serves it from the one MutationObserver it keeps on
 * each root (page-watcher.ts).
 */
export type ChangeFeed = (root: WatchedRoot, onChange: () => void) => () => void;

export function watchForReveal(doc: Document, onShown: (element: Element) => void, listenForChanges: ChangeFeed): RevealWatcher {
  const hidden = new Set<Element>();
  /** Each shadow root heard, and the hidden parts it is heard for; the document is heard while anything is hidden. */
  const shadowRoots = new Map<ShadowRoot, Set<Element>>();
  const rootsOfPart = new Map<Element, ShadowRoot[]>();
  const view = doc.defaultView;
  const listening: AddEventListenerOptions = { capture: true, passive: true };
  let hearingDocument = false;
  let safetyNet: ReturnType<typeof setInterval> | undefined;
  /** The media query lists heard while the document is: made when first needed. */
  let mediaLists: MediaQueryList[] | undefined;
  let asked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;

  /**
   * A check at most every 100 ms, run at the start of a frame: the frame
   * brings the page's styles up to date anyway, so asking then costs no extra
   * restyle.
   */
  function askSoon(): void {
    if (asked) return;
    asked = true;
    timer = setTimeout(() => {
      frame = requestAnimationFrame(checkAll);
    }, CHECK_GAP_MS);
  }

  /** Each root heard, and how to stop hearing its DOM changes. */
  const stopFeeds = new Map<WatchedRoot, () => void>();

  function hear(root: WatchedRoot): void {
    // Any change: a sibling's class (`.toggle.open + .panel`), `aria-expanded`, a <style> added or edited.
    stopFeeds.set(root, listenForChanges(root, askSoon));
    for (const type of STATE_EVENTS) root.addEventListener(type, askSoon, listening);
  }

  function unhear(root: WatchedRoot): void {
    stopFeeds.get(root)?.();
    stopFeeds.delete(root);
    for (const type of STATE_EVENTS) root.removeEventListener(type, askSoon, listening);
  }

  function hearDocument(): void {
    if (hearingDocument) return;
    hearingDocument = true;
    hear(doc);
    for (const type of WINDOW_EVENTS) view?.addEventListener(type, askSoon, listening);
    mediaLists ??= typeof view?.matchMedia === 'function' ? MEDIA_QUERIES.map((query) => view.matchMedia(query)) : [];
    for (const list of mediaLists) list.addEventListener('change', askSoon);
    safetyNet = setInterval(askSoon, SAFETY_NET_MS);
  }

  function stopHearing(): void {
    if (hearingDocument) {
      unhear(doc);
      for (const type of WINDOW_EVENTS) view?.removeEventListener(type, askSoon, listening);
      for (const list of mediaLists ?? []) list.removeEventListener('change', askSoon);
      clearInterval(safetyNet);
      hearingDocument = false;
    }
    for (const root of shadowRoots.keys()) unhear(root);
    shadowRoots.clear();
    rootsOfPart.clear();
  }

  /** Stops hearing the shadow roots no hidden part needs any more (a component the page took away). */
  function dropRootsOf(element: Element): void {
    for (const root of rootsOfPart.get(element) ?? []) {
      const parts = shadowRoots.get(root);
      parts?.delete(element);
      if (parts?.size === 0) {
        shadowRoots.delete(root);
        unhear(root);
      }
    }
    rootsOfPart.delete(element);
  }

  function forget(element: Element): void {
    hidden.delete(element);
    sizes.unobserve(element);
    if (hidden.size === 0) stopHearing();
    else dropRootsOf(element);
  }

  /** Forgets the parts the page took away, and tells of those it shows. */
  function checkAll(): void {
    asked = false;
    frame = undefined;
    for (const element of hidden) readIfShown(element);
  }

  function readIfShown(element: Element): void {
    if (!element.isConnected) forget(element);
    else if (isShown(element)) {
      forget(element);
      onShown(element);
    }
  }

  const sizes = new ResizeObserver((entries) => {
    for (const { target } of entries) if (hidden.has(target)) readIfShown(target);
  });

  return {
    watch(part) {
      const element = hiddenRegionOf(part);
      if (hidden.has(element)) return;
      hidden.add(element);
      sizes.observe(element);
      hearDocument();
      const roots = [...shadowRootsAround(element)];
      rootsOfPart.set(element, roots);
      for (const root of roots) {
        let parts = shadowRoots.get(root);
        if (!parts) {
          parts = new Set();
          shadowRoots.set(root, parts);
          hear(root);
        }
        parts.add(element);
      }
    },
    size: () => hidden.size,
    reset() {
      sizes.disconnect();
      stopHearing();
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      asked = false;
      hidden.clear();
    },
  };
}
