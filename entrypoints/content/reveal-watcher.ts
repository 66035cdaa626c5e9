/**
 * Watches the parts of a page that the scan left out because a style hid
 * them (a collapsed "read more", a closed tab, a veiled spoiler), and tells
 * when the page shows one. A page does that by changing an attribute (a
 * class, a style, `aria-expanded` on a toggle next to the part) or a style
 * sheet. When the part gets a box, a ResizeObserver tells; when only
 * `visibility` changes, the box stays the same, so while any part is hidden,
 * attribute changes anywhere in the document ask again, a few times a second
 * at most.
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

export function watchForReveal(doc: Document, onShown: (element: Element) => void): RevealWatcher {
  const hidden = new Set<Element>();
  let check: ReturnType<typeof setTimeout> | undefined;

  function forget(element: Element): void {
    hidden.delete(element);
    sizes.unobserve(element);
    if (hidden.size === 0) attributes.disconnect();
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
  // Any attribute: a sibling's class (`.toggle.open + .panel`), `aria-expanded`, `data-state` all show parts.
  const attributes = new MutationObserver(() => {
    check ??= setTimeout(checkAll, CHECK_GAP_MS);
  });

  return {
    watch(element) {
      if (hidden.has(element)) return;
      if (hidden.size === 0) attributes.observe(doc, { attributes: true, subtree: true });
      hidden.add(element);
      sizes.observe(element);
    },
    size: () => hidden.size,
    stop() {
      sizes.disconnect();
      attributes.disconnect();
      clearTimeout(check);
      check = undefined;
      hidden.clear();
    },
  };
}
