/**
 * Every mention under a root and in the open shadow roots inside it, read the
 * way the content script reads a page: by the chunked scanner, its slices and
 * its queue of shadow roots. Unit tests of what is found go through it, so
 * they test the path the product takes.
 */
import { createChunkedScanner } from '../../entrypoints/content/chunked-scan';
import type { Mention } from '../../entrypoints/content/scan';
import type { Matcher } from '../../utils/matcher/matcher';

export function scanWhole(root: Node, matcher: Matcher): Promise<Mention[]> {
  return new Promise((resolve) => {
    const found: Mention[] = [];
    const scanner = createChunkedScanner(matcher, {
      onMentions: (mentions) => found.push(...mentions),
      onShadowRoot: (shadow) => scanner.enqueue([shadow]),
      onHidden: () => undefined,
      onIdle: () => {
        scanner.stop();
        resolve(found);
      },
    });
    scanner.enqueue([root]);
  });
}
