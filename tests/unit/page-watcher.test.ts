/**
 * The page watcher: changed subtrees reduced to the outermost ones, changes
 * batched into one callback, a full rescan past the threshold, and the
 * extension's own card host ignored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachCardHost } from '../../entrypoints/content/card-host-element';
import { type ChangedParts, outermostNodes, watchForText } from '../../entrypoints/content/page-watcher';

/** Long enough for the watcher's idle-time flush (a 50 ms timer where requestIdleCallback is missing). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 120));
}

/** Waits until `done` holds, for at most two seconds: a slow machine takes longer to report 2,000 additions. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

let calls: ChangedParts[] = [];
let stop: (() => void) | undefined;

function watch(root: Document | ShadowRoot = document): void {
  stop = watchForText(root, (changed) => calls.push(changed)).stop;
}

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

beforeEach(() => {
  document.body.innerHTML = '';
  calls = [];
});

afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('outermostNodes', () => {
  it('drops nodes that lie inside other queued nodes', () => {
    document.body.innerHTML = '<section><p><b>North</b> Korea</p></section><p id="other">x</p>';
    const section = document.querySelector('section') as HTMLElement;
    const bold = document.querySelector('b') as HTMLElement;
    const text = bold.firstChild as Text;
    const other = document.getElementById('other') as HTMLElement;
    expect(outermostNodes([text, bold, section, other])).toEqual([section, other]);
  });

  it('drops disconnected nodes and duplicates, keeping the order it was given', () => {
    document.body.innerHTML = '<p id="a">a</p><p id="b">b</p>';
    const a = document.getElementById('a') as HTMLElement;
    const b = document.getElementById('b') as HTMLElement;
    const detached = paragraph('gone');
    const removed = paragraph('removed');
    document.body.append(removed);
    removed.remove();
    expect(outermostNodes([b, detached, a, b, removed, a])).toEqual([b, a]);
  });

  it('keeps a node whose ancestor is not queued', () => {
    document.body.innerHTML = '<div><p>x</p></div>';
    const p = document.querySelector('p') as HTMLElement;
    expect(outermostNodes([p])).toEqual([p]);
    expect(outermostNodes([])).toEqual([]);
  });
});

describe('watchForText', () => {
  it('batches several changes into one callback with the outermost changed nodes', async () => {
    watch();
    const first = paragraph('North Korea');
    const second = paragraph('Kim Jong-un');
    document.body.append(first);
    document.body.append(second);
    first.append(document.createElement('b'));
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [first, second], metaChanged: false, removedText: false }]);
  });

  it('reports a changed text node', async () => {
    document.body.append(paragraph('North Corea'));
    const text = document.querySelector('p')?.firstChild as Text;
    watch();
    text.data = 'North Korea';
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [text], metaChanged: false, removedText: false }]);
  });

  it('reports the parent of a removed node, since a removal can join two texts into one phrase', async () => {
    document.body.innerHTML = '<p>North <img alt="">Korea</p>';
    const p = document.querySelector('p') as HTMLElement;
    watch();
    p.querySelector('img')?.remove();
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [p], metaChanged: false, removedText: true }]);
  });

  it('reads no parent again when a block leaves from between blocks (a toast), but tells that text went', async () => {
    document.body.innerHTML = '<section><p>North Korea</p>\n<div id="toast">Saved</div>\n<p>Kim Jong-un</p></section>';
    watch();
    document.getElementById('toast')?.remove();
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [], metaChanged: false, removedText: true }]);
  });

  it('reads the parent again when a block leaves from the end of an inline part, or from between skipped elements', async () => {
    document.body.innerHTML =
      '<section id="a">North<span id="wrap"> <div id="tip">tooltip</div></span>Korea</section>' +
      '<section id="b">North <script>var a;</script><div id="tip2">tooltip</div><script>var b;</script> Korea</section>';
    const wrap = document.getElementById('wrap') as HTMLElement;
    const second = document.getElementById('b') as HTMLElement;
    watch();
    document.getElementById('tip')?.remove();
    document.getElementById('tip2')?.remove();
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [wrap, second], metaChanged: false, removedText: true }]);
  });

  it('reads no card grid again when a framework re-renders one card inside its link', async () => {
    // The cards beside the link start and end with blocks: no text can join across its edges.
    const cards = [1, 2, 3].map((n) => `<a href="#${n}"><div><h3>Card ${n}</h3></div></a>`).join('');
    document.body.innerHTML = `<main>${cards}</main>`;
    const link = document.querySelector('a[href="#2"]') as HTMLElement;
    const fresh = document.createElement('div');
    fresh.innerHTML = '<h3>New</h3>';
    watch();
    link.replaceChildren(fresh);
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [fresh], metaChanged: false, removedText: true }]);
  });

  it('reads the parent again when a block leaves from between text that may now read as one phrase', async () => {
    // White space beside the block is looked past: "North" and "Korea" become one phrase.
    document.body.innerHTML = '<section><b>North</b>\n<div id="toast">Saved</div>\nKorea</section>';
    const section = document.querySelector('section') as HTMLElement;
    watch();
    document.getElementById('toast')?.remove();
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [section], metaChanged: false, removedText: true }]);
  });

  it('calls back again for a later batch', async () => {
    watch();
    document.body.append(paragraph('one'));
    await settle();
    document.body.append(paragraph('two'));
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('does not call back when nothing changed', async () => {
    watch();
    await settle();
    expect(calls).toEqual([]);
  });

  it('asks for a full rescan when more subtrees changed than the threshold', async () => {
    watch();
    for (let i = 0; i < 401; i++) document.body.append(paragraph(`p${i}`));
    await settle();
    expect(calls).toEqual([{ full: true, metaChanged: false }]);
  });

  it('lists the nodes when the batch is at the threshold', async () => {
    watch();
    for (let i = 0; i < 400; i++) document.body.append(paragraph(`p${i}`));
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ full: false });
    expect(calls[0]?.full === false ? calls[0].nodes.length : 0).toBe(400);
  });

  it('asks for one full rescan when the queue overflows, however many changes follow', async () => {
    watch();
    for (let i = 0; i < 2000; i++) document.body.append(paragraph(`p${i}`));
    await until(() => calls.length > 0);
    // And nothing more after it.
    await settle();
    expect(calls).toEqual([{ full: true, metaChanged: false }]);
  });

  it('counts nested changes once: 500 nodes added inside one subtree are one change', async () => {
    watch();
    const section = document.createElement('section');
    document.body.append(section);
    for (let i = 0; i < 500; i++) section.append(paragraph(`p${i}`));
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [section], metaChanged: false, removedText: false }]);
  });

  it('does not call back when the card host is added or removed', async () => {
    watch();
    const [host] = attachCardHost(document);
    document.documentElement.append(host);
    await settle();
    host.remove();
    await settle();
    expect(calls).toEqual([]);
  });

  it('does not call back for scripts, styles, comments or anything in <head>, which pages change all the time', async () => {
    watch();
    const script = document.createElement('script');
    document.body.append(script);
    document.body.append(document.createComment('ad slot'));
    document.head.append(document.createElement('style'));
    document.title = '(1) new message';
    await settle();
    script.remove();
    await settle();
    expect(calls).toEqual([]);
  });

  it('tells when a <meta> comes, changes its content or goes, with no part of the page to read', async () => {
    watch();
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.head.append(meta);
    await settle();
    meta.content = 'on';
    await settle();
    meta.remove();
    await settle();
    // A meta inside a part a CMS adds to the body.
    const part = document.createElement('div');
    part.append(Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' }));
    document.body.append(part);
    await settle();
    // Other elements in the head, and the same attributes on other elements, say nothing.
    document.head.append(Object.assign(document.createElement('link'), { rel: 'preload' }));
    const form = document.createElement('form');
    document.head.append(form);
    await settle();
    form.setAttribute('name', 'search');
    form.setAttribute('content', 'x');
    await settle();
    expect(calls).toEqual([
      { full: false, nodes: [], metaChanged: true, removedText: false },
      { full: false, nodes: [], metaChanged: true, removedText: false },
      { full: false, nodes: [], metaChanged: true, removedText: false },
      { full: false, nodes: [part], metaChanged: true, removedText: false },
    ]);
  });

  it('also tells of any change, a class or a style too, while asked to, from the same observer', async () => {
    const watch = watchForText(document, (changed) => calls.push(changed));
    stop = watch.stop;
    let told = 0;
    watch.alsoTell(() => told++);
    document.body.classList.add('dark');
    await settle();
    expect(told).toBe(1);
    // Nothing to read changed: no report of text.
    expect(calls).toEqual([]);
    // The extension's own card is not a change of the page's.
    const [host] = attachCardHost(document);
    document.documentElement.append(host);
    host.remove();
    await settle();
    expect(told).toBe(1);
    // Text changes are still reported, and told.
    const added = paragraph('North Korea');
    document.body.append(added);
    await settle();
    expect(told).toBe(2);
    expect(calls).toEqual([{ full: false, nodes: [added], metaChanged: false, removedText: false }]);
    watch.alsoTell(undefined);
    document.body.classList.remove('dark');
    await settle();
    expect(told).toBe(2);
  });

  it('reads a page’s own element whose name starts like the card’s host: ours are known by identity, not by name', async () => {
    watch();
    const lookalike = document.createElement('peninsula-lens-card-x');
    lookalike.textContent = 'North Korea';
    document.body.append(lookalike);
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [lookalike], metaChanged: false, removedText: false }]);
    lookalike.remove();
  });

  it('still reports page changes made alongside the card host', async () => {
    watch();
    const [host] = attachCardHost(document);
    document.documentElement.append(host);
    const added = paragraph('North Korea');
    document.body.append(added);
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [added], metaChanged: false, removedText: false }]);
    host.remove();
  });

  it('watches a shadow root', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    watch(shadow);
    const added = paragraph('North Korea');
    shadow.append(added);
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [added], metaChanged: false, removedText: false }]);
  });

  it('stops calling back once stopped, even for changes already queued', async () => {
    watch();
    document.body.append(paragraph('queued before stop'));
    stop?.();
    document.body.append(paragraph('after stop'));
    await settle();
    expect(calls).toEqual([]);
  });

  // A flush already scheduled after an overflow must not rescan a page the watcher has left.
  it('does not ask for a full rescan after it was stopped, even after an overflow', async () => {
    watch();
    for (let i = 0; i < 2000; i++) document.body.append(paragraph(`p${i}`));
    // Let the observer take the records (and overflow) before stopping.
    await Promise.resolve();
    await Promise.resolve();
    stop?.();
    await settle();
    expect(calls).toEqual([]);
  });

  // Text a page reveals by removing `hidden` ("read more", tab panels, accordions) was skipped by the
  // first scan as hidden, so it must be reported when it appears.
  it('reports text that appears when a page removes a hidden attribute', async () => {
    document.body.innerHTML = '<div hidden><p>North Korea</p></div>';
    const panel = document.querySelector('div') as HTMLElement;
    watch();
    panel.removeAttribute('hidden');
    await settle();
    expect(calls).toEqual([{ full: false, nodes: [panel], metaChanged: false, removedText: false }]);
  });
});
