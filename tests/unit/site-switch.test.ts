/**
 * Following the site's switch: a page the browser prerenders is not asked
 * about until it is shown, when its tab has become the page itself.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSiteSwitch } from '../../entrypoints/content/site-switch';

afterEach(() => {
  vi.useRealTimers();
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

/** An event as the browser fires it (`isTrusted`), or as a page's script can (`isTrusted` false). */
function fired(event: Event, byBrowser: boolean): Event {
  Object.defineProperty(event, 'isTrusted', { value: byBrowser });
  return event;
}

function show(doc: Document): void {
  Object.defineProperty(doc, 'prerendering', { configurable: true, get: () => false });
  doc.dispatchEvent(fired(new Event('prerenderingchange'), true));
}

/** A page shown or hidden, `persisted` when it comes from or goes to the back-forward cache (happy-dom's event has no such field). */
function pageTransition(type: 'pageshow' | 'pagehide', persisted: boolean, byBrowser = true): Event {
  return fired(Object.assign(new Event(type), { persisted }), byBrowser);
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

  /**
   * Follows the switch, on fake time, with a background that refuses the first question and answers the next
   * one asked after a wait (each question is sent twice at once: request-client.ts asks again straight away).
   */
  function followWithBackgroundAnsweringSecondTime() {
    vi.useFakeTimers();
    const refused = new Error('Could not establish connection. Receiving end does not exist.');
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockRejectedValueOnce(refused)
      .mockRejectedValueOnce(refused)
      // The polyfill's type says sendMessage resolves to void; the background answers with a status.
      .mockResolvedValue({ site: 'news.example', enabled: true } as never);
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status));
    return { send, statuses, stop };
  }

  // A browser restoring its session starts content scripts before the background listens.
  it('asks again after a short wait when the background does not answer at first, and reports the answer once', async () => {
    const { send, statuses, stop } = followWithBackgroundAnsweringSecondTime();
    await vi.advanceTimersByTimeAsync(299);
    expect(send).toHaveBeenCalledTimes(2);
    expect(statuses).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    expect(statuses).toEqual([{ site: 'news.example', enabled: true }]);
    // Nothing more is asked or reported once it has answered.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(3);
    expect(statuses).toHaveLength(1);
    stop();
  });

  it('asks again after longer and longer waits, for about fifty seconds, then gives up with a warning and reports nothing', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status));
    // Each question is sent twice at once (request-client.ts asks again straight away).
    let asks = 1;
    for (const wait of [300, 1500, 5000, 15_000, 30_000]) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(send).toHaveBeenCalledTimes(2 * asks);
      await vi.advanceTimersByTimeAsync(1);
      asks++;
      expect(send).toHaveBeenCalledTimes(2 * asks);
    }
    await vi.advanceTimersByTimeAsync(600_000);
    expect(send).toHaveBeenCalledTimes(12);
    expect(statuses).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe('Peninsula Lens: no answer on this site.');
    stop();
  });

  it('stops listening for settings as the page is hidden, and asks afresh when it comes back from the back-forward cache', async () => {
    const background = answerSiteStatus({ site: 'news.example', enabled: true });
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status));
    await vi.waitFor(() => expect(statuses).toHaveLength(1));
    const remove = vi.spyOn(browser.storage.onChanged, 'removeListener');
    window.dispatchEvent(pageTransition('pagehide', true));
    expect(remove).toHaveBeenCalledTimes(1);
    // Shown again as a fresh load would not be (persisted: false) asks nothing; back from the cache asks again.
    window.dispatchEvent(pageTransition('pageshow', false));
    window.dispatchEvent(pageTransition('pageshow', true));
    await vi.waitFor(() => expect(statuses).toHaveLength(2));
    expect(background.asked()).toBe(2);
    stop();
  });

  it('takes no page transition a page fires itself: it keeps following the switch, and asks nothing more', async () => {
    const background = answerSiteStatus({ site: 'news.example', enabled: true });
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status));
    await vi.waitFor(() => expect(statuses).toHaveLength(1));
    const remove = vi.spyOn(browser.storage.onChanged, 'removeListener');
    window.dispatchEvent(pageTransition('pagehide', true, false));
    for (let fake = 0; fake < 100; fake++) window.dispatchEvent(pageTransition('pageshow', true, false));
    await new Promise((done) => setTimeout(done, 50));
    expect(remove).not.toHaveBeenCalled();
    expect(background.asked()).toBe(1);
    stop();
  });

  it('asks nothing of a prerendered page that fires its own prerenderingchange, and asks once the browser shows it', async () => {
    const background = answerSiteStatus({ site: 'news.example', enabled: true });
    const doc = prerenderedDocument();
    const statuses: unknown[] = [];
    const stop = followSiteSwitch((status) => statuses.push(status), doc);
    doc.dispatchEvent(fired(new Event('prerenderingchange'), false));
    await new Promise((done) => setTimeout(done, 50));
    expect(background.asked()).toBe(0);
    show(doc);
    await vi.waitFor(() => expect(statuses).toHaveLength(1));
    expect(background.asked()).toBe(1);
    stop();
  });

  it('asks once when acting on the answer fails, and says nothing is marked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const background = answerSiteStatus({ site: 'news.example', enabled: true });
    let calls = 0;
    const stop = followSiteSwitch(() => {
      calls++;
      throw new Error('the background sent no matcher');
    });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    await new Promise((done) => setTimeout(done, 400));
    expect(background.asked()).toBe(1);
    expect(calls).toBe(1);
    expect(warn).toHaveBeenCalledWith('Peninsula Lens: nothing is marked on this page:', expect.any(Error));
    stop();
  });

  it('reports nothing, and asks no more, when stopped while waiting to ask again', async () => {
    const { send, statuses, stop } = followWithBackgroundAnsweringSecondTime();
    await vi.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(statuses).toEqual([]);
  });
});
