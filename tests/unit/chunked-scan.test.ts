/**
 * The scanner keeps going when a part of the page cannot be read or painted
 * (a page that fights back): that part is skipped with a warning, what was
 * found around it is painted, and later parts are still read.
 */
import matcherEntities from 'virtual:matcher-entities';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChunkedScanner, type ScanCallbacks } from '../../entrypoints/content/chunked-scan';
import type { Mention } from '../../entrypoints/content/scan';
import { buildMatcher } from '../../utils/matcher/matcher';

const matcher = buildMatcher(matcherEntities);

afterEach(() => vi.restoreAllMocks());

/** Callbacks whose painting fails the first `failures` times. */
function callbacks(failures: number) {
  const painted: string[] = [];
  let idle = 0;
  let failed = 0;
  const given: ScanCallbacks = {
    onMentions(mentions: Mention[]) {
      if (failed < failures) {
        failed++;
        throw new DOMException('The page took this away', 'NotSupportedError');
      }
      painted.push(...mentions.map((mention) => mention.text));
    },
    onShadowRoot: () => undefined,
    onHidden: () => undefined,
    onIdle: () => {
      idle++;
    },
  };
  return { given, painted, idles: () => idle };
}

describe('createChunkedScanner', () => {
  it('warns and goes on when painting a part fails: the scan ends, and what is queued next is read', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML = '<section id="first"><p>North Korea</p></section><section id="second"><p>Kim Jong-un</p></section>';
    const { given, painted, idles } = callbacks(1);
    const scanner = createChunkedScanner(matcher, given);
    scanner.enqueue([document.getElementById('first') as HTMLElement]);
    expect(idles()).toBe(1);
    expect(warn).toHaveBeenCalledWith('Peninsula Lens: part of this page was left unmarked:', expect.any(DOMException));
    // Not stuck: the next part is read at once.
    scanner.enqueue([document.getElementById('second') as HTMLElement]);
    expect(painted).toEqual(['Kim Jong-un']);
    expect(idles()).toBe(2);
    scanner.stop();
  });

  it('paints what it found around a component it could not take in, and reads the rest of the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML = '<p>North Korea</p><div id="host"></div><p>Kim Jong-un</p>';
    (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    const { given, painted, idles } = callbacks(0);
    const scanner = createChunkedScanner(matcher, {
      ...given,
      onShadowRoot() {
        throw new DOMException('The page took this away', 'NotSupportedError');
      },
    });
    scanner.enqueue([document.body]);
    expect(painted).toEqual(['North Korea', 'Kim Jong-un']);
    expect(idles()).toBe(1);
    expect(warn).toHaveBeenCalledWith('Peninsula Lens: part of this page was left unmarked:', expect.any(DOMException));
    scanner.stop();
  });

  it('paints what a slice found before matching failed, and walks on from there in the next slice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // More blocks than are matched together: the first batch is matched, the second fails, the rest is read later.
    const filler = '<p>Plain words</p>'.repeat(70);
    document.body.innerHTML = `<p>North Korea</p>${filler}<p>Kim Jong-un</p>${filler}<p>Otto Warmbier</p>`;
    const { given, painted, idles } = callbacks(0);
    let batches = 0;
    const scanner = createChunkedScanner(
      {
        findIn(text) {
          batches++;
          if (batches === 2) throw new DOMException('The page took this away', 'NotSupportedError');
          return matcher.findIn(text);
        },
      },
      given,
    );
    scanner.enqueue([document.body]);
    expect(painted).toEqual(['North Korea']);
    expect(warn).toHaveBeenCalledTimes(1);
    for (let waited = 0; idles() === 0 && waited < 2000; waited += 10) await new Promise((done) => setTimeout(done, 10));
    // The batch that failed is left out; what follows it is read.
    expect(painted).toEqual(['North Korea', 'Otto Warmbier']);
    scanner.stop();
  });

  it('reads a root queued from inside a slice, after the queue ran dry (the reveal watcher meets a component)', async () => {
    document.body.innerHTML = '<section id="first"><p>North Korea</p></section><section id="second"><p>Kim Jong-un</p></section>';
    const { given, painted, idles } = callbacks(0);
    let queuedFromInside = false;
    const scanner = createChunkedScanner(matcher, {
      ...given,
      onMentions(mentions) {
        given.onMentions(mentions);
        // A callback of the slice queues another root while the slice is still running.
        if (!queuedFromInside) scanner.enqueue([document.getElementById('second') as HTMLElement]);
        queuedFromInside = true;
      },
    });
    scanner.enqueue([document.getElementById('first') as HTMLElement]);
    // Not read inside the running slice, nor dropped: the next slice reads it.
    expect(painted).toEqual(['North Korea']);
    await new Promise((done) => setTimeout(done, 50));
    expect(painted).toEqual(['North Korea', 'Kim Jong-un']);
    expect(idles()).toBe(1);
    scanner.stop();
  });

  it('reads a part queued again before its turn came once, and one queued again while it is read twice', async () => {
    // A long section first: the scan takes many slices, and the page changes a small part meanwhile.
    document.body.innerHTML = `<section id="long">${'<p>Plain words</p>'.repeat(5000)}</section><p id="ticker">Kim Jong-un</p>`;
    const ticker = document.getElementById('ticker') as HTMLElement;
    let tickerReads = 0;
    let paragraphsRead = 0;
    const { given, idles } = callbacks(0);
    const scanner = createChunkedScanner(
      {
        findIn(text) {
          tickerReads += text.split('Kim Jong-un').length - 1;
          paragraphsRead += text.split('Plain words').length - 1;
          return matcher.findIn(text);
        },
      },
      given,
    );
    const long = document.getElementById('long') as HTMLElement;
    // The first slice began reading the long section; it changes behind the walk.
    scanner.enqueue([long]);
    scanner.enqueue([long]);
    for (let change = 0; change < 5; change++) scanner.enqueue([ticker]);
    for (let waited = 0; idles() === 0 && waited < 20_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    expect(idles()).toBe(1);
    expect(tickerReads).toBe(1);
    expect(paragraphsRead).toBe(10_000);
    scanner.stop();
  }, 30_000);
});
