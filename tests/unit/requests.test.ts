/**
 * Serving the protocol's requests: who may change settings, which site a
 * frame belongs to, and the answers' shapes; then the background's message
 * listener end to end through the fake browser.
 */

import compiledMatcherJson from 'virtual:compiled-matcher';
import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { IDBFactory } from 'fake-indexeddb';
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { DB_NAME, DB_VERSION } from '../../entrypoints/background/db';
import { type FactStore, memoryStore } from '../../entrypoints/background/fact-store';
import { ForbiddenRequestError, type Sender, type Services, serveRequest } from '../../entrypoints/background/requests';
import { EntityLookupSchema, ResponseSchemas, SiteStatusSchema, StorageStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { SETTINGS_KEY, saveSiteEnabled } from '../../utils/settings-store';

const EXTENSION_ORIGIN = 'chrome-extension://peninsula-test-id/';
const popup: Sender = { url: `${EXTENSION_ORIGIN}popup.html` };
const contentScript: Sender = { url: 'https://example.com/', tabUrl: 'https://example.com/' };

function services(store: FactStore = memoryStore({ entities, facts, dataVersion }, 'served from memory in this test')): Services {
  return { store: async () => store, extensionOrigin: EXTENSION_ORIGIN };
}

async function storedSettings(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

describe('serveRequest: set-site-enabled', () => {
  it('rejects a content script’s request to change settings, and changes nothing', async () => {
    await expect(serveRequest({ type: 'set-site-enabled', site: 'example.com', enabled: false }, contentScript, services())).rejects.toBeInstanceOf(
      ForbiddenRequestError,
    );
    expect(await storedSettings()).toBeUndefined();
  });

  it.each([
    ['no URL', {}],
    ['a page URL with the extension origin in its path', { url: `https://evil.example/${EXTENSION_ORIGIN}` }],
    ['another extension', { url: 'chrome-extension://peninsula-test-id-other/popup.html' }],
  ])('rejects a sender with %s', async (_name, sender: Sender) => {
    await expect(serveRequest({ type: 'set-site-enabled', site: 'example.com', enabled: false }, sender, services())).rejects.toThrow(ForbiddenRequestError);
    expect(await storedSettings()).toBeUndefined();
  });

  it('accepts the request from the extension’s own page, stores it and answers the new status', async () => {
    expect(await serveRequest({ type: 'set-site-enabled', site: 'example.com', enabled: false }, popup, services())).toEqual({
      site: 'example.com',
      enabled: false,
    });
    expect(await storedSettings()).toEqual({ disabledSites: ['example.com'] });
    expect(await serveRequest({ type: 'set-site-enabled', site: 'example.com', enabled: true }, popup, services())).toEqual({
      site: 'example.com',
      enabled: true,
    });
    expect(await storedSettings()).toEqual({ disabledSites: [] });
  });
});

describe('serveRequest: page-not-read', () => {
  it('answers a page that reads nothing with an empty note, and changes no setting', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['example.com'] } });
    expect(await serveRequest({ type: 'page-not-read' }, { url: 'https://news.example.com/', tabUrl: 'https://news.example.com/' }, services())).toEqual({});
    expect(await storedSettings()).toEqual({ disabledSites: ['example.com'] });
  });
});

describe('serveRequest: site-status', () => {
  it('answers for the site of the sender’s tab, so a frame follows its tab; the matcher comes only where it is on', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['news.example.com'] } });
    const frame: Sender = { url: 'https://ads.example.net/frame.html', tabUrl: 'https://news.example.com/story' };
    expect(await serveRequest({ type: 'site-status' }, frame, services())).toEqual({ site: 'news.example.com', enabled: false });
    const otherFrame: Sender = { url: 'https://news.example.com/embed', tabUrl: 'https://blog.example.org/' };
    expect(await serveRequest({ type: 'site-status' }, otherFrame, services())).toEqual({
      site: 'blog.example.org',
      enabled: true,
      matcher: compiledMatcherJson,
      matcherKey: '',
    });
  });

  it('answers for the sender’s own URL when it is not in a tab', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['example.com'] } });
    expect(await serveRequest({ type: 'site-status' }, { url: 'https://example.com:8443/x' }, services())).toEqual({ site: 'example.com', enabled: false });
  });

  it('leaves alone a window without a site (about:blank a page opened and wrote), whatever the opener’s switch', async () => {
    expect(await serveRequest({ type: 'site-status' }, {}, services())).toEqual({ site: null, enabled: false });
    expect(await serveRequest({ type: 'site-status' }, { url: 'about:blank', tabUrl: 'about:blank' }, services())).toEqual({ site: null, enabled: false });
  });

  it('passes on a settings problem, with the defaults', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    const status = await serveRequest({ type: 'site-status' }, contentScript, services());
    expect(status).toMatchObject({ site: 'example.com', enabled: true });
    expect(status.settingsProblem).toContain('kept aside in storage');
    expect(v.safeParse(ResponseSchemas['site-status'], status).success).toBe(true);
  });

  it('does not tell a content script about another site by name', async () => {
    await saveSiteEnabled('example.com', false);
    await expect(serveRequest({ type: 'site-status-for', site: 'example.com' }, contentScript, services())).rejects.toBeInstanceOf(ForbiddenRequestError);
  });

  it('answers site-status-for for the site the popup names', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['example.com'] } });
    expect(await serveRequest({ type: 'site-status-for', site: 'example.com' }, popup, services())).toEqual({ site: 'example.com', enabled: false });
    expect(await serveRequest({ type: 'site-status-for', site: 'other.org' }, popup, services())).toEqual({ site: 'other.org', enabled: true });
  });
});

