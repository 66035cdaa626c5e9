/**
 * Watches the parts of a page that the scan left out because a style hid
 * them (a collapsed "read more", a closed tab, a veiled spoiler), and tells
 * when the page shows one. A page does that by changing a class, a style or
 * a style sheet. When the part gets a box, a ResizeObserver tells; when only
 * `visibility` changes, the box stays the same, so class and style changes
 * around a hidden part are watched too, only while there is one.
 */
import { isShown } from './scan';

export type RevealWatcher = {
  /** Watches an element the page hides, until it is shown or leaves the page. */
  watch(element: Element): void;
  stop(): void;
};

export function watchForReveal(doc: Document, onShown: (element: Element) => void): RevealWatcher {
  const hidden = new Set<Element>();
  let check = 0;

  function forgetOrRead(element: Element): void {
    const gone = !element.isConnected;
    if (!gone && !isShown(element)) return;
    hidden.delete(element);
    sizes.unobserve(element);
    if (hidden.size === 0) styles.disconnect();
    if (!gone) onShown(element);
  }

  const sizes = new ResizeObserver((entries) => {
    for (const { target } of entries) forgetOrRead(target);
  });
  const styles = new MutationObserver((records) => {
    const changed = new Set(records.map((record) => record.target));
    const nearHidden = [...hidden].some((element) => [...changed].some((target) => target.contains(element)));
    // Asked once per frame, just before the browser restyles the page for it anyway.
    if (nearHidden && !check)
      check = requestAnimationFrame(() => {
        check = 0;
        for (const element of hidden) forgetOrRead(element);
      });
  });

  return {
    watch(element) {
      if (hidden.size === 0) styles.observe(doc, { attributes: true, attributeFilter: ['class', 'style'], subtree: true });
      hidden.add(element);
      sizes.observe(element);
    },
    stop() {
      sizes.disconnect();
      styles.disconnect();
      cancelAnimationFrame(check);
      hidden.clear();
    },
  };
}
