/**
 * Frames with nothing in them yet: ad slots a loader fills later, frames
 * pages keep to talk to other sites, a tracking pixel's. Starting the
 * extension in each (asking the background, building the matcher, watching
 * the page) costs milliseconds a frame, for frames that may never hold a
 * word; an empty frame starts once something is put in it.
 */

/** True for a frame (not a tab's top page) whose body holds no element and no text. */
export function isEmptyFrame(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view || view === view.top) return false;
  const body = doc.body;
  // No body (a frameset, or not parsed yet) is not judged empty: the normal start handles it.
  // A body with a shadow root shows what that holds, which no mutation of the document tells of.
  return body !== null && body.shadowRoot === null && body.firstElementChild === null && body.textContent.trim() === '';
}

/** Calls `onFilled` once, when an element or text is put in the frame's body; returns a function that stops waiting. */
export function whenFrameFilled(doc: Document, onFilled: () => void): () => void {
  const observer = new MutationObserver(() => {
    if (isEmptyFrame(doc)) return;
    observer.disconnect();
    onFilled();
  });
  // The document itself, not its body: a loader may write a whole new document (document.open()).
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
