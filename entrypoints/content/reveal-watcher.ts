/**
 * Watches the parts of a page that the scan left out because a style hid
 * them (a collapsed "read more", a closed tab, a veiled spoiler, a hover
 * menu), and tells when the page shows one. When the part gets a box, a
 * ResizeObserver tells. When only `visibility` changes, the box stays the
 * same, so while any part is hidden, anything that can change a style asks
 * again, a few times a second at most: a change to the DOM (an attribute, a
 * style sheet added or edited, an element added next to the part), or an event
 * that changes a state CSS reads (`:checked`, `:hover`, `:focus-within`,
 * `:target`, `[open]`, `:popover-open`, the end of a transition).
 */
import { isShown } from './scan';

export type RevealWatcher = {
  /** Watches an element the page hides, until it is shown or leaves the page. */
  watch(element: Element): void;
  /** How many elements are watched. */
  size(): number;
  stop(): void;
};

/**
 * The shortest gap between two checks. Each check asks the browser about
 * every hidden part, which brings its styles up to date: on a page that
 * animates attributes every frame, asking every frame would restyle the page
 * twice a frame.
 */
const CHECK_GAP_MS = 100;

/**
 * Events after which CSS may show a part without any change to the DOM, heard
 * (captured, passively) on each root that holds a hidden part, since some of
 * them (`change`, `toggle`) do not leave a shadow root. Each only asks for a
 * check, so the pointer moving over a page costs a few checks a second.
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

/** Events on the window that change what CSS matches: `:target`, media queries. */
const WINDOW_EVENTS = ['hashchange', 'resize'] as const;

type WatchedRoot = Document | ShadowRoot;

/**
 * The shadow roots whose changes can show `element`: the one it is in and those around it, and those
 * of the components it is shown in through a slot (the component's styles and state decide there).
 */
function shadowRootsAround(element: Element): Set<ShadowRoot> {
  const roots = new Set<ShadowRoot>();
  let node: Node | null = element;
  while (node) {
    const slot: HTMLSlotElement | null = node instanceof Element || node instanceof Text ? node.assignedSlot : null;
    const parent: Node | null = slot ?? node.parentNode;
    if (parent instanceof ShadowRoot) {
      roots.add(parent);
      node = parent.host;
    } else node = parent;
  }
  return roots;
}

export function watchForReveal(doc: Document, onShown: (element: Element) => void): RevealWatcher {
  const hidden = new Set<Element>();
  /** The document and each shadow root that holds a hidden part: where changes are heard. */
  const roots = new Set<WatchedRoot>();
  const view = doc.defaultView;
  let check: ReturnType<typeof setTimeout> | undefined;

  function askSoon(): void {
    check ??= setTimeout(checkAll, CHECK_GAP_MS);
  }

  const listening: AddEventListenerOptions = { capture: true, passive: true };

  function hearRoot(root: WatchedRoot): void {
    if (roots.has(root)) return;
    roots.add(root);
    // Any change: a sibling's class (`.toggle.open + .panel`), `aria-expanded`, a <style> added or edited.
    changes.observe(root, { attributes: true, childList: true, characterData: true, subtree: true });
    for (const type of STATE_EVENTS) root.addEventListener(type, askSoon, listening);
    if (root === doc) for (const type of WINDOW_EVENTS) view?.addEventListener(type, askSoon, listening);
  }

  function stopHearing(): void {
    changes.disconnect();
    for (const root of roots) for (const type of STATE_EVENTS) root.removeEventListener(type, askSoon, listening);
    for (const type of WINDOW_EVENTS) view?.removeEventListener(type, askSoon, listening);
    roots.clear();
  }

  function forget(element: Element): void {
    hidden.delete(element);
    sizes.unobserve(element);
    if (hidden.size === 0) stopHearing();
  }

  /** Forgets the parts the page took away, and tells of those it shows. */
  function checkAll(): void {
    check = undefined;
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
  const changes = new MutationObserver(askSoon);

  return {
    watch(element) {
      if (hidden.has(element)) return;
      hidden.add(element);
      sizes.observe(element);
      hearRoot(doc);
      for (const root of shadowRootsAround(element)) hearRoot(root);
    },
    size: () => hidden.size,
    stop() {
      sizes.disconnect();
      stopHearing();
      clearTimeout(check);
      check = undefined;
      hidden.clear();
    },
  };
}
