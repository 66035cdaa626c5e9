/**
 * A part the page hides with a style is read again when the page shows it,
 * also when only its `visibility` flips (its box does not change, so only an
 * attribute change tells): on the part, an ancestor or a sibling. Checks are
 * few however often attributes change, parts the page took away are
 * forgotten, and nothing is watched once nothing is hidden. The test DOM has
 * no checkVisibility: each hidden element gets one that reads the page's
 * state, and counts the questions.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachCardHost } from '../../entrypoints/content/card-host-element';
import { type TextWatch, watchForText } from '../../entrypoints/content/page-watcher';
import { type ChangeFeed, type RevealWatcher, watchForReveal } from '../../entrypoints/content/reveal-watcher';

let watcher: RevealWatcher | undefined;
let checks = 0;

/** The page's watch of each root, as the annotator keeps them; the feed is served from them. */
const watches = new Map<Document | ShadowRoot, TextWatch>();
/** Roots whose watch tells the reveal watcher of every change now. */
const fed = new Set<Document | ShadowRoot>();
const feed: ChangeFeed = (root, onAnyChange) => {
  let watch = watches.get(root);
  if (!watch) {
    watch = watchForText(root, () => undefined);
    watches.set(root, watch);
  }
  watch.alsoTell(onAnyChange);
  fed.add(root);
  return () => {
    watch.alsoTell(undefined);
    fed.delete(root);
  };
};

/**
 * An element shown when `shown()` says so. Each check of whether it is shown
 * (asked with options) is counted; asking whether it has a box at all (no
 * options, when a part is first watched) is not.
 */
function hiddenPart(id: string, shown: () => boolean): HTMLElement {
  const element = document.getElementById(id) as HTMLElement;
  element.checkVisibility = (options?: CheckVisibilityOptions) => {
    if (options) checks++;
    return shown();
  };
  return element;
}

/** Longer than the watcher's gap between checks. */
const afterCheck = () => new Promise((done) => setTimeout(done, 150));

beforeEach(() => {
  checks = 0;
  document.body.innerHTML = `<nav id="menu" class="closed"></nav>
    <article id="story"><section id="spoiler" class="veiled"><p>Robert R. King</p></section></article>
    <button id="toggle" aria-expanded="false"></button><div id="panel"><p>Stephen Biegun</p></div>`;
});

afterEach(() => {
  watcher?.reset();
  watcher = undefined;
  for (const watch of watches.values()) watch.stop();
  watches.clear();
  fed.clear();
  vi.restoreAllMocks();
});

