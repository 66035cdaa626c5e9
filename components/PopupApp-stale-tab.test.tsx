/**
 * The popup on a tab that was open before the extension was installed or
 * updated, where Chromium runs no content script until the page loads again:
 * it says so, and reloads the page at the reader's word.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveRequests } from '../tests/support/background-answers';
import { PopupApp } from './PopupApp';

beforeEach(() => {
  fakeBrowser.reset();
  serveRequests({ 'site-status-for': ({ site }) => ({ site, enabled: site !== 'off.example' }), 'storage-status': () => ({ mode: 'indexeddb' }) });
});
afterEach(cleanup);

const NOTICE = /open before Peninsula Lens was installed, updated or turned on: nothing on it is marked until it loads again/;

describe('PopupApp on a tab open since before install', () => {
  it('says why nothing is marked, and reloads the page at a press, then says no more', async () => {
    const reload = vi.fn(() => Promise.resolve());
    render(<PopupApp site={Promise.resolve('news.example')} staleTab={Promise.resolve({ reload })} />);
    expect(await screen.findByText(NOTICE)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(reload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText(NOTICE)).toBeNull());
  });

  it('says why the page could not be reloaded, and keeps the way to try again', async () => {
    render(<PopupApp site={Promise.resolve('news.example')} staleTab={Promise.resolve({ reload: () => Promise.reject(new Error('No tab with id: 7.')) })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reload the page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The page could not be reloaded: No tab with id: 7.');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });

  it('says nothing of it on a site turned off, on a tab that runs the script, or where the tab could not be asked about', async () => {
    const cases = [
      { site: 'off.example', staleTab: () => Promise.resolve({ reload: () => Promise.resolve() }) },
      { site: 'news.example', staleTab: () => Promise.resolve(null) },
      // Made as it is rendered: a promise rejected before anyone waits on it is reported as unhandled.
      { site: 'news.example', staleTab: () => Promise.reject(new Error('no session storage')) },
    ];
    for (const { site, staleTab } of cases) {
      render(<PopupApp site={Promise.resolve(site)} staleTab={staleTab()} />);
      await screen.findByRole('switch');
      await new Promise((done) => setTimeout(done, 20));
      expect({ site, told: screen.queryByText(NOTICE) !== null }).toEqual({ site, told: false });
      cleanup();
    }
  });

  it('leaves it to the notice about local files where the browser keeps the extension out of them: a reload would change nothing', async () => {
    vi.spyOn(browser.extension, 'isAllowedFileSchemeAccess').mockImplementation(() => Promise.resolve(false));
    render(<PopupApp site={Promise.resolve('local files')} staleTab={Promise.resolve({ reload: () => Promise.resolve() })} />);
    await screen.findByText(/Allow access to file URLs/);
    expect(screen.queryByText(NOTICE)).toBeNull();
    vi.restoreAllMocks();
  });

  it('is busy on local files until the browser says whether it lets the extension in, then tells how', async () => {
    let answer: (allowed: boolean) => void = () => undefined;
    vi.spyOn(browser.extension, 'isAllowedFileSchemeAccess').mockImplementation(() => new Promise<boolean>((resolve) => (answer = resolve)));
    render(<PopupApp site={Promise.resolve('local files')} staleTab={Promise.resolve(null)} />);
    await screen.findByRole('switch');
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    answer(false);
    await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByText(/Allow access to file URLs/)).toBeTruthy();
    vi.restoreAllMocks();
  });

  it('stops being busy when it says the background has not answered: it may never', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      render(<PopupApp site={new Promise<string>(() => undefined)} />);
      expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
      await vi.advanceTimersByTimeAsync(3_100);
      expect(screen.getByText(/has not answered yet/)).toBeTruthy();
      expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });
});
