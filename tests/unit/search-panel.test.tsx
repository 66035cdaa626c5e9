/**
 * The popup's search panel: what it sends, and how it shows what a search
 * found (names, their facts, shared quotes, the first twenty and the rest).
 * What it says of the outcome: search-panel-outcomes; the keyboard:
 * search-panel-keyboard; a search still pending: search-panel-pending.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../components/SearchPanel';
import type { SearchHit } from '../../utils/protocol';
import { heusgenHits, manualSearch, outcome, type } from './support/manual-search';

afterEach(cleanup);

describe('SearchPanel', () => {
  it('limits the box to 200 characters and searches a longer paste as its first 200, without an error', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).maxLength).toBe(200);
    const pasted = `North Korea ${'and the Security Council '.repeat(9)}`.slice(0, 227);
    expect(pasted).toHaveLength(227);
    type(pasted);
    (await requested(pasted.slice(0, 200))).answer(heusgenHits);
    await waitFor(() => expect(screen.getByText('He read the statement.')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a name once, with its description and each of its facts that match, in the order of its best hit', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen');
    const germany = { id: 'germany', name: 'Germany', kind: 'state' as const };
    (await requested('Heusgen')).answer([
      ...heusgenHits,
      { entity: germany, description: 'A member of the Council.' },
      { ...heusgenHits[1], fact: { id: 'fact-b', claim: 'He spoke for eight members.', quotes: ['Eight members.'] } } as SearchHit,
    ]);
    await waitFor(() => expect(outcome().textContent).toBe('2 names and 2 facts match “Heusgen”.'));
    const headings = [...document.querySelectorAll('.hit-entity')].map((heading) => heading.textContent);
    expect(headings).toEqual(['Christoph Heusgen', 'Germany']);
    const first = document.querySelector('.hit') as HTMLElement;
    expect(first.textContent).toContain('Germany’s ambassador to the UN.');
    expect([...first.querySelectorAll('.facts > li')].map((fact) => fact.textContent)).toEqual([
      expect.stringContaining('He read the statement.'),
      expect.stringContaining('He spoke for eight members.'),
    ]);
  });

  it('writes out a sentence facts of several names rest on once, and its first words under the facts after it', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('December');
    const context = 'Since the Security Council session in December 2020 was not accessible to the press or public';
    const factOf = (id: string, quote: string) => ({ id, claim: `${id}.`, quotes: [quote, context] });
    (await requested('December')).answer([
      { entity: { id: 'christoph-heusgen', name: 'Christoph Heusgen', kind: 'person' }, fact: factOf('fact-a', 'He read it.') },
      { entity: { id: 'germany', name: 'Germany', kind: 'state' }, fact: factOf('fact-b', 'It signed.') },
      { entity: { id: 'germany', name: 'Germany', kind: 'state' }, fact: factOf('fact-c', 'It spoke.') },
    ]);
    await waitFor(() => expect(document.querySelectorAll('.facts > li')).toHaveLength(3));
    const contextQuotes = [...document.querySelectorAll('.facts > li')].map((fact) => fact.querySelectorAll('blockquote')[1]?.textContent);
    const shortened = 'Since the Security Council session in December 2020 … (quoted above)';
    expect(contextQuotes).toEqual([context, shortened, shortened]);
  });

  it('counts every hit, shows the first twenty, and the rest on request; each name is a heading', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('council');
    const hits: SearchHit[] = Array.from({ length: 26 }, (_, index) => ({
      entity: { id: 'un-security-council', name: 'UN Security Council', kind: 'organisation' },
      fact: { id: `fact-${index}`, claim: `Council claim ${index + 1}.`, quotes: [`Quote ${index + 1}.`] },
    }));
    (await requested('council')).answer(hits);
    // The count says the list holds only the first of them: "26 facts" over twenty read as a miscount.
    await waitFor(() => expect(outcome().textContent).toBe('26 facts match “council”; the first 20 are listed.'));
    expect(screen.getByRole('heading', { name: 'UN Security Council' })).toBeTruthy();
    expect(screen.getByText('Council claim 20.')).toBeTruthy();
    expect(screen.queryByText('Council claim 21.')).toBeNull();
    const showAll = screen.getByRole('button', { name: 'Show all 26 results' });
    showAll.focus();
    fireEvent.click(showAll);
    expect(screen.getByText('Council claim 26.')).toBeTruthy();
    expect(outcome().textContent).toBe('26 facts match “council”.');
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
    // The button is gone; focus goes to the results, not to the page's body.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'UN Security Council' })));
  });

  it('moves focus to the first name that “Show all” brought in', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('korea');
    const factOf = (entity: SearchHit['entity'], index: number): SearchHit => ({
      entity,
      fact: { id: `${entity.id}-${index}`, claim: `${entity.name} claim ${index}.`, quotes: [`Quote ${index}.`] },
    });
    const north = { id: 'north-korea', name: 'North Korea', kind: 'state' } as const;
    const summit = { id: 'hanoi-summit', name: 'Hanoi summit', kind: 'event' } as const;
    (await requested('korea')).answer([
      ...Array.from({ length: 20 }, (_, index) => factOf(north, index)),
      ...Array.from({ length: 3 }, (_, index) => factOf(summit, index)),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: 'Show all 23 results' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Hanoi summit' })));
  });
});
