/**
 * Serves each request of the protocol. Requests arrive validated; the sender
 * decides what a request may do (only extension pages change settings).
 */
import type { MarkedKinds, PageStatus, Request, RequestType, ResponseFor, SiteStatus } from '../../utils/protocol';
import { type LoadedSettings, loadSettings, saveKindMarked, saveSiteEnabled } from '../../utils/settings-store';
import { isEnabledFor, siteOf } from '../../utils/site';
import type { FactStore } from './fact-store';
import { entityCard, timeline } from './lookups';
import { searchAnswer } from './search';
import { shippedMatcher } from './shipped-matcher';

export type Sender = {
  /** URL of the document that sent the request. */
  url?: string;
  /** URL of the top-level page of the sender's tab, when it is a tab. */
  tabUrl?: string;
};

export type Services = {
  store: () => Promise<FactStore>;
  /** The extension's own origin, e.g. `chrome-extension://id/`. */
  extensionOrigin: string;
};

/** Thrown for a request the sender may not make. */
export class ForbiddenRequestError extends Error {}

function statusOf(site: string | null, { settings, problem }: LoadedSettings): SiteStatus {
  return { site, enabled: isEnabledFor(site, settings), ...(problem === undefined ? {} : { settingsProblem: problem }) };
}

function markedKinds({ settings, problem }: LoadedSettings): MarkedKinds {
  return { unmarkedKinds: settings.unmarkedKinds ?? [], ...(problem === undefined ? {} : { settingsProblem: problem }) };
}

async function siteStatus(site: string | null): Promise<SiteStatus> {
  return statusOf(site, await loadSettings());
}

/**
 * A content script's answer: where the site is on, the matcher comes along
 * (utils/matcher/shipped.ts says why), without the kinds of names the reader
 * chose not to mark. A tab with no site is a window a page opened and wrote
 * itself (about:blank; content scripts run on no other page without one):
 * the reader's switch for the site that opened it cannot be followed there,
 * so it is left alone.
 */
async function pageStatus(site: string | null): Promise<PageStatus> {
  if (site === null) return { site, enabled: false };
  const loaded = await loadSettings();
  const status = statusOf(site, loaded);
  return status.enabled ? { ...status, ...shippedMatcher(loaded.settings.unmarkedKinds) } : status;
}

function isExtensionPage(sender: Sender, services: Services): boolean {
  return sender.url?.startsWith(services.extensionOrigin) === true;
}

type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>, sender: Sender, services: Services) => Promise<ResponseFor<T>> };

const handlers: Handlers = {
  'lookup-entity': async (request, _sender, services) => ({ card: await entityCard(await services.store(), request.entityId) }),
  search: async (request, _sender, services) => searchAnswer(await services.store(), request.query),
  timeline: async (_request, _sender, services) => ({ facts: await timeline(await services.store()) }),
  // Frames follow the site of the tab they are in, so a whole page turns off at once.
  'site-status': (_request, sender) => pageStatus(siteOf(sender.tabUrl ?? sender.url)),
  // Heard by the list of tabs open at install (index.ts); nothing to answer.
  'page-not-read': async () => ({}),
  // Only the popup asks about a site by name: a page's script gets its own site's status alone.
  'site-status-for': async (request, sender, services) => {
    if (!isExtensionPage(sender, services)) throw new ForbiddenRequestError('Only the extension’s own pages may ask about another site.');
    return siteStatus(request.site);
  },
  'set-site-enabled': async (request, sender, services) => {
    if (!isExtensionPage(sender, services)) throw new ForbiddenRequestError('Only the extension’s own pages may change site settings.');
    await saveSiteEnabled(request.site, request.enabled);
    return siteStatus(request.site);
  },
  'marked-kinds': async () => markedKinds(await loadSettings()),
  'set-kind-marked': async (request, sender, services) => {
    if (!isExtensionPage(sender, services)) throw new ForbiddenRequestError('Only the extension’s own pages may change which names are marked.');
    await saveKindMarked(request.kind, request.marked);
    // Read again: a save writes readable settings over unreadable ones (kept aside), and the popup's warning goes.
    return markedKinds(await loadSettings());
  },
  'storage-status': async (_request, _sender, services) => {
    const store = await services.store();
    return { mode: store.mode, ...(store.problem === undefined ? {} : { problem: store.problem }) };
  },
};

/** The answer to one valid request. */
export function serveRequest<T extends RequestType>(request: Extract<Request, { type: T }>, sender: Sender, services: Services): Promise<ResponseFor<T>> {
  const handler = handlers[request.type] as Handlers[T];
  return handler(request, sender, services);
}
