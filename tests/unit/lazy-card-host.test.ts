/**
 * The card host that loads the card's bundle at the first card: what is shown
 * while it loads, once it has loaded, and when it cannot load.
 */
import type { VirtualElement } from '@floating-ui/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardHostFactory } from '../../entrypoints/content/card-bundle';
import { type CardHost, createCardHost } from '../../entrypoints/content/card-host';
import { isCardHost } from '../../entrypoints/content/card-host-element';
import { createLazyCardHost } from '../../entrypoints/content/lazy-card-host';

const anchor: VirtualElement = { getBoundingClientRect: () => new DOMRect(10, 10, 80, 16), contextElement: document.body };
const callbacks = { onClose: () => undefined, onOpenEntity: () => undefined };
const loading = (name: string) => ({ status: 'loading' as const, name });

/** A bundle whose load the test finishes when it likes, and the real card host it then makes. */
function deferredBundle() {
  let finish: (factory: CardHostFactory) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let made: CardHost | undefined;
  const factory: CardHostFactory = (doc, given, attach) => {
    made = createCardHost(doc, given, attach);
    // Watched from the start: what the lazy host passes on once the bundle is there.
    vi.spyOn(made, 'show');
    vi.spyOn(made, 'focus');
    return made;
  };
  const load = vi.fn(
    () =>
      new Promise<CardHostFactory>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  return { load, loaded: () => finish(factory), failed: (error: Error) => fail(error), made: () => made };
}

/** The card hosts on the page (a closed root each, put at the root element). */
const hostsOnPage = () => [...document.documentElement.children].filter(isCardHost);

afterEach(() => {
  for (const host of hostsOnPage()) host.remove();
  vi.restoreAllMocks();
});

describe('createLazyCardHost', () => {
  it('loads nothing until a card is asked for, and loads once for many cards', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    expect(bundle.load).not.toHaveBeenCalled();
    host.show(loading('North Korea'), anchor);
    host.show(loading('Kim Jong-un'), anchor);
    expect(bundle.load).toHaveBeenCalledTimes(1);
    bundle.loaded();
    await vi.waitFor(() => expect(hostsOnPage()).toHaveLength(1));
    host.hide();
    host.show(loading('China'), anchor);
    expect(bundle.load).toHaveBeenCalledTimes(1);
  });

  it('counts a card asked for as open while the bundle loads, then shows the latest one asked for', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    host.show(loading('North Korea'), anchor);
    expect(host.isOpen()).toBe(true);
    expect(hostsOnPage()).toHaveLength(0);
    const latest = { status: 'failed', name: 'Kim Jong-un', message: 'The bundled article has no facts about this name.' } as const;
    host.show(latest, anchor);
    bundle.loaded();
    await vi.waitFor(() => expect(bundle.made()?.isOpen()).toBe(true));
    expect(bundle.made()?.show).toHaveBeenCalledTimes(1);
    expect(bundle.made()?.show).toHaveBeenCalledWith(latest, anchor);
    expect(host.isOpen()).toBe(true);
    expect(hostsOnPage()).toHaveLength(1);
  });

  it('gives focus to the card asked for while the bundle loaded', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    host.show(loading('North Korea'), anchor);
    host.focus();
    bundle.loaded();
    await vi.waitFor(() => expect(bundle.made()?.isOpen()).toBe(true));
    expect(bundle.made()?.focus).toHaveBeenCalledTimes(1);
    // Focus was given as the card was shown: the reader's next Tab starts inside it.
    expect(host.hasFocusAtEdge(true)).toBe(true);
  });

  it('shows no card that was closed before the bundle loaded', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    host.show(loading('North Korea'), anchor);
    host.hide();
    expect(host.isOpen()).toBe(false);
    bundle.loaded();
    await vi.waitFor(() => expect(bundle.made()).toBeDefined());
    expect(host.isOpen()).toBe(false);
    expect(hostsOnPage()).toHaveLength(0);
  });

  it('makes no card once destroyed while the bundle loaded', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    host.show(loading('North Korea'), anchor);
    host.destroy();
    bundle.loaded();
    await new Promise((done) => setTimeout(done, 10));
    expect(bundle.made()).toBeUndefined();
    expect(hostsOnPage()).toHaveLength(0);
  });

  it('says why once when the bundle cannot load, closes the card asked for, and does not load again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onClose = vi.fn();
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, { ...callbacks, onClose }, bundle.load);
    host.show(loading('North Korea'), anchor);
    bundle.failed(new Error('Failed to fetch dynamically imported module'));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Peninsula Lens: no card can be shown on this page:', expect.any(Error));
    expect(host.isOpen()).toBe(false);
    // The browser keeps a failed import for the page's life: asking again would only fail again.
    host.show(loading('North Korea'), anchor);
    expect(host.isOpen()).toBe(false);
    expect(bundle.load).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('closes the card asked for when the bundle loads but cannot make a card', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const onClose = vi.fn();
    const host = createLazyCardHost(document, { ...callbacks, onClose }, () =>
      Promise.resolve<CardHostFactory>(() => {
        throw new Error('the page defined our element');
      }),
    );
    host.show(loading('North Korea'), anchor);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(host.isOpen()).toBe(false);
    expect(hostsOnPage()).toHaveLength(0);
  });

  it('gives focus only to the card it was asked for: a hover card asked for after a keyboard one takes none', async () => {
    const bundle = deferredBundle();
    const host = createLazyCardHost(document, callbacks, bundle.load);
    host.show(loading('North Korea'), anchor);
    host.focus();
    host.show(loading('Kim Jong-un'), anchor);
    bundle.loaded();
    await vi.waitFor(() => expect(bundle.made()?.isOpen()).toBe(true));
    expect(bundle.made()?.focus).not.toHaveBeenCalled();
  });
});