describe('serveRequest: lookups and storage status', () => {
  it('answers lookup-entity, search and timeline in the shapes the protocol promises', async () => {
    const lookup = await serveRequest({ type: 'lookup-entity', entityId: 'kim-jong-un' }, contentScript, services());
    expect(v.safeParse(ResponseSchemas['lookup-entity'], lookup).success).toBe(true);
    expect(lookup.card?.id).toBe('kim-jong-un');
    expect(await serveRequest({ type: 'lookup-entity', entityId: 'nobody' }, contentScript, services())).toEqual({ card: null });

    const found = await serveRequest({ type: 'search', query: 'Biegun' }, popup, services());
    expect(v.safeParse(ResponseSchemas.search, found).success).toBe(true);
    expect(found.hits[0]?.entity.id).toBe('stephen-biegun');

    const line = await serveRequest({ type: 'timeline' }, popup, services());
    expect(v.safeParse(ResponseSchemas.timeline, line).success).toBe(true);
    expect(line.facts.length).toBeGreaterThan(0);
  });

  it('reports where facts are served from, and why not from IndexedDB', async () => {
    expect(await serveRequest({ type: 'storage-status' }, popup, services())).toEqual({ mode: 'memory', problem: 'served from memory in this test' });
    const cached: FactStore = { ...memoryStore({ entities, facts, dataVersion }, 'unused'), mode: 'indexeddb', problem: undefined };
    expect(await serveRequest({ type: 'storage-status' }, popup, services(cached))).toEqual({ mode: 'indexeddb' });
  });
});

describe('background message listener', () => {
  /** Starts the background and delivers one message to its listener the way the browser does. */
  async function deliver(message: unknown, sender: { url?: string; tab?: { url?: string } }): Promise<{ returned: unknown; answer: unknown }> {
    let answer: (value: unknown) => void = () => undefined;
    const answered = new Promise<unknown>((resolve) => {
      answer = resolve;
    });
    const results = (await fakeBrowser.runtime.onMessage.trigger(message, sender as never, answer as never)) as unknown[];
    return { returned: results[0], answer: await answered };
  }

  beforeEach(() => {
    background.main();
  });

  it('keeps the channel open (returns true) and answers through sendResponse', async () => {
    const { returned, answer } = await deliver(
      { type: 'lookup-entity', entityId: 'north-korea' },
      { url: 'https://example.com/', tab: { url: 'https://example.com/' } },
    );
    expect(returned).toBe(true);
    expect(answer).toMatchObject({ card: { id: 'north-korea' } });
  });

  it('answers undefined to a message that is not a request', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await deliver({ type: 'lookup-entity', entityId: 'North Korea!' }, {})).toEqual({ returned: true, answer: undefined });
    expect(await deliver('hello', {})).toEqual({ returned: true, answer: undefined });
  });

  it('answers an error to a page that tries to change settings', async () => {
    const { answer } = await deliver(
      { type: 'set-site-enabled', site: 'example.com', enabled: false },
      { url: 'https://example.com/', tab: { url: 'https://example.com/' } },
    );
    expect(answer).toEqual({ error: expect.stringMatching(/extension/) });
    expect(await storedSettings()).toBeUndefined();
  });

  it('accepts a settings change from the extension’s own page', async () => {
    const { answer } = await deliver({ type: 'set-site-enabled', site: 'example.com', enabled: false }, { url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(answer).toEqual({ site: 'example.com', enabled: false });
    expect(await storedSettings()).toEqual({ disabledSites: ['example.com'] });
  });

  it('answers site-status for the tab’s site', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['news.example.com'] } });
    const { answer } = await deliver({ type: 'site-status' }, { url: 'https://ads.example.net/', tab: { url: 'https://news.example.com/' } });
    expect(answer).toEqual({ site: 'news.example.com', enabled: false });
  });

  it('serves sendRequest from the request client, checking the answer', async () => {
    const status = await sendRequest({ type: 'storage-status' }, StorageStatusSchema);
    expect(status).toEqual({ mode: 'indexeddb' });
    const card = await sendRequest({ type: 'lookup-entity', entityId: 'christoph-heusgen' }, EntityLookupSchema);
    expect(card.card?.name).toBe(entities.find((entry) => entry.id === 'christoph-heusgen')?.name);
  });

  it('opens the store again after its connection was closed under it, and keeps answering', async () => {
    expect(await sendRequest({ type: 'storage-status' }, StorageStatusSchema)).toEqual({ mode: 'indexeddb' });
    // A newer version of the database takes over: the background's connection steps aside.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const status = await sendRequest({ type: 'storage-status' }, StorageStatusSchema);
    expect(status.mode).toBe('memory');
    expect(status.problem).toMatch(/VersionError/);
    expect((await sendRequest({ type: 'lookup-entity', entityId: 'north-korea' }, EntityLookupSchema)).card?.id).toBe('north-korea');
  });

  it('makes the request client reject with the background’s error message', async () => {
    // The fake browser sends with an empty sender, which is not an extension page.
    await expect(sendRequest({ type: 'set-site-enabled', site: 'example.com', enabled: false }, SiteStatusSchema)).rejects.toThrow(/extension/);
  });
});
