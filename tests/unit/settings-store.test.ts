/**
 * Site settings in browser.storage.local: defaults, saving, and a corrupt
 * stored value that gives the defaults and a problem but is never lost.
 */
import * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteStatusSchema } from '../../utils/protocol';
import { loadSettings, SETTINGS_KEY, saveSiteEnabled, UNREADABLE_SETTINGS_KEY } from '../../utils/settings-store';

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

/** The corrupt values kept aside, oldest first. */
async function keptValues(): Promise<unknown[]> {
  const kept = (await stored(UNREADABLE_SETTINGS_KEY)) as { value: unknown }[] | undefined;
  return (kept ?? []).map((entry) => entry.value);
}

/** How each problem ends when the unreadable value was copied aside. */
const KEPT_ASIDE = 'What could not be read is kept aside in storage, not thrown away.';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  it('gives the defaults, and no problem, when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: { disabledSites: [] } });
    expect(await stored(UNREADABLE_SETTINGS_KEY)).toBeUndefined();
  });

  it('reads stored settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['example.com'] } });
    expect(await loadSettings()).toEqual({ settings: { disabledSites: ['example.com'] } });
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['a list of the wrong type', { disabledSites: 5 }],
    ['a list of numbers', { disabledSites: [1, 2] }],
    ['an object without the list', {}],
    ['a site name too long to be one', { disabledSites: ['x'.repeat(301)] }],
  ])('gives the defaults and a problem for %s, and copies the raw value aside', async (_name, raw) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ disabledSites: [] });
    expect(loaded.problem).toContain(KEPT_ASIDE);
    expect(await keptValues()).toEqual([raw]);
    // Reading alone changes nothing the reader set.
    expect(await stored(SETTINGS_KEY)).toEqual(raw);
  });

  // A legacy settings object saved as a JSON string, padded to 30,000 characters.
  const hugeString = JSON.stringify({ disabledSites: ['example.com'], note: 'x'.repeat(30_000) }).slice(0, 30_000);
  it.each([
    ['a 30,000-character string', hugeString],
    ['a site entry of 30,000 characters', { disabledSites: ['a.example', 'k'.repeat(30_000)] }],
  ])('quotes only the start of %s, so the problem fits in a site-status answer', async (_name, raw) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
    const { problem } = await loadSettings();
    expect(problem).toBeDefined();
    expect(problem?.length).toBeLessThan(600);
    expect(problem).toContain('30,000 characters');
    expect(v.safeParse(SiteStatusSchema, { site: 'news.example', enabled: true, settingsProblem: problem }).success).toBe(true);
    expect(await keptValues()).toEqual([raw]);
  });

  /** Serves `raw` as the stored settings, as Firefox's storage (structured clone) can hold values JSON cannot. */
  async function loadedFrom(raw: unknown, set: (items: Record<string, unknown>) => Promise<void> = async () => undefined) {
    const original = { get: fakeBrowser.storage.local.get, set: fakeBrowser.storage.local.set };
    fakeBrowser.storage.local.get = async () => ({ [SETTINGS_KEY]: raw });
    fakeBrowser.storage.local.set = set;
    try {
      return await loadSettings();
    } finally {
      Object.assign(fakeBrowser.storage.local, original);
    }
  }

  it.each([
    ['a 30,000-digit BigInt as the list', { disabledSites: 10n ** 30_000n }],
    ['a 30,000-digit BigInt as the whole value', 10n ** 30_000n],
    ['a 30,000-digit BigInt in the list', { disabledSites: ['a.example', 10n ** 30_000n] }],
  ])('keeps the problem short for %s, so every site-status answer stays valid', async (_name, raw) => {
    const { problem } = await loadedFrom(raw);
    expect(problem).toBeDefined();
    expect(problem?.length).toBeLessThan(2_000);
    expect(v.safeParse(SiteStatusSchema, { site: 'news.example', enabled: true, settingsProblem: problem }).success).toBe(true);
  });

  it('keeps the problem short when storage refuses the copy with a very long reason', async () => {
    const { problem } = await loadedFrom('garbage', async () => {
      throw new Error(`Storage refused: ${'x'.repeat(30_000)}`);
    });
    expect(problem).toContain('Storage refused');
    expect(problem?.length).toBeLessThanOrEqual(2_000);
    expect(v.safeParse(SiteStatusSchema, { site: 'news.example', enabled: true, settingsProblem: problem }).success).toBe(true);
  });

  it('keeps the sites that still read in a list with one bad entry, says so, and copies the raw value aside', async () => {
    const raw = { disabledSites: ['a.example', null, 'b.example'] };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ disabledSites: ['a.example', 'b.example'] });
    expect(loaded.problem).toBe(
      `One of the sites you turned off could not be read; the 2 sites that could be read stay turned off as you set them (it was null). ${KEPT_ASIDE}`,
    );
    expect(await keptValues()).toEqual([raw]);
    // A change saves those sites with it.
    expect(await saveSiteEnabled('c.example', false)).toEqual({ disabledSites: ['a.example', 'b.example', 'c.example'] });
  });

  it('says "the one site" when one site still reads', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: ['a.example', 7] } });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual({ disabledSites: ['a.example'] });
    expect(loaded.problem).toBe(
      `One of the sites you turned off could not be read; the one site that could be read stays turned off as you set it (it was the number 7). ${KEPT_ASIDE}`,
    );
  });

  it('quotes a short bad value whole', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    expect((await loadSettings()).problem).toContain('"garbage"');
  });

  it('quotes only the start of a long value with dollar signs literally', async () => {
    const raw = `$&$'$\`${'x'.repeat(200)}`;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: raw });
    expect((await loadSettings()).problem).toContain(`"$&$'$\`xxx`);
  });

  it('keeps one copy when the same corrupt value is read again', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    await loadSettings();
    const again = await loadSettings();
    expect(again.problem).toBeDefined();
    expect(await keptValues()).toEqual(['garbage']);
  });
});

