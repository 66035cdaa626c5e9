/**
 * The popup on a site the browser keeps the extension out of: it says so,
 * asks the browser to let it in at the reader's press, and then reloads the
 * page, as the content script runs only when a page loads.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WithheldSite } from '../entrypoints/popup/site-access';
import { serveRequests } from '../tests/support/background-answers';
import { PopupApp } from './PopupApp';

beforeEach(() => {
  fakeBrowser.reset();
  serveRequests({ 'site-status-for': ({ site }) => ({ site, enabled: site !== 'off.example' }), 'storage-status': () => ({ mode: 'indexeddb' }) });
});
afterEach(cleanup);

// Vitest builds for Chromium: Firefox's wording is checked in its end-to-end test.
const NOTICE = 'Your browser lets Peninsula Lens read this site only when you click its icon.';
const ALLOWED = 'Peninsula Lens may now read this site. This page is marked once it loads again.';

function withheld(answer: () => Promise<boolean>): WithheldSite & { reload: ReturnType<typeof vi.fn> } {
  return { allow: vi.fn(answer), reload: vi.fn(() => Promise.resolve()) };
}

const noticeText = () => screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim();

describe('PopupApp on a site the browser keeps the extension out of', () => {
  it('says so with the switch, lets the reader allow the site, then reloads the page and says no more', async () => {
    const site = withheld(() => Promise.resolve(true));
    render(<PopupApp site={Promise.resolve('news.example')} withheldSite={Promise.resolve(site)} />);
    expect(await screen.findByText(NOTICE)).toBeTruthy();
    expect(screen.getByRole('switch').getAttribute('aria-describedby')).toBe('site-access how-to-open');
    fireEvent.click(screen.getByRole('button', { name: 'Allow on this site' }));
    expect(site.allow).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(noticeText()).toBe(`${ALLOWED} Reload the page`));
    fireEvent.click(screen.getByRole('button', { name: 'Reload the page' }));
    expect(site.reload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByText(ALLOWED)).toBeNull());
    expect(screen.getByRole('switch').getAttribute('aria-describedby')).toBe('how-to-open');
  });

  it('is busy, for a screen reader and a test alike, until the browser has said whether the site is withheld', async () => {
    let answer: (site: WithheldSite | null) => void = () => undefined;
    render(<PopupApp site={Promise.resolve('news.example')} withheldSite={new Promise((resolve) => (answer = resolve))} />);
    await screen.findByRole('switch');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    answer(null);
    await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
    expect(screen.queryByText(NOTICE)).toBeNull();
  });

  it('keeps the way to allow the site when the reader says no, and says why the browser could not be asked', async () => {
    const declined = withheld(() => Promise.resolve(false));
    render(<PopupApp site={Promise.resolve('news.example')} withheldSite={Promise.resolve(declined)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on this site' }));
    await new Promise((done) => setTimeout(done, 20));
    expect(screen.getByText(NOTICE)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Allow on this site' })).toBeTruthy();
    cleanup();

    const failing = withheld(() => Promise.reject(new Error('permissions.request may only be called from a user input handler')));
    render(<PopupApp site={Promise.resolve('news.example')} withheldSite={Promise.resolve(failing)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on this site' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The browser could not be asked: permissions.request may only be called from a user input handler',
    );
    expect(screen.getByRole('button', { name: 'Allow on this site' })).toBeTruthy();
  });

  it('says why the page could not be reloaded, and keeps the way to try again', async () => {
    const site = { allow: () => Promise.resolve(true), reload: () => Promise.reject(new Error('No tab with id: 7.')) };
    render(<PopupApp site={Promise.resolve('news.example')} withheldSite={Promise.resolve(site)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on this site' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reload the page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The page could not be reloaded: No tab with id: 7.');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
  });

  it('says nothing of it on a site turned off, or where the browser could not be asked, and leaves the notice about install to it', async () => {
    const cases = [
      { site: 'off.example', withheldSite: () => Promise.resolve(withheld(() => Promise.resolve(true))) },
      // Made as it is rendered: a promise rejected before anyone waits on it is reported as unhandled.
      { site: 'news.example', withheldSite: () => Promise.reject(new Error('no permissions API')) },
    ];
    for (const { site, withheldSite } of cases) {
      render(<PopupApp site={Promise.resolve(site)} withheldSite={withheldSite()} />);
      await screen.findByRole('switch');
      await new Promise((done) => setTimeout(done, 20));
      expect({ site, told: screen.queryByText(NOTICE) !== null }).toEqual({ site, told: false });
      cleanup();
    }
    render(
      <PopupApp
        site={Promise.resolve('news.example')}
        staleTab={Promise.resolve({ reload: () => Promise.resolve() })}
        withheldSite={Promise.resolve(withheld(() => Promise.resolve(true)))}
      />,
    );
    await screen.findByText(NOTICE);
    expect(screen.queryByText(/open before Peninsula Lens was installed/)).toBeNull();
  });
});
