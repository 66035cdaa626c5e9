/**
 * The annotator over a whole document: how it follows the open shadow roots
 * of components that single-page apps add and take away, and how often a long
 * scan paints. (Highlights and the IntersectionObserver are stubbed: the test
 * DOM has no Highlight, CSS.highlights or layout.)
 */
import matcherEntities from 'virtual:matcher-entities';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Annotator, startAnnotator } from '../../entrypoints/content/annotator';
import { UNDERLINE_HIGHLIGHT } from '../../entrypoints/content/highlights';
import { buildMatcher } from '../../utils/matcher/matcher';
import { FakeHighlight, kindHighlights, stubHighlightRegistry } from './support/fake-highlights';

const matcher = buildMatcher(matcherEntities);
let registry: Map<string, FakeHighlight>;
/** Observers that observe something and were not disconnected since. */
let watching: Set<MutationObserver>;
let annotator: Annotator | undefined;

beforeEach(() => {
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
});

afterEach(() => {
  annotator?.stop();
  annotator = undefined;
});

const painted = () =>
  kindHighlights(registry)
    .flatMap((highlight) => [...highlight].map((range) => (range as Range).toString()))
    .sort();

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

  it('reads the shadow root of a component defined after the scan', async () => {
    document.body.innerHTML = '<p>North Korea</p><late-card></late-card>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea']);
    // Its definition loads: the shadow root comes with no change the page's observers see.
    const shadow = (document.querySelector('late-card') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Christoph Heusgen</p>';
    await new Promise((done) => setTimeout(done, 1300));
    expect(painted()).toEqual(['Christoph Heusgen', 'North Korea']);
  });

  it('reads the shadow root of a component the page adds (as the changed part itself) and defines later', async () => {
    document.body.innerHTML = '<p>North Korea</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    const card = document.createElement('late-card');
    document.body.append(card);
    await settle();
    card.attachShadow({ mode: 'open' }).innerHTML = '<p>Christoph Heusgen</p>';
    await new Promise((done) => setTimeout(done, 1300));
    expect(painted()).toEqual(['Christoph Heusgen', 'North Korea']);
  });

  it('takes the marks from a component inside a part the page opts out, and leaves its later changes unread', async () => {
    document.body.innerHTML = '<div id="note"><x-quote id="host"></x-quote></div><p>Kim Jong-un</p>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>North Korea</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    document.getElementById('note')?.setAttribute('data-peninsula-lens', 'off');
    await settle();
    expect(painted()).toEqual(['Kim Jong-un']);
    (shadow.querySelector('p') as HTMLElement).textContent = 'Christoph Heusgen';
    await settle();
    expect(painted()).toEqual(['Kim Jong-un']);
  });

  it('leaves unread a component in an opted-out part when it re-renders whole, or is defined only later', async () => {
    document.body.innerHTML = '<div id="note"><x-list id="list"></x-list><late-x id="late"></late-x></div><p>Trump</p>';
    const shadow = (document.getElementById('list') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>North Korea</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea', 'Trump']);
    document.getElementById('note')?.setAttribute('data-peninsula-lens', 'off');
    await settle();
    expect(painted()).toEqual(['Trump']);
    // A long list rendered in one batch: the component's root is read again whole, or would be.
    for (let item = 0; item < 500; item++) shadow.append(Object.assign(document.createElement('li'), { textContent: 'Kim Jong-un' }));
    // The other component's definition loads.
    (document.getElementById('late') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = '<p>Christoph Heusgen</p>';
    await new Promise((done) => setTimeout(done, 1500));
    expect(painted()).toEqual(['Trump']);
  });

  it('takes the marks from a part the page makes editable, hides or opts out later, and gives them back after', async () => {
    document.body.innerHTML = '<div id="note"><p>North Korea</p></div><p>Kim Jong-un</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    const note = document.getElementById('note') as HTMLElement;
    for (const [name, value] of [
      ['contenteditable', 'true'],
      ['hidden', ''],
      ['data-peninsula-lens', 'off'],
    ]) {
      note.setAttribute(name as string, value as string);
      await settle();
      expect(painted()).toEqual(['Kim Jong-un']);
      note.removeAttribute(name as string);
      await settle();
      expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    }
  });

  it('leaves a page that opts out with a <meta> after the start, and comes back when the <meta> goes', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea']);
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.head.append(meta);
    await settle();
    expect(painted()).toEqual([]);
    // Nothing new is read while the page is closed.
    document.body.insertAdjacentHTML('beforeend', '<p>Kim Jong-un</p>');
    await settle();
    expect(painted()).toEqual([]);
    meta.content = 'on';
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    meta.content = 'off';
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
  });

  /** Starts on a page that holds `meta`: nothing is marked while it is there, and the page is once it goes. */
  async function expectLeftAloneUntilGone(meta: HTMLMetaElement): Promise<void> {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['North Korea']);
  }

  it('marks nothing on a page that opted out between the script’s first look and the site’s answer', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.head.append(meta);
    await expectLeftAloneUntilGone(meta);
  });

  // README: a page opts out with the <meta> "in its <head>, or anywhere in the document"; a CMS may only let an
  // author write into the body, and parsers leave a <meta> that comes late in the body.
  it('leaves a page alone whose opt-out <meta> is in the body from the start, and marks it once the <meta> goes', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    const part = document.createElement('div');
    part.append(meta);
    document.body.append(part);
    await expectLeftAloneUntilGone(meta);
  });

  it('leaves a page when an opt-out <meta> is added to its body later, and comes back when it goes', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea']);
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.body.append(meta);
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['North Korea']);
  });

  it('waits out a document the page opened and writes later (no root element meanwhile), then starts afresh', async () => {
    const page = document.implementation.createHTMLDocument('frame');
    page.body.innerHTML = '<p>North Korea</p>';
    const replaced = vi.fn();
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      annotator = startAnnotator(page, matcher, replaced);
      await settle();
      // What document.open() leaves until the page's first write.
      page.documentElement.remove();
      await settle();
      expect(errors).toEqual([]);
      expect(replaced).not.toHaveBeenCalled();
      page.append(page.createElement('html'));
      await settle();
      expect(replaced).toHaveBeenCalledTimes(1);
      expect(errors).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('comes back when the root element’s opt-out goes, though a <meta> changed while it was there', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    document.documentElement.setAttribute('data-peninsula-lens', 'off');
    // A single-page app rewriting its social tags on every route.
    document.head.append(Object.assign(document.createElement('meta'), { name: 'og:title', content: 'Story' }));
    await settle();
    expect(painted()).toEqual([]);
    document.documentElement.removeAttribute('data-peninsula-lens');
    await settle();
    expect(painted()).toEqual(['North Korea']);
  });

  it('leaves a page turned into an editor (designMode) at its next change, and comes back when it is turned off', async () => {
    // The test DOM has no designMode; a property stands in for it.
    Object.defineProperty(document, 'designMode', { value: 'off', writable: true, configurable: true });
    try {
      annotator = startAnnotator(document, matcher);
      await settle();
      expect(painted()).toEqual(['North Korea']);
      Object.assign(document, { designMode: 'on' });
      // Setting designMode leaves no trace in the DOM; typing into the page does.
      document.querySelector('p')?.append(' and Kim Jong-un');
      await settle();
      expect(painted()).toEqual([]);
      Object.assign(document, { designMode: 'off' });
      document.querySelector('p')?.append('.');
      await settle();
      expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    } finally {
      Reflect.deleteProperty(document, 'designMode');
    }
  });
  it('drops, once a full rescan ends, the marks it did not find again', async () => {
    document.body.innerHTML = '<p>North Korea</p><p id="aside">Kim Jong-un</p><div id="feed"></div>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    // One batch: far more new paragraphs than a partial rescan takes, and a marked one hidden.
    const feed = document.getElementById('feed') as HTMLElement;
    for (let item = 0; item < 500; item++) feed.append(Object.assign(document.createElement('p'), { textContent: 'plain words' }));
    document.getElementById('aside')?.setAttribute('hidden', '');
    for (let waited = 0; painted().length > 1 && waited < 5000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    expect(painted()).toEqual(['North Korea']);
  });

  it('reads the rest of the page when a component it found rewrites itself while the page is being read', async () => {
    // 10,000 paragraphs, one in a hundred with a mention, after a component: a scan of many slices.
    document.body.innerHTML = `<div id="host"></div>${Array.from({ length: 100 }, () => `<section><p>North Korea</p>${'<p>Plain words</p>'.repeat(99)}</section>`).join('')}`;
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Loading</p>';
    annotator = startAnnotator(document, matcher);
    // The first slice met the component; now it renders 500 items at once: its root is read again whole.
    for (let item = 0; item < 500; item++) shadow.append(Object.assign(document.createElement('li'), { textContent: 'item' }));
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Kim Jong-un' }));
    for (let waited = 0; painted().length < 101 && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    expect(painted().filter((text) => text === 'North Korea')).toHaveLength(100);
    expect(painted()).toContain('Kim Jong-un');
  });

  describe('a long scan', () => {
    /** The clock's time at each paint: ranges added to the highlights in one go. */
    let paints: number[];
    let painting = false;
    /** Whether the stand-in IntersectionObserver reports the elements it is given as near the view. */
    let nearTheView: boolean;
    let watchedForNearness: number;

    beforeEach(() => {
      paints = [];
      watchedForNearness = 0;
      // Time runs ten times as fast for the scan: the test DOM scans the page below in about a
      // second, which the scan then takes for ten.
      const realNow = performance.now.bind(performance);
      vi.spyOn(performance, 'now').mockImplementation(() => realNow() * 10);
      vi.stubGlobal(
        'Highlight',
        class extends FakeHighlight {
          override add(range: AbstractRange): this {
            if (!painting) {
              painting = true;
              paints.push(performance.now());
              // Whatever is added before the running code ends is the same paint.
              queueMicrotask(() => {
                painting = false;
              });
            }
            return super.add(range);
          }
        },
      );
      vi.stubGlobal(
        'IntersectionObserver',
        class {
          constructor(readonly report: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
          observe(target: Element): void {
            watchedForNearness++;
            queueMicrotask(() => this.report([{ target, isIntersecting: nearTheView }]));
          }
          takeRecords(): [] {
            return [];
          }
          disconnect(): void {}
        },
      );
      // 10,000 paragraphs, one in a hundred with a mention.
      document.body.innerHTML = Array.from({ length: 100 }, () => `<section><p>North Korea</p>${'<p>Plain words</p>'.repeat(99)}</section>`).join('');
    });

    afterEach(() => vi.restoreAllMocks());

    async function scanned(): Promise<void> {
      for (let waited = 0; painted().length < 100 && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      expect(painted()).toHaveLength(100);
    }

    it('leaves unread and unmarked the rest of a part the page opts out while the scan is inside it', async () => {
      nearTheView = false;
      annotator = startAnnotator(document, matcher);
      // The first slice ran: the walk is inside <body>.
      document.body.setAttribute('data-peninsula-lens', 'off');
      try {
        await new Promise((done) => setTimeout(done, 2500));
        expect(painted()).toEqual([]);
      } finally {
        document.body.removeAttribute('data-peninsula-lens');
      }
    });

    it('leaves unmarked a part queued for reading and made editable before the scan reached it', async () => {
      nearTheView = false;
      // The watcher queues what changed when the page is idle: here, when the test says so, so the
      // part is made editable while the scan has yet to reach it, however fast this machine scans.
      const idleCallbacks: (() => void)[] = [];
      const pageIdle = Object.getOwnPropertyDescriptor(globalThis, 'requestIdleCallback');
      Object.defineProperty(globalThis, 'requestIdleCallback', { configurable: true, value: (callback: () => void) => idleCallbacks.push(callback) });
      annotator = startAnnotator(document, matcher);
      // Added behind the walk: the watcher queues it, to be read after the rest of the page.
      const part = Object.assign(document.createElement('div'), { innerHTML: '<p>Kim Jong-un</p>' });
      document.body.prepend(part);
      for (let waited = 0; idleCallbacks.length === 0 && waited < 2000; waited += 10) await new Promise((done) => setTimeout(done, 10));
      if (pageIdle) Object.defineProperty(globalThis, 'requestIdleCallback', pageIdle);
      else Reflect.deleteProperty(globalThis, 'requestIdleCallback');
      for (const queueChanges of idleCallbacks.splice(0)) queueChanges();
      expect(painted().length).toBeLessThan(100);
      // An editor mounts on it.
      part.setAttribute('contenteditable', 'true');
      await scanned();
      await settle();
      expect(painted()).not.toContain('Kim Jong-un');
    });

    it('keeps every mark, and reads little, when a toast leaves from between the page’s blocks', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('beforeend', '<div id="toast">Saved</div>');
      let read = 0;
      annotator = startAnnotator(document, {
        findIn(text) {
          read += text.length;
          return matcher.findIn(text);
        },
      });
      await scanned();
      await settle();
      const before = read;
      document.getElementById('toast')?.remove();
      const fewest = await fewestMarksFor(1000);
      expect(read - before).toBeLessThan(1000);
      expect(fewest).toBe(100);
    });

    it('keeps every mark while it reads a large part again, and drops only what went', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('beforeend', '<b id="inline">Kim</b> <i>Jong-un</i>');
      annotator = startAnnotator(document, matcher);
      for (let waited = 0; painted().length < 101 && waited < 20_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      // An inline part leaves from <body>: the phrase around it is read again, and that is all of <body>.
      document.getElementById('inline')?.remove();
      const fewest = await fewestMarksFor(3000);
      expect(fewest).toBe(100);
      expect(painted()).toHaveLength(100);
      expect(painted()).not.toContain('Kim Jong-un');
    });

    it('reads to the end, and underlines, a page that asks for a full rescan more often than one takes', async () => {
      nearTheView = false;
      document.body.insertAdjacentHTML('afterbegin', '<ul id="ticker"></ul>');
      const ticker = document.getElementById('ticker') as HTMLElement;
      annotator = startAnnotator(document, matcher);
      // Every 100 ms the page renders 500 new items at once, past what a partial rescan takes; the
      // scan of the whole page takes about a second.
      const rerender = setInterval(() => {
        ticker.replaceChildren(...Array.from({ length: 500 }, () => Object.assign(document.createElement('li'), { textContent: 'item' })));
      }, 100);
      const underlined = () => registry.get(UNDERLINE_HIGHLIGHT)?.size ?? 0;
      try {
        // Eight times as long as one scan of the page takes on an idle machine.
        for (let waited = 0; underlined() < 100 && waited < 8000; waited += 50) await new Promise((done) => setTimeout(done, 50));
        expect(painted()).toHaveLength(100);
        expect(underlined()).toBe(100);
      } finally {
        clearInterval(rerender);
      }
    }, 15_000);

    it('drops at once the marks of text the page removes while it asks for a full rescan in the middle of the read', async () => {
      nearTheView = false;
      // Twice the page: the read lasts about two seconds.
      document.body.insertAdjacentHTML('beforeend', document.body.innerHTML);
      annotator = startAnnotator(document, matcher);
      // The first progress paint shows the first sections' marks.
      for (let waited = 0; painted().length === 0 && waited < 5000; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(painted().length).toBeGreaterThan(0);
      // The page takes the first section away and adds 500 paragraphs one by one: far more parts than a
      // partial rescan takes.
      document.querySelector('section')?.remove();
      for (let item = 0; item < 500; item++) document.body.append(Object.assign(document.createElement('p'), { textContent: 'item' }));
      const onRemovedText = () => kindHighlights(registry).some((highlight) => [...highlight].some((range) => !(range as Range).startContainer.isConnected));
      expect(onRemovedText()).toBe(true);
      for (let waited = 0; onRemovedText() && waited < 600; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(onRemovedText()).toBe(false);
    });

    /** The fewest marks painted at any moment of the next `ms` milliseconds of the clock (which runs ten times as fast). */
    async function fewestMarksFor(ms: number): Promise<number> {
      let fewest = painted().length;
      for (let waited = 0; waited < ms / 10; waited += 20) {
        await new Promise((done) => setTimeout(done, 20));
        fewest = Math.min(fewest, painted().length);
      }
      return fewest;
    }

    it('paints its progress once, then only what it finds near the view, and everything at the end', async () => {
      nearTheView = false;
      annotator = startAnnotator(document, matcher);
      await scanned();
      // The first progress paint, 250 ms in, and the last, when the scan ends.
      expect(paints).toHaveLength(2);
      expect(watchedForNearness).toBeGreaterThan(0);
    });

    it('paints its progress whenever due while what it finds lies near the view', async () => {
      nearTheView = true;
      annotator = startAnnotator(document, matcher);
      await scanned();
      // 250 ms in, after waits of 0.5, 1 and 2 s while the scan runs, and at the end.
      expect(paints.length).toBeGreaterThanOrEqual(4);
    });
  });
});