describe('settings whose copy cannot be kept', () => {
  /** Makes storage refuse every write while `run` runs. */
  async function withFullStorage(run: () => Promise<void>): Promise<void> {
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    try {
      await run();
    } finally {
      fakeBrowser.storage.local.set = original;
    }
  }

  it('still reads, with the defaults and a problem, when storage will not take the copy; the value stays', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'garbage' });
    await withFullStorage(async () => {
      const loaded = await loadSettings();
      expect(loaded.settings).toEqual({ disabledSites: [] });
      expect(loaded.problem).toMatch(/It is left in storage as it is, and not replaced until a copy can be kept aside \(QUOTA_BYTES quota exceeded\)\.$/);
      // A save would replace the value before a copy is kept: it fails instead, and says why.
      await expect(saveSiteEnabled('a.org', false)).rejects.toThrow('quota');
    });
    expect(await stored(SETTINGS_KEY)).toBe('garbage');
    // Once storage takes writes again, the next save keeps the copy first.
    expect(await saveSiteEnabled('a.org', false)).toEqual({ disabledSites: ['a.org'] });
    expect(await keptValues()).toEqual(['garbage']);
  });

  it.each([
    [
      'a value with a cycle',
      () => {
        const cyclic: Record<string, unknown> = { disabledSites: 'x' };
        cyclic.self = cyclic;
        return cyclic;
      },
    ],
    ['a BigInt', () => ({ disabledSites: 10n })],
  ])('reads and keeps %s, which JSON cannot write', async (_name, make) => {
    const raw = make();
    // Firefox's storage holds what structured cloning holds: cycles and BigInts too. The fake storage
    // writes JSON, so this storage is stood in for by one that hands back and takes the object itself.
    const written: Record<string, unknown>[] = [];
    const { get, set } = fakeBrowser.storage.local;
    fakeBrowser.storage.local.get = async () => ({ [SETTINGS_KEY]: raw });
    fakeBrowser.storage.local.set = async (items) => {
      written.push(items);
    };
    try {
      const loaded = await loadSettings();
      expect(loaded.settings).toEqual({ disabledSites: [] });
      expect(loaded.problem).toContain(KEPT_ASIDE);
      expect(written).toEqual([{ [UNREADABLE_SETTINGS_KEY]: [{ keptAt: expect.any(String), value: raw }] }]);
      // Read again (every page asks), with the copy now kept: no second copy.
      const kept = written[0]?.[UNREADABLE_SETTINGS_KEY];
      fakeBrowser.storage.local.get = async () => ({ [SETTINGS_KEY]: make(), [UNREADABLE_SETTINGS_KEY]: kept });
      await loadSettings();
      expect(written).toHaveLength(1);
    } finally {
      Object.assign(fakeBrowser.storage.local, { get, set });
    }
  });
});

describe('kept copies from an older version', () => {
  it('carries over a single kept value (stored before kept values were a list) when another unreadable value is kept', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'new garbage', [UNREADABLE_SETTINGS_KEY]: 'old raw' });
    const loaded = await loadSettings();
    expect(loaded.problem).toContain(KEPT_ASIDE);
    expect(await keptValues()).toEqual(['old raw', 'new garbage']);
  });
});