describe('watchForReveal', () => {
  it('tells when a class change shows a hidden part, once, and then stops watching', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    const spoiler = hiddenPart('spoiler', () => !document.getElementById('spoiler')?.classList.contains('veiled'));
    watcher.watch(spoiler);
    document.getElementById('story')?.classList.add('expanded');
    await afterCheck();
    expect(shown).not.toHaveBeenCalled();
    spoiler.classList.remove('veiled');
    await afterCheck();
    expect(shown.mock.calls).toEqual([[spoiler]]);
    expect(watcher.size()).toBe(0);
    expect(fed.size).toBe(0);
    const checksWhenShown = checks;
    spoiler.classList.add('veiled');
    spoiler.classList.remove('veiled');
    await afterCheck();
    expect(shown).toHaveBeenCalledTimes(1);
    expect(checks).toBe(checksWhenShown);
  });

  it('watches a collapsed region once for all the hidden parts in it, and tells of the region when it opens', async () => {
    document.body.insertAdjacentHTML('beforeend', '<nav id="navbox"><ul id="list"><li id="us">United States</li><li id="cn">China</li></ul></nav>');
    let open = false;
    // Nothing in the region has a box while it is closed: each element says so, asked with or without options.
    for (const id of ['navbox', 'list', 'us', 'cn']) hiddenPart(id, () => open);
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    watcher.watch(document.getElementById('us') as HTMLElement);
    watcher.watch(document.getElementById('cn') as HTMLElement);
    expect(watcher.size()).toBe(1);
    open = true;
    document.getElementById('navbox')?.classList.add('open');
    await afterCheck();
    expect(shown.mock.calls).toEqual([[document.getElementById('navbox')]]);
  });

  it('tells when a change on a sibling shows a part (a toggle’s aria-expanded)', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    const toggle = document.getElementById('toggle') as HTMLElement;
    const panel = hiddenPart('panel', () => toggle.getAttribute('aria-expanded') === 'true');
    watcher.watch(panel);
    toggle.setAttribute('aria-expanded', 'true');
    await afterCheck();
    expect(shown.mock.calls).toEqual([[panel]]);
  });

  it('asks once about each hidden part however many attributes change at once', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    watcher.watch(hiddenPart('spoiler', () => false));
    watcher.watch(hiddenPart('panel', () => false));
    for (let i = 0; i < 50; i++) document.getElementById('menu')?.classList.toggle('closed');
    // The check comes within 100 ms on an idle machine; a busy one may take longer.
    for (let waited = 0; checks < 2 && waited < 2000; waited += 20) await new Promise((done) => setTimeout(done, 20));
    // And no second check of either part after it.
    await afterCheck();
    expect(checks).toBe(2);
    expect(shown).not.toHaveBeenCalled();
  });

  it('forgets a hidden part the page took away, and tells nothing of it', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    const spoiler = hiddenPart('spoiler', () => true);
    watcher.watch(spoiler);
    watcher.watch(hiddenPart('panel', () => false));
    spoiler.remove();
    document.body.classList.add('scrolled');
    await afterCheck();
    expect(watcher.size()).toBe(1);
    expect(shown).not.toHaveBeenCalled();
  });

  it('tells when a form control’s state alone shows a part (a checkbox and `:checked ~ .panel`), and stops listening after', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    document.body.insertAdjacentHTML('afterbegin', '<input type="checkbox" id="more">');
    const box = document.getElementById('more') as HTMLInputElement;
    const panel = hiddenPart('panel', () => box.checked);
    watcher.watch(panel);
    // Checking a box changes no attribute: only its `change` event tells.
    box.checked = true;
    await afterCheck();
    expect(shown).not.toHaveBeenCalled();
    box.dispatchEvent(new Event('change', { bubbles: true }));
    await afterCheck();
    expect(shown.mock.calls).toEqual([[panel]]);
  });

  it('hears nothing once nothing is hidden: every listener it added is taken away', async () => {
    const added = [vi.spyOn(document, 'addEventListener'), vi.spyOn(window, 'addEventListener')];
    const removed = [vi.spyOn(document, 'removeEventListener'), vi.spyOn(window, 'removeEventListener')];
    let open = false;
    watcher = watchForReveal(document, () => undefined, feed);
    watcher.watch(hiddenPart('panel', () => open));
    const types = (spies: typeof added) => spies.flatMap((spy) => spy.mock.calls.map((call) => call[0])).sort();
    expect(types(added)).toContain('change');
    expect(types(added)).toContain('hashchange');
    open = true;
    document.body.classList.add('opened');
    await afterCheck();
    expect(watcher.size()).toBe(0);
    expect(types(removed)).toEqual(types(added));
  });

  it('stops hearing a component the page took away, while other parts are still hidden', async () => {
    watcher = watchForReveal(document, () => undefined, feed);
    watcher.watch(hiddenPart('panel', () => false));
    const host = document.createElement('news-card');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Robert R. King</p>';
    const part = shadow.querySelector('p') as HTMLElement;
    part.checkVisibility = () => false;
    const removed = vi.spyOn(shadow, 'removeEventListener');
    watcher.watch(part);
    host.remove();
    await afterCheck();
    expect(watcher.size()).toBe(1);
    expect(removed.mock.calls.map((call) => call[0])).toContain('change');
    expect([...fed]).toEqual([document]);
    const checksAfterForgetting = checks;
    // A change inside the component taken away asks nothing.
    shadow.querySelector('p')?.classList.add('open');
    await afterCheck();
    expect(checks).toBe(checksAfterForgetting);
  });

  it('ignores the extension’s own card coming and going', async () => {
    watcher = watchForReveal(document, () => undefined, feed);
    watcher.watch(hiddenPart('panel', () => false));
    const [card] = attachCardHost(document);
    document.documentElement.append(card);
    card.setAttribute('style', 'display: block');
    card.remove();
    await afterCheck();
    expect(checks).toBe(0);
    document.body.append(document.createElement('aside'));
    await afterCheck();
    expect(checks).toBe(1);
  });

  it('tells when a style sheet the page adds shows a part', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    const panel = hiddenPart('panel', () => document.getElementById('reveal-sheet') !== null);
    watcher.watch(panel);
    const sheet = document.createElement('style');
    sheet.id = 'reveal-sheet';
    sheet.textContent = '#panel { visibility: visible }';
    document.head.append(sheet);
    await afterCheck();
    expect(shown.mock.calls).toEqual([[panel]]);
  });

  it('tells when the address’s #fragment (`:target`) shows a part', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    let targeted = false;
    const panel = hiddenPart('panel', () => targeted);
    watcher.watch(panel);
    targeted = true;
    window.dispatchEvent(new Event('hashchange'));
    await afterCheck();
    expect(shown.mock.calls).toEqual([[panel]]);
  });

  it('tells when a switch to dark mode shows a part, and stops hearing the media queries after', async () => {
    // Media query lists that the test switches by hand, each one counting its listeners.
    const lists = new Map<string, EventTarget & { listeners: number }>();
    vi.spyOn(window, 'matchMedia').mockImplementation((query) => {
      const list = Object.assign(new EventTarget(), { listeners: 0, media: query, matches: false });
      const add = list.addEventListener.bind(list);
      const remove = list.removeEventListener.bind(list);
      list.addEventListener = (...args: Parameters<EventTarget['addEventListener']>) => {
        list.listeners++;
        add(...args);
      };
      list.removeEventListener = (...args: Parameters<EventTarget['removeEventListener']>) => {
        list.listeners--;
        remove(...args);
      };
      lists.set(query, list);
      return list as unknown as MediaQueryList;
    });
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    let dark = false;
    const panel = hiddenPart('panel', () => dark);
    watcher.watch(panel);
    const scheme = lists.get('(prefers-color-scheme: dark)');
    expect(scheme?.listeners).toBe(1);
    dark = true;
    scheme?.dispatchEvent(new Event('change'));
    await afterCheck();
    expect(shown.mock.calls).toEqual([[panel]]);
    expect([...lists.values()].map((list) => list.listeners)).toEqual([0, 0, 0, 0]);
  });

  it('tells within two seconds when a part is shown by what leaves no trace (a rule a script inserts), and then stops asking', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    let ruleInserted = false;
    const panel = hiddenPart('panel', () => ruleInserted);
    watcher.watch(panel);
    await afterCheck();
    expect(checks).toBe(0);
    ruleInserted = true;
    await new Promise((done) => setTimeout(done, 2200));
    expect(shown.mock.calls).toEqual([[panel]]);
    const checksWhenShown = checks;
    await new Promise((done) => setTimeout(done, 2200));
    expect(checks).toBe(checksWhenShown);
  });

  it('tells when a change inside a shadow root shows a part there, and one in an event that does not leave it', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown, feed);
    const host = document.createElement('news-card');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('spoiler-box');
    shadow.append(inner);
    const innerShadow = inner.attachShadow({ mode: 'open' });
    innerShadow.innerHTML = '<input type="checkbox"><p class="veiled">Robert R. King</p>';
    const part = innerShadow.querySelector('p') as HTMLElement;
    const box = innerShadow.querySelector('input') as HTMLInputElement;
    part.checkVisibility = () => {
      checks++;
      return !part.classList.contains('veiled') || box.checked;
    };
    watcher.watch(part);
    part.classList.remove('veiled');
    await afterCheck();
    expect(shown.mock.calls).toEqual([[part]]);
    part.classList.add('veiled');
    watcher.watch(part);
    box.checked = true;
    // Not composed: it never reaches the document.
    box.dispatchEvent(new Event('change', { bubbles: true, composed: false }));
    await afterCheck();
    expect(shown.mock.calls).toEqual([[part], [part]]);
  });
});
