/**
 * The annotator over a whole document: here, how it follows the open shadow
 * roots of components that single-page apps add and take away. (Highlights
 * are stubbed: the test DOM has no Highlight or CSS.highlights.)
 */
import matcherEntities from 'virtual:matcher-entities';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Annotator, startAnnotator } from '../../entrypoints/content/annotator';
import { buildMatcher } from '../../utils/matcher/matcher';

class FakeHighlight extends Set<AbstractRange> {}

const matcher = buildMatcher(matcherEntities);
let registry: Map<string, FakeHighlight>;
/** Observers that observe something and were not disconnected since. */
let watching: Set<MutationObserver>;
let annotator: Annotator | undefined;

beforeEach(() => {
  registry = new Map();
  watching = new Set();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
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
});

afterEach(() => {
  annotator?.stop();
  annotator = undefined;
});

const painted = () => [...registry.values()].flatMap((highlight) => [...highlight].map((range) => (range as Range).toString())).sort();

/** Lets the page watcher's batch (idle callback or timer) and the scan's slices run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('startAnnotator', () => {
  it('stops watching a component’s shadow root when the component leaves the page, and watches it again when it comes back', async () => {
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>the Security Council</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea', 'Security Council']);
    expect(watching.size).toBe(2);

    host.remove();
    await settle();
    expect(painted()).toEqual(['North Korea']);
    expect(watching.size).toBe(1);

    document.body.append(host);
    await settle();
    expect(painted()).toEqual(['North Korea', 'Security Council']);
    expect(watching.size).toBe(2);
    // Watched again: an edit inside the shadow root is read.
    (shadow.querySelector('p') as HTMLElement).textContent = 'Kim Jong-un spoke';
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);

    annotator.stop();
    annotator = undefined;
    expect(watching.size).toBe(0);
    expect(painted()).toEqual([]);
  });
});