describe('kept copies of values JSON cannot write', () => {
  it.each([
    ['maps', new Map([['a.org', true]]), new Map([['b.org', true]])],
    ['sets', new Set(['a.org']), new Set(['b.org'])],
    ['a BigInt and the text of one', 10n, '10n'],
    // JSON writes a browser's Blob as {} (the test DOM's as its type alone): of the same type, only the size tells these apart.
    ['blobs', new Blob(['a'], { type: 'text/plain' }), new Blob(['bb'], { type: 'text/plain' })],
  ])('keeps two different %s apart', async (_name, first, second) => {
    const written: Record<string, unknown>[] = [];
    const { get, set } = fakeBrowser.storage.local;
    fakeBrowser.storage.local.get = async () => ({
      [SETTINGS_KEY]: { disabledSites: second },
      [UNREADABLE_SETTINGS_KEY]: [{ keptAt: 'earlier', value: { disabledSites: first } }],
    });
    fakeBrowser.storage.local.set = async (items) => {
      written.push(items);
    };
    try {
      await loadSettings();
      const kept = written[0]?.[UNREADABLE_SETTINGS_KEY] as { value: unknown }[] | undefined;
      expect(kept?.map((entry) => entry.value)).toEqual([{ disabledSites: first }, { disabledSites: second }]);
    } finally {
      Object.assign(fakeBrowser.storage.local, { get, set });
    }
  });
});

describe('saveSiteEnabled', () => {
  it('turns a site off and on, and stores the result', async () => {
    expect(await saveSiteEnabled('example.com', false)).toEqual({ disabledSites: ['example.com'] });
    expect(await stored(SETTINGS_KEY)).toEqual({ disabledSites: ['example.com'] });
    expect((await loadSettings()).settings).toEqual({ disabledSites: ['example.com'] });

    expect(await saveSiteEnabled('other.org', false)).toEqual({ disabledSites: ['example.com', 'other.org'] });
    expect(await saveSiteEnabled('example.com', true)).toEqual({ disabledSites: ['other.org'] });
    expect(await stored(SETTINGS_KEY)).toEqual({ disabledSites: ['other.org'] });
  });

  it('after a corrupt value, saves good settings and keeps the unreadable copy', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { disabledSites: 5 } });
    expect(await saveSiteEnabled('example.com', false)).toEqual({ disabledSites: ['example.com'] });
    expect(await stored(SETTINGS_KEY)).toEqual({ disabledSites: ['example.com'] });
    expect(await keptValues()).toEqual([{ disabledSites: 5 }]);
    expect(await loadSettings()).toEqual({ settings: { disabledSites: ['example.com'] } });
    expect(await keptValues()).toEqual([{ disabledSites: 5 }]);
  });

  it('refuses, with a reason, to turn off one site more than it keeps, and changes nothing', async () => {
    const full = { disabledSites: Array.from({ length: 10_000 }, (_, index) => `s${String(index).padStart(5, '0')}.example`) };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: full });
    await expect(saveSiteEnabled('one-more.example', false)).rejects.toThrow(
      'Peninsula Lens keeps at most 10,000 sites turned off; to make room, open this popup on one of them and turn it back on there.',
    );
    expect(await stored(SETTINGS_KEY)).toEqual(full);
    expect(await loadSettings()).toEqual({ settings: full });
    // Turning one on still works, and makes room.
    expect((await saveSiteEnabled('s00000.example', true)).disabledSites).toHaveLength(9_999);
  });

  it('loses no change when two sites are switched at the same time', async () => {
    await Promise.all([saveSiteEnabled('a.org', false), saveSiteEnabled('b.org', false), saveSiteEnabled('c.org', false)]);
    expect(await stored(SETTINGS_KEY)).toEqual({ disabledSites: ['a.org', 'b.org', 'c.org'] });
  });

  it('keeps saving after a failed save', async () => {
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let failOnce = true;
    fakeBrowser.storage.local.set = async (items) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return original(items);
    };
    try {
      await expect(saveSiteEnabled('a.org', false)).rejects.toThrow('quota');
      expect(await saveSiteEnabled('b.org', false)).toEqual({ disabledSites: ['b.org'] });
    } finally {
      fakeBrowser.storage.local.set = original;
    }
  });

  // The kept copies are a list: a second, different corrupt value (after the reader saved good
  // settings in between) is added to it before the next save overwrites it, so neither is lost.
  it('keeps a second, different corrupt value too', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'first corruption' });
    await saveSiteEnabled('a.org', false);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: 'second corruption' });
    await saveSiteEnabled('b.org', false);
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).toContain('first corruption');
    expect(everything).toContain('second corruption');
  });
});
