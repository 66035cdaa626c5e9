import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveRequests } from '../tests/support/background-answers';
import type { Request } from '../utils/protocol';
import { PopupApp } from './PopupApp';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('PopupApp', () => {
  it('shows the site with its switch, and turns the site off through the background', async () => {
    const received = serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-site-enabled': ({ site, enabled }) => ({ site, enabled }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const toggle = await screen.findByRole('switch');
    expect(screen.getByText('news.example')).toBeTruthy();
    // How to use the marks is read out with the switch, for a reader who tabs through the popup.
    const howTo = document.getElementById(toggle.getAttribute('aria-describedby') ?? '');
    expect(howTo?.textContent).toMatch(/Alt\+Shift\+↓ and Alt\+Shift\+↑ step through the marked names, and Escape closes the card/);
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false));
    expect(received).toContainEqual({ type: 'set-site-enabled', site: 'news.example', enabled: false });
    expect(screen.getByText('Off')).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Mark names on news.example' })).toBeTruthy();
    // How to open a card is told while the site is on, not after it was turned off.
    await waitFor(() => expect(screen.queryByText(/step through the marked names/)).toBeNull());
    expect(screen.getByRole('switch').hasAttribute('aria-describedby')).toBe(false);
  });

  it('names a site in another script as its readers write it, and turns it off by the name the browser encodes', async () => {
    const received = serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-site-enabled': ({ site, enabled }) => ({ site, enabled }),
    });
    render(<PopupApp site={Promise.resolve('xn--on3b99etzg31a.com')} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Mark names on 조선일보.com' }));
    await waitFor(() => expect(received).toContainEqual({ type: 'set-site-enabled', site: 'xn--on3b99etzg31a.com', enabled: false }));
  });

  it('tells how to let it into local files where the browser keeps it out, and says nothing where it may read them', async () => {
    serveRequests({ 'site-status-for': ({ site }) => ({ site, enabled: true }), 'storage-status': () => ({ mode: 'indexeddb' }) });
    for (const allowed of [false, true]) {
      // Its callback form is typed last, so the promise is given by an implementation, not mockResolvedValue.
      const asked = vi.spyOn(browser.extension, 'isAllowedFileSchemeAccess').mockImplementation(() => Promise.resolve(allowed));
      render(<PopupApp site={Promise.resolve('local files')} />);
      await screen.findByRole('switch', { name: 'Mark names on local files' });
      await waitFor(() => expect(asked).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect({ allowed, told: screen.queryByText(/Allow access to file URLs/) !== null }).toEqual({ allowed, told: !allowed });
      cleanup();
      asked.mockRestore();
    }
  });

  it('says it is still waiting when the background has not answered for a while, and what to do', async () => {
    // A background that takes the question and never answers.
    fakeBrowser.runtime.onMessage.addListener(() => true);
    render(<PopupApp site={Promise.resolve('news.example')} />);
    expect(screen.getByText('Reading this site’s setting…')).toBeTruthy();
    expect(screen.queryByText(/has not answered yet/)).toBeNull();
    expect(await screen.findByText(/has not answered yet; if this stays, close this popup and open it again/, {}, { timeout: 4000 })).toBeTruthy();
  });

  it('tells a screen reader the switch is off once turned off, and on again after a second press', async () => {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-site-enabled': ({ site, enabled }) => ({ site, enabled }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const toggle = await screen.findByRole('switch');
    // The attribute, not `checked`: testing-library's `{ checked }` reads the input's property, which the browser
    // keeps right by itself, whereas a screen reader is told by aria-checked, which the component must keep in step.
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    // Saved: the switch is no longer busy and says Off.
    await waitFor(() => expect(toggle.getAttribute('aria-disabled')).toBe('false'));
    expect(screen.getByText('Off')).toBeTruthy();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    // Saved: the switch is no longer busy and says On.
    await waitFor(() => expect(toggle.getAttribute('aria-disabled')).toBe('false'));
    expect(screen.getByText('On')).toBeTruthy();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('keeps keyboard focus on the switch while the setting is saved, and ignores presses until it is', async () => {
    let saved: (status: { site: string; enabled: boolean }) => void = () => undefined;
    const received = serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-site-enabled': ({ site, enabled }) => new Promise((resolve) => (saved = () => resolve({ site, enabled }))),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    toggle.focus();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(toggle);
    // A second press while the first is saved: no second request, and the switch does not flip back.
    fireEvent.click(toggle);
    expect(received.filter((request) => request.type === 'set-site-enabled')).toHaveLength(1);
    expect(toggle.checked).toBe(false);
    saved({ site: 'news.example', enabled: false });
    await waitFor(() => expect(toggle.getAttribute('aria-disabled')).toBe('false'));
    expect(document.activeElement).toBe(toggle);
    expect(toggle.checked).toBe(false);
  });

  it('looks facts up as the reader types', async () => {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      search: ({ query }) => ({
        hits: query.includes('Heusgen')
          ? [
              {
                entity: { id: 'christoph-heusgen', name: 'Christoph Heusgen', kind: 'person' },
                fact: { id: 'fact-a', claim: 'He read the statement.', quotes: ['The document was delivered.'] },
              },
            ]
          : [],
      }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Heusgen' } });
    expect(await screen.findByText('He read the statement.')).toBeTruthy();
    expect(screen.getByText('The document was delivered.')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zebra' } });
    expect(await screen.findByText(/Nothing in the article matches/)).toBeTruthy();
  });

  it('shows the dated facts in order on request', async () => {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      timeline: () => ({
        facts: [
          { id: 'fact-early', claim: 'The first session.', quotes: ['In December 2014.'], date: '2014-12' },
          { id: 'fact-late', claim: 'The closed session.', quotes: ['On Friday December 11.'], date: '2020-12-11' },
        ],
      }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    const claims = await screen.findAllByText(/session\./);
    expect(claims.map((claim) => claim.textContent)).toEqual(['December 2014: The first session.', '11 December 2020: The closed session.']);
  });

  it('says so on pages where it cannot run', async () => {
    serveRequests({ 'storage-status': () => ({ mode: 'indexeddb' }) });
    render(<PopupApp site={Promise.resolve(null)} />);
    expect(await screen.findByText('Peninsula Lens does not run on this page.')).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('shows which kinds of names are marked, and saves a change through the background', async () => {
    let unmarkedKinds: string[] = ['topic'];
    const received = serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'marked-kinds': () => ({ unmarkedKinds }),
      'set-kind-marked': ({ kind, marked }) => {
        unmarkedKinds = marked ? unmarkedKinds.filter((each) => each !== kind) : [...unmarkedKinds, kind];
        return { unmarkedKinds };
      },
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const state = (await screen.findByRole('checkbox', { name: 'state' })) as HTMLInputElement;
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'topic' }) as HTMLInputElement).checked).toBe(false));
    expect(state.checked).toBe(true);
    fireEvent.click(state);
    await waitFor(() => expect(received).toContainEqual({ type: 'set-kind-marked', kind: 'state', marked: false }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'state' }) as HTMLInputElement).checked).toBe(false));
    expect(unmarkedKinds).toEqual(['topic', 'state']);
  });

  it('shows the stored choice again when saving which kinds are marked fails, and says why', async () => {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'set-kind-marked': () => ({ error: 'storage is full' }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const person = (await screen.findByRole('checkbox', { name: 'person' })) as HTMLInputElement;
    await waitFor(() => expect(person.disabled).toBe(false));
    fireEvent.click(person);
    expect((await screen.findByRole('alert')).textContent).toBe('The choice of names to mark was not saved: storage is full');
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'person' }) as HTMLInputElement).checked).toBe(true));
  });
  it('keeps the boxes as the reader left them while answers to quick changes arrive, in any order', async () => {
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const held: { answer: () => void }[] = [];
      const stored: string[] = [];
      fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
        const request = message as Request;
        if (request.type === 'site-status-for') sendResponse({ site: request.site, enabled: true });
        else if (request.type === 'storage-status') sendResponse({ mode: 'indexeddb' });
        else if (request.type === 'marked-kinds') sendResponse({ unmarkedKinds: [] });
        else if (request.type === 'set-kind-marked') {
          // Saved in the order sent, as the background queues saves; answered when the test says.
          if (!request.marked) stored.push(request.kind);
          const answer = [...stored];
          held.push({ answer: () => sendResponse({ unmarkedKinds: answer }) });
        }
        return true;
      });
      render(<PopupApp site={Promise.resolve('news.example')} />);
      const box = (kind: string) => screen.getByRole('checkbox', { name: kind }) as HTMLInputElement;
      await screen.findByRole('checkbox', { name: 'state' });
      await waitFor(() => expect(box('state').disabled).toBe(false));
      fireEvent.click(box('state'));
      fireEvent.click(box('person'));
      await waitFor(() => expect(held.length).toBe(2));
      for (const at of order) {
        held[at]?.answer();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect({ order, at, state: box('state').checked, person: box('person').checked }).toEqual({ order, at, state: false, person: false });
      }
      cleanup();
      fakeBrowser.reset();
    }
  });

  it('puts a box back as it was, and keeps it in reach, when neither saving nor reading the kinds works', async () => {
    let reads = 0;
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled: true }),
      'storage-status': () => ({ mode: 'indexeddb' }),
      'marked-kinds': () => (++reads === 1 ? { unmarkedKinds: ['topic'] } : { error: 'storage is gone' }),
      'set-kind-marked': () => ({ error: 'storage is full' }),
    });
    render(<PopupApp site={Promise.resolve('news.example')} />);
    const box = (kind: string) => screen.getByRole('checkbox', { name: kind }) as HTMLInputElement;
    await screen.findByRole('checkbox', { name: 'person' });
    await waitFor(() => expect(box('person').disabled).toBe(false));
    fireEvent.click(box('person'));
    expect((await screen.findByRole('alert')).textContent).toBe('The choice of names to mark was not saved: storage is full');
    await waitFor(() => expect(reads).toBe(2));
    await waitFor(() => expect(box('person').checked).toBe(true));
    expect(box('topic').checked).toBe(false);
    expect(screen.getAllByRole('checkbox').every((each) => !(each as HTMLInputElement).disabled)).toBe(true);
  });
});
