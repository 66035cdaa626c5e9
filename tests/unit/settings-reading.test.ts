/**
 * Stored site settings read field by field: the problem names the field that
 * did not read, in plain sentences with the right number; a field this
 * version does not know is no problem and survives a save; sites written by
 * hand are named as the rest of the code names a site.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, SETTINGS_KEY, saveKindMarked, saveSiteEnabled, UNREADABLE_SETTINGS_KEY } from '../../utils/settings-store';
import { isEnabledFor, siteOf } from '../../utils/site';

const ALL_ON = 'so Peninsula Lens is on for every site until you change one';
const KEPT_ASIDE = 'What could not be read is kept aside in storage, not thrown away.';

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

async function problemFor(raw: unknown): Promise<string | undefined> {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
  return (await loadSettings()).problem;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the problem names the field that did not read, in plain words', () => {
  it.each([
    ['a value that is not settings', 'garbage', `Your site settings could not be read, ${ALL_ON} (they were "garbage").`],
    ['a list of sites that is not a list', { disabledSites: 5 }, `The list of sites you turned off could not be read, ${ALL_ON} (it was the number 5).`],
    ['no list of sites', { unmarkedKinds: [] }, `Your site settings hold no list of the sites you turned off, ${ALL_ON}.`],
    [
      'one bad site among three good ones',
      { disabledSites: ['a.example', 5, 'b.example', 'c.example'] },
      'One of the sites you turned off could not be read; the 3 sites that could be read stay turned off as you set them (it was the number 5).',
    ],
    [
      'two bad sites beside one good one',
      { disabledSites: ['a.example', 5, null] },
      '2 of the sites you turned off could not be read; the one site that could be read stays turned off as you set it (the first was the number 5).',
    ],
    ['the only site, bad', { disabledSites: [true] }, `The one site you turned off could not be read, ${ALL_ON} (it was true).`],
    ['every site bad', { disabledSites: [1, 2, 3] }, `None of the 3 sites you turned off could be read, ${ALL_ON} (the first was the number 1).`],
  ])('%s', async (_name, raw, expected) => {
    expect(await problemFor(raw)).toBe(`${expected} ${KEPT_ASIDE}`);
  });

  it('uses none of the validator’s words, and does not name the internal storage key', async () => {
    for (const raw of ['garbage', { disabledSites: 5 }, { disabledSites: ['a.example', 5] }, { disabledSites: [], unmarkedKinds: 'state' }, {}]) {
      const problem = await problemFor(raw);
      expect(problem).toBeDefined();
      expect(problem).not.toMatch(/Invalid|Expected|never|received/);
      expect(problem).not.toContain(UNREADABLE_SETTINGS_KEY);
    }
  });
});

describe('a field this version does not know (a later version’s)', () => {
  it('is no problem: the sites read as set, and nothing is kept aside', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: [], theme: 'dark' } });
    expect(await loadSettings()).toEqual({ settings: { disabledSites: [] } });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['a.example'], version: 2 } });
    expect(await loadSettings()).toEqual({ settings: { disabledSites: ['a.example'] } });
    expect(await stored(UNREADABLE_SETTINGS_KEY)).toBeUndefined();
  });

  it('is written back with each save, so the later version finds it again', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['a.example'], theme: { name: 'dark' } } });
    await saveSiteEnabled('b.example', false);
    await saveKindMarked('state', false);
    expect(await stored(SETTINGS_KEY)).toEqual({ disabledSites: ['a.example', 'b.example'], unmarkedKinds: ['state'], theme: { name: 'dark' } });
  });

  it('beside a field that does not read: the problem is that field’s alone', async () => {
    expect(await problemFor({ disabledSites: ['a.example', 5], theme: 'dark' })).toBe(
      `One of the sites you turned off could not be read; the one site that could be read stays turned off as you set it (it was the number 5). ${KEPT_ASIDE}`,
    );
  });
});

describe('sites written by hand', () => {
  it('are named as a page’s site is, so they turn those pages off', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { disabledSites: ['Example.COM', 'https://news.example/', 'WWW.Other.example.:8080', '조선일보.com'] },
    });
    const { settings, problem } = await loadSettings();
    expect(problem).toBeUndefined();
    for (const url of ['https://example.com/a', 'http://news.example/b', 'https://www.other.example/', 'https://조선일보.com/']) {
      expect(isEnabledFor(siteOf(url), settings)).toBe(false);
    }
    expect(isEnabledFor(siteOf('https://elsewhere.example/'), settings)).toBe(true);
  });

  it('count once when two name the same site, and one that names no site is kept as it is', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['example.com', 'EXAMPLE.com', 'not a site', 'local files'] } });
    expect(await loadSettings()).toEqual({ settings: { disabledSites: ['example.com', 'not a site', 'local files'] } });
    // Turning the site on takes it off the list whichever way it was written.
    expect(await saveSiteEnabled('example.com', true)).toEqual({ disabledSites: ['not a site', 'local files'] });
  });
});
