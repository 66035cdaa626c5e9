/**
 * The reader's choice of kinds of names to mark: the setting, the matcher a
 * page is sent without those kinds, and the requests that read and change it.
 */
import compiledMatcherJson from 'virtual:compiled-matcher';
import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore } from '../../entrypoints/background/fact-store';
import { ForbiddenRequestError, type Sender, type Services, serveRequest } from '../../entrypoints/background/requests';
import { withKindMarked } from '../../utils/marked-kinds';
import { createMatcher } from '../../utils/matcher/matcher';
import { parseShippedMatcher } from '../../utils/matcher/shipped';
import { withoutKinds } from '../../utils/matcher/without-kinds';
import { loadSettings, SETTINGS_KEY, saveKindMarked, saveSiteEnabled, UNREADABLE_SETTINGS_KEY } from '../../utils/settings-store';

const EXTENSION_ORIGIN = 'chrome-extension://peninsula-test-id/';
const popup: Sender = { url: `${EXTENSION_ORIGIN}popup.html` };
const contentScript: Sender = { url: 'https://example.com/', tabUrl: 'https://example.com/' };
const services: Services = { store: async () => memoryStore({ entities, facts, dataVersion }, 'test'), extensionOrigin: EXTENSION_ORIGIN };

const TEXT = 'China and Donald Trump spoke of North Korean prison camps at the Security Council.';

/** The mentions a shipped matcher finds in TEXT, as [text, entity] pairs. */
function mentions(json: string | undefined): [string, string][] {
  return createMatcher(parseShippedMatcher(json))
    .findIn(TEXT)
    .map((match) => [TEXT.slice(match.start, match.end), match.entityId]);
}

beforeEach(() => fakeBrowser.reset());

describe('withKindMarked', () => {
  it('adds and takes away a kind, keeps the kinds in their own order and the sites as they were', () => {
    const off = withKindMarked(withKindMarked({ disabledSites: ['a.org'] }, 'topic', false), 'state', false);
    expect(off).toEqual({ disabledSites: ['a.org'], unmarkedKinds: ['state', 'topic'] });
    expect(withKindMarked(off, 'state', false)).toEqual(off);
    expect(withKindMarked(off, 'state', true)).toEqual({ disabledSites: ['a.org'], unmarkedKinds: ['topic'] });
  });
});

describe('withoutKinds', () => {
  const compiled = parseShippedMatcher(compiledMatcherJson);

  it('finds every kind with none left out, and no name of a kind left out', () => {
    expect(withoutKinds(compiled, new Set())).toBe(compiled);
    const all = mentions(compiledMatcherJson);
    expect(all).toEqual([
      ['China', 'china'],
      ['Donald Trump', 'donald-trump'],
      ['North Korean prison camps', 'prison-camps'],
      ['Security Council', 'un-security-council'],
    ]);
    const withoutStatesAndPeople = mentions(JSON.stringify(withoutKinds(compiled, new Set(['state', 'person']))));
    expect(withoutStatesAndPeople).toEqual([
      ['North Korean prison camps', 'prison-camps'],
      ['Security Council', 'un-security-council'],
    ]);
  });

  it('marks the shorter name kept where a longer one of a kind left out held it', () => {
    expect(mentions(JSON.stringify(withoutKinds(compiled, new Set(['topic']))))).toContainEqual(['North Korean', 'north-korea']);
  });
});

describe('the setting and the requests', () => {
  it('stores the choice beside the sites turned off, and sends pages the matcher without those kinds', async () => {
    await saveSiteEnabled('off.example', false);
    expect(await serveRequest({ type: 'set-kind-marked', kind: 'state', marked: false }, popup, services)).toEqual({ unmarkedKinds: ['state'] });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ disabledSites: ['off.example'], unmarkedKinds: ['state'] });
    expect(await serveRequest({ type: 'marked-kinds' }, popup, services)).toEqual({ unmarkedKinds: ['state'] });
    const status = await serveRequest({ type: 'site-status' }, contentScript, services);
    expect(mentions(status.matcher).map(([, entity]) => entity)).toEqual(['donald-trump', 'prison-camps', 'un-security-council']);
    // The same choice, the same text and key; a page compares the key with that of the matcher it marks with.
    const again = await serveRequest({ type: 'site-status' }, contentScript, services);
    expect([again.matcher, again.matcherKey]).toEqual([status.matcher, status.matcherKey]);
    await saveSiteEnabled('other.example', false);
    expect(await loadSettings()).toEqual({ settings: { disabledSites: ['off.example', 'other.example'], unmarkedKinds: ['state'] } });
    expect(await serveRequest({ type: 'set-kind-marked', kind: 'state', marked: true }, popup, services)).toEqual({ unmarkedKinds: [] });
    const all = await serveRequest({ type: 'site-status' }, contentScript, services);
    expect(all.matcher).toBe(compiledMatcherJson);
    expect(all.matcherKey).not.toBe(status.matcherKey);
  });

  it('lets only the extension’s own pages change the choice', async () => {
    await expect(serveRequest({ type: 'set-kind-marked', kind: 'state', marked: false }, contentScript, services)).rejects.toBeInstanceOf(
      ForbiddenRequestError,
    );
    expect(await saveKindMarked('topic', false)).toEqual({ disabledSites: [], unmarkedKinds: ['topic'] });
    expect(await serveRequest({ type: 'marked-kinds' }, contentScript, services)).toEqual({ unmarkedKinds: ['topic'] });
  });

  it('keeps the kinds that still read in a stored value that does not, and the value itself aside', async () => {
    const raw = { disabledSites: ['a.org'], unmarkedKinds: ['state', 'weather'] };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
    const { settings, problem } = await loadSettings();
    expect(settings).toEqual({ disabledSites: ['a.org'], unmarkedKinds: ['state'] });
    expect(problem).toContain('kept aside in storage');
    expect(((await fakeBrowser.storage.local.get(UNREADABLE_SETTINGS_KEY))[UNREADABLE_SETTINGS_KEY] as { value: unknown }[])[0]?.value).toEqual(raw);
    // The sites read whole: the problem is the kinds' alone.
    expect(problem).toMatch(/^Of the kinds of names you chose not to mark, those that could be read stay unmarked\./);
    // Kinds alone, with no site to keep, still read.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { unmarkedKinds: ['person'] } });
    const kindsAlone = await loadSettings();
    expect(kindsAlone.settings).toEqual({ disabledSites: [], unmarkedKinds: ['person'] });
    expect(kindsAlone.problem).not.toMatch(/kinds/);
    // Kinds that do not read at all: the reader learns that every kind is marked again, and why.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: [], unmarkedKinds: 'state' } });
    const noKinds = await loadSettings();
    expect(noKinds.settings).toEqual({ disabledSites: [] });
    expect(noKinds.problem).toMatch(
      /The kinds of names you chose not to mark could not be read: every kind is marked until you clear its box in the key again\./,
    );
  });

  it('tells the popup why the kinds could not be read with them, and nothing once a choice is saved over them', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: [], unmarkedKinds: 'state' } });
    const unreadable = await serveRequest({ type: 'marked-kinds' }, popup, services);
    expect(unreadable.unmarkedKinds).toEqual([]);
    expect(unreadable.settingsProblem).toMatch(/The kinds of names you chose not to mark could not be read/);
    expect(await serveRequest({ type: 'set-kind-marked', kind: 'topic', marked: false }, popup, services)).toEqual({ unmarkedKinds: ['topic'] });
  });
});
