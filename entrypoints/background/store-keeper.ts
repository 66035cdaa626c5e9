/**
 * The background's fact store, kept from one request to the next: opened at
 * the first request, opened anew when its connection closed under it, and,
 * while it serves from memory after a failure, opened again a while later.
 * Most failures pass (an open that timed out or was blocked by an older
 * connection, a disk that was full, a damaged record now unseeded), and a
 * worker can live for hours while the popup stays open: without a new try it
 * would stay on memory, and say so, until the worker stopped.
 */
import type { ClosedBy } from './db';
import type { FactStore, OpenFactStoreOptions } from './fact-store';

/** Opens a store (openFactStore with the bundled pack); calls onClosed when its connection closes under it. */
export type OpenStore = (onClosed: (by: ClosedBy) => void, options: OpenFactStoreOptions) => Promise<FactStore>;

/** How long a store serves from memory before IndexedDB is tried again: often enough to recover, rarely enough to cost nothing. */
export const RETRY_AFTER_MS = 60_000;

/**
 * The store for each request. A new try runs beside the memory store, which
 * answers until the try settles, so no request waits on an open that may take
 * seconds; then its store, on IndexedDB or memory, answers and says which.
 */
export function keptFactStore(open: OpenStore, retryAfterMs = RETRY_AFTER_MS): () => Promise<FactStore> {
  let current: Promise<FactStore> | undefined;
  let retry: Promise<FactStore> | undefined;
  // Once a newer version took the database over, it runs beside this worker (an update under way): its database stays.
  let newerVersionRuns = false;
  const opening = (): Promise<FactStore> => {
    const opened: Promise<FactStore> = open(
      (by) => {
        newerVersionRuns ||= by === 'newer-version';
        // Only this store's own connection closing drops it: a store opened since stays.
        if (current === opened) current = undefined;
      },
      { keepNewerDatabase: newerVersionRuns },
    );
    return opened;
  };
  return async () => {
    current ??= retry ?? opening();
    const from = current;
    const store = await from;
    if (store.mode === 'memory' && retry === undefined && Date.now() - (store.memorySince ?? 0) >= retryAfterMs) {
      const next = opening();
      retry = next;
      // openFactStore never rejects.
      void next.then(() => {
        retry = undefined;
        if (current === from) current = next;
      });
    }
    return store;
  };
}
