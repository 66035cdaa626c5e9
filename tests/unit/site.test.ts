/**
 * What a site is, for the odd URLs people meet, and turning a site on or off.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isEnabledFor, LOCAL_FILES_SITE, type SiteSettings, siteName, siteOf, withSiteEnabled } from '../../utils/site';

describe('siteOf', () => {
  it.each([
    ['https://example.com/page?q=1#x', 'example.com'],
    ['http://example.com', 'example.com'],
    ['https://example.com:8443/a', 'example.com'],
    ['http://example.com:80/', 'example.com'],
    ['HTTPS://EXAMPLE.COM/Path', 'example.com'],
    ['https://Example.Com/', 'example.com'],
    ['https://example.com./', 'example.com'],
    ['https://EXAMPLE.com.:8443/', 'example.com'],
    ['https://user:secret@example.com/', 'example.com'],
    ['https://news.example.co.uk/a', 'news.example.co.uk'],
    ['http://localhost:3000/', 'localhost'],
    ['http://192.168.0.1:8080/', '192.168.0.1'],
    ['http://[::1]:8080/x', '[::1]'],
    ['http://[::1]/', '[::1]'],
  ])('gives %s the site %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  it('gives an internationalised domain one site, written in Unicode or in punycode', () => {
    expect(siteOf('https://bücher.example/')).toBe('xn--bcher-kva.example');
    expect(siteOf('https://BÜCHER.example/')).toBe('xn--bcher-kva.example');
    expect(siteOf('https://xn--bcher-kva.example/')).toBe('xn--bcher-kva.example');
  });

  it('treats www and the bare domain as different sites', () => {
    expect(siteOf('https://www.example.com/')).not.toBe(siteOf('https://example.com/'));
  });

  it('puts every local file in one site', () => {
    expect(siteOf('file:///home/me/report.html')).toBe(LOCAL_FILES_SITE);
    expect(siteOf('file:///C:/Users/me/page.html')).toBe(LOCAL_FILES_SITE);
    expect(siteOf('file://server/share/page.html')).toBe(LOCAL_FILES_SITE);
  });

  it.each([
    'about:blank',
    'about:newtab',
    'data:text/html,<p>North Korea</p>',
    'chrome://extensions/',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'moz-extension://1234/popup.html',
    'edge://settings',
    'javascript:void(0)',
    'ftp://example.com/file',
    'http://./',
  ])('gives %s no site', (url) => {
    expect(siteOf(url)).toBeNull();
  });

  it.each([['garbage'], ['example.com'], ['//example.com'], ['http://'], ['https://exa mple.com'], [''], [undefined]])(
    'gives the unparsable %j no site',
    (url) => {
      expect(siteOf(url)).toBeNull();
    },
  );
});

describe('siteName', () => {
  it('writes a site in another script as its readers do, from the form the browser encodes it in', () => {
    expect(siteName(siteOf('https://조선일보.com/news') as string)).toBe('조선일보.com');
  });

  it('puts the encoded form beside a name whose letters could pass for Latin ones', () => {
    // Cyrillic letters that read as "apple".
    expect(siteName(siteOf('https://xn--80ak6aa92e.com/') as string)).toBe('аррӏе.com (xn--80ak6aa92e.com)');
    expect(siteName(siteOf('https://яндекс.рф/') as string)).toBe('яндекс.рф (xn--d1acpjx3f.xn--p1ai)');
    // Latin letters too: accented, or IPA's "ɑ" for "a", or a label that decodes to plain letters.
    expect(siteName(siteOf('https://bücher.example/x') as string)).toBe('bücher.example (xn--bcher-kva.example)');
    expect(siteName(siteOf('https://ɑpple.com/') as string)).toBe('ɑpple.com (xn--pple-p5b.com)');
    expect(siteName('xn--google-.com')).toBe('google.com (xn--google-.com)');
  });

  it('leaves a plain name, local files and a label that only looks encoded as they are', () => {
    expect(siteName('news.example')).toBe('news.example');
    expect(siteName(LOCAL_FILES_SITE)).toBe(LOCAL_FILES_SITE);
    expect(siteName('xn--.example')).toBe('xn--.example');
  });
});

describe('isEnabledFor', () => {
  const settings: SiteSettings = { disabledSites: ['example.com', LOCAL_FILES_SITE] };

  it('is on by default for every site', () => {
    expect(isEnabledFor('example.com', DEFAULT_SETTINGS)).toBe(true);
  });

  it('is off for a site the reader turned off, and on for the others', () => {
    expect(isEnabledFor('example.com', settings)).toBe(false);
    expect(isEnabledFor(LOCAL_FILES_SITE, settings)).toBe(false);
    expect(isEnabledFor('www.example.com', settings)).toBe(true);
    expect(isEnabledFor('other.org', settings)).toBe(true);
  });

  it('is on for pages with no site (they cannot be turned off)', () => {
    expect(isEnabledFor(null, settings)).toBe(true);
  });
});

describe('withSiteEnabled', () => {
  it('turns a site off by adding it to the disabled sites, sorted', () => {
    expect(withSiteEnabled({ disabledSites: ['zeta.org'] }, 'alpha.org', false)).toEqual({ disabledSites: ['alpha.org', 'zeta.org'] });
  });

  it('turns a site on by removing it', () => {
    expect(withSiteEnabled({ disabledSites: ['alpha.org', 'zeta.org'] }, 'alpha.org', true)).toEqual({ disabledSites: ['zeta.org'] });
  });

  it('is idempotent: turning a site off twice lists it once, turning it on twice leaves it on', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'example.com', false);
    expect(withSiteEnabled(off, 'example.com', false)).toEqual({ disabledSites: ['example.com'] });
    const on = withSiteEnabled(off, 'example.com', true);
    expect(withSiteEnabled(on, 'example.com', true)).toEqual({ disabledSites: [] });
  });

  it('removes duplicates of the site it changes', () => {
    expect(withSiteEnabled({ disabledSites: ['a.org', 'a.org', 'b.org'] }, 'a.org', false)).toEqual({ disabledSites: ['a.org', 'b.org'] });
    expect(withSiteEnabled({ disabledSites: ['a.org', 'a.org'] }, 'a.org', true)).toEqual({ disabledSites: [] });
  });

  it('leaves its input as it was', () => {
    const input: SiteSettings = { disabledSites: ['b.org', 'a.org'] };
    const frozen = Object.freeze({ disabledSites: Object.freeze([...input.disabledSites]) as string[] });
    withSiteEnabled(input, 'c.org', false);
    withSiteEnabled(input, 'a.org', true);
    expect(input).toEqual({ disabledSites: ['b.org', 'a.org'] });
    expect(() => withSiteEnabled(frozen, 'c.org', false)).not.toThrow();
    expect(DEFAULT_SETTINGS).toEqual({ disabledSites: [] });
  });

  it('round-trips with isEnabledFor', () => {
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'example.com', false);
    expect(isEnabledFor('example.com', off)).toBe(false);
    expect(isEnabledFor('example.com', withSiteEnabled(off, 'example.com', true))).toBe(true);
  });
});
