/**
 * The annotator over a whole document: how it follows the open shadow roots
 * of components that single-page apps add and take away, a document the page
 * writes anew, and what a rescan keeps and drops. Parts and pages that opt
 * out: annotator-opt-outs; how often a long scan paints: annotator-long-scan.
 * (Highlights are stubbed: support/annotator-page.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { type Annotator, startAnnotator } from '../../entrypoints/content/annotator';
import { matcher, painted, settle, useAnnotatorPage, watching } from './support/annotator-page';

let annotator: Annotator | undefined;
useAnnotatorPage(() => annotator);

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
});
