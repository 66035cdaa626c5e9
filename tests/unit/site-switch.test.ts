/**
 * Following the site's switch: a page the browser prerenders is not asked
 * about until it is shown, when its tab has become the page itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSiteSwitch } from '../../entrypoints/content/site-switch';

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** Answers every site-status question as a background would, and counts the questions. */
function answerSiteStatus(status: { site: string; enabled: boolean }): { asked: () => number } {
  // The polyfill's type says sendMessage resolves to void; the background answers with a status.
  const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(status as never);
  return { asked: () => send.mock.calls.length };
}

/** A document as the browser prerenders it: `prerendering` until `prerenderingchange`. */
function prerenderedDocument(): Document {
  const doc = document.implementation.createHTMLDocument('prerendered');
  Object.defineProperty(doc, 'prerendering', { configurable: true, get: () => true });
  return doc;
}

function show(doc: Document): void {
  Object.defineProperty(doc, 'prerendering', { configurable: true, get: () => false });
  doc.dispatchEvent(new Event('prerenderingchange'));
}

describe('followSiteSwitch', () => {
  it('asks about the site at once on a page that is shown', async () => {
    const background = answerSiteStatus({ site: '127.0.0.1', enabled: false });
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status));
    await vi.waitFor(() => expect(statuses).toEqual([{ site: '127.0.0.1', enabled: false }]));
    expect(background.asked()).toBe(1);
    stop();
  });

  it('asks nothing while the page is prerendered, and asks once it is shown', async () => {
    const background = answerSiteStatus({ site: 'news.example', enabled: false });
    const doc = prerenderedDocument();
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status), doc);
    await new Promise((done) => setTimeout(done, 50));
    expect(background.asked()).toBe(0);
    show(doc);
    await vi.waitFor(() => expect(statuses).toEqual([{ site: 'news.example', enabled: false }]));
    stop();
  });

  it('asks nothing when stopped before the prerendered page was shown', async () => {
    const background = answerSiteStatus({ site: 'news.example', enabled: false });
    const doc = prerenderedDocument();
    const stop = followSiteSwitch(() => undefined, doc);
    stop();
    show(doc);
    await new Promise((done) => setTimeout(done, 50));
    expect(background.asked()).toBe(0);
  });
});
