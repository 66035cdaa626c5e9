/**
 * Work that events may ask for many times between two frames (pointer moves,
 * scrolls), done once, at the next frame, with what holds by then.
 */

/** Calls `run` at the next frame, once however often asked before then; not after `signal` aborts. */
export function oncePerFrame(run: () => void, signal: AbortSignal): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      if (!signal.aborted) run();
    });
  };
}
