/**
 * axe-core's WCAG 2.1 A and AA rules and its best practices on the card, in
 * each of its states on a news page, and on the popup as a reader leaves it
 * (site on or off, a search with results, the timeline open, a problem told).
 * Colour contrast needs a layout this DOM has not: the end-to-end tests
 * measure the card's colours in real browsers.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveRequests } from '../tests/support/background-answers';
import type { EntityCard, FactView } from '../utils/protocol';
import { type CardState, EntityCardView } from './EntityCardView';
import { PopupApp } from './PopupApp';

const RULES: axe.RunOptions = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'], rules: { 'color-contrast': { enabled: false } } };

/** Each rule broken, with the markup of the first element that breaks it. */
async function violationsIn(root: Element): Promise<string[]> {
  const { violations } = await axe.run(root, RULES);
  return violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html ?? ''}`);
}

const context = 'Since the Security Council session in December 2020 was not accessible to the press or public';
const facts: FactView[] = Array.from({ length: 5 }, (_, index) => ({
  id: `fact-${index}`,
  claim: `Claim number ${index + 1}.`,
  quotes: [`Quote ${index + 1}.`, context],
  date: '2020-12',
  attributedTo: index === 0 ? { id: 'robert-r-king', name: 'Robert R. King', kind: 'person' } : undefined,
}));
const card: EntityCard = {
  id: 'christoph-heusgen',
  kind: 'person',
  name: 'Christoph Heusgen',
  description: 'The German Ambassador to the UN.',
  facts,
  related: [{ id: 'germany', name: 'Germany', kind: 'state' }],
};

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('the card on a news page', () => {
  beforeEach(() => {
    // The page's own landmarks: the card must not add a second banner or main beside them.
    const masthead = document.createElement('header');
    masthead.textContent = 'The Daily Page';
    const article = document.createElement('main');
    article.textContent = 'The UN Security Council met on Friday.';
    document.body.append(masthead, article);
  });

  const states: [string, CardState][] = [
    ['looking up', { status: 'loading', name: 'Heusgen' }],
    ['failed', { status: 'failed', name: 'Heusgen', message: 'The facts could not be looked up: no answer.' }],
    ['stepped to from the keyboard', { status: 'ready', card, place: 'mention 3 of 16' }],
    [
      'of a related name, with the way back',
      { status: 'ready', card: { ...card, related: [] }, backTo: { id: 'un-security-council', name: 'UN Security Council' } },
    ],
  ];

  it.each(states)('breaks no rule while %s', async (_state, state) => {
    const { container } = render(<EntityCardView state={state} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(await violationsIn(container)).toEqual([]);
  });

  it('breaks no rule with every fact shown', async () => {
    const { container } = render(<EntityCardView state={{ status: 'ready', card }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    fireEvent.click(screen.getByText('2 more facts'));
    (container.querySelector('details') as HTMLDetailsElement).open = true;
    expect(await violationsIn(container)).toEqual([]);
  });
});

describe('the popup', () => {
  beforeEach(() => fakeBrowser.reset());

  const heusgen = { id: card.id, name: card.name, kind: card.kind };

  function serve(enabled: boolean, storage: unknown = { mode: 'indexeddb' }) {
    serveRequests({
      'site-status-for': ({ site }) => ({ site, enabled }),
      'storage-status': () => storage,
      search: () => ({ hits: [{ entity: heusgen, description: card.description }, ...facts.map((fact) => ({ entity: heusgen, fact }))] }),
      timeline: () => ({ facts }),
    });
  }

  it('breaks no rule with the site on, a search answered and the timeline open', async () => {
    serve(true);
    const { container } = render(<PopupApp site={Promise.resolve('news.example')} />);
    await screen.findByRole('switch');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Heusgen' } });
    await screen.findByText(/match “Heusgen”/);
    fireEvent.click(screen.getByRole('button', { name: 'Show the timeline' }));
    await screen.findAllByText('Claim number 5.');
    expect(await violationsIn(container)).toEqual([]);
  });

  it('breaks no rule on a tab open since before install, with its way to reload the page', async () => {
    serve(true);
    const { container } = render(<PopupApp site={Promise.resolve('news.example')} staleTab={Promise.resolve({ reload: () => Promise.resolve() })} />);
    await screen.findByRole('button', { name: 'Reload the page' });
    expect(await violationsIn(container)).toEqual([]);
  });

  it('breaks no rule on a site the browser keeps the extension out of, with its way to allow it', async () => {
    serve(true);
    const withheld = { allow: () => Promise.resolve(true), reload: () => Promise.resolve() };
    const { container } = render(<PopupApp site={Promise.resolve('news.example')} withheldSite={Promise.resolve(withheld)} />);
    await screen.findByRole('button', { name: 'Allow on this site' });
    expect(await violationsIn(container)).toEqual([]);
  });

  it('breaks no rule with the site off and a problem told', async () => {
    serve(false, { mode: 'memory', problem: 'The database could not be opened.' });
    const { container } = render(<PopupApp site={Promise.resolve('news.example')} />);
    await screen.findByText(/could not be opened/);
    expect(await violationsIn(container)).toEqual([]);
  });
});
