/**
 * What the popup says when something goes wrong: a setting not saved, facts
 * served from memory, stored settings that could not be read, a question the
 * background did not answer.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveRequests } from '../tests/support/background-answers';
import { PopupApp } from './PopupApp';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('PopupApp’s messages', () => {
  it('shows the stored setting again when saving fails, says why, and drops that message when a later save works', async () => {
    let fail = true;
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-site-enabled': ({ site, enabled }) => (fail ? { error: 'QUOTA_BYTES quota exceeded' } : { site, enabled }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain('The setting was not saved');
    await waitFor(() => expect(toggle.checked).toBe(true));
    fail = false;
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByText('Off')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when facts come from memory and when settings could not be read', async () => {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true, settingsProblem: 'Your site settings could not be read.' }),
      'storage-status': () => ({ mode: 'memory', problem: 'Facts are served from memory because the browser’s database could not be used (quota).' }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    expect((await screen.findByRole('status')).textContent).toContain('served from memory');
    expect(screen.getByRole('alert').textContent).toContain('could not be read');
  });

  it('says settings could not be read on a page with no site too, from the answer about the kinds marked', async () => {
    const problem = 'The kinds of names you chose not to mark could not be read.';
    serveRequests({ 'storage-status': () => ({ mode: 'indexeddb' }), 'marked-kinds': () => ({ unmarkedKinds: [], settingsProblem: problem }) });
    render(<PopupApp site={Promise.resolve(null)} />);
    expect((await screen.findByRole('alert')).textContent).toBe(problem);
  });

  it('stops saying settings could not be read once a choice of kinds is saved over them', async () => {
    const problem = 'The kinds of names you chose not to mark could not be read.';
    let unreadable = true;
    const settingsProblem = () => (unreadable ? { settingsProblem: problem } : {});
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true, ...settingsProblem() }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'marked-kinds': () => ({ unmarkedKinds: [], ...settingsProblem() }),
      'set-kind-marked': ({ kind, marked }) => {
        unreadable = false;
        return { unmarkedKinds: marked ? [] : [kind] };
      },
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    expect((await screen.findByRole('alert')).textContent).toBe(problem);
    const topic = (await screen.findByRole('checkbox', { name: 'topic' })) as HTMLInputElement;
    await waitFor(() => expect(topic.disabled).toBe(false));
    fireEvent.click(topic);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('keeps saying it is reading the site’s setting when only the storage question fails, and says why each failed', async () => {
    let answerSite: (() => void) | undefined;
    serveRequests({ 'storage-status': () => ({ error: 'the background is starting' }) });
    const site = new Promise<string>((resolve) => {
      answerSite = () => resolve('news.example');
    });
    render(<PopupApp site={site} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not ask where facts come from: the background is starting');
    expect(screen.getByText('Reading this site’s setting…')).toBeTruthy();
    // The site's question fails too: both are told, neither hides the other.
    answerSite?.();
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Could not read this site’s setting: no answer for site-status-for',
      'Could not ask where facts come from: the background is starting',
    ]);
    expect(screen.queryByText('Reading this site’s setting…')).toBeNull();
  });
});
