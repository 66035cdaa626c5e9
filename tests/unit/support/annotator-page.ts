/**
 * The page the annotator tests run on: highlights stubbed (the test DOM has
 * no Highlight or CSS.highlights), the MutationObservers that watch something
 * counted, and a paragraph that names North Korea beside an empty host.
 */
import matcherEntities from 'virtual:matcher-entities';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Annotator } from '../../../entrypoints/content/annotator';
import { buildMatcher } from '../../../utils/matcher/matcher';
import { type FakeHighlight, kindHighlights, stubHighlightRegistry } from './fake-highlights';

export const matcher = buildMatcher(matcherEntities);
/** The highlight registry of the test that runs, stubbed anew before each. */
export let registry: Map<string, FakeHighlight>;
/** Observers that observe something and were not disconnected since. */
export let watching: Set<MutationObserver>;

/**
 * Registers hooks: before each test, stub the registry and MutationObserver
 * and write the page; after it, stop the annotator `running` gives, the one
 * the test started.
 */
export function useAnnotatorPage(running: () => Annotator | undefined): void {
  beforeEach(stubAnnotatorPage);
  afterEach(() => running()?.stop());
}

function stubAnnotatorPage(): void {
  registry = stubHighlightRegistry();
  watching = new Set();
  const RealObserver = globalThis.MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends RealObserver {
      override observe(target: Node, options?: MutationObserverInit): void {
        watching.add(this);
        super.observe(target, options);
      }
      override disconnect(): void {
        watching.delete(this);
        super.disconnect();
      }
    },
  );
  document.body.innerHTML = '<p>North Korea</p><div id="host"></div>';
}

/** The text of every mark painted, sorted. */
export const painted = () =>
  kindHighlights(registry)
    .flatMap((highlight) => [...highlight].map((range) => (range as Range).toString()))
    .sort();

/** Lets the page watcher's batch (idle callback or timer) and the scan's slices run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
