/**
 * The popup's search panel while a search is pending: no "nothing matches"
 * before it completes, earlier results kept and marked busy, a late answer
 * dropped, "Looking up…" after a second, and nothing of an earlier query said.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../components/SearchPanel';
import { heusgenHits, manualSearch, outcome, resultsBusy, type } from './support/manual-search';

afterEach(cleanup);

describe('SearchPanel', () => {
  it('never says nothing matches a query whose search has not completed', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('zebra');
    (await requested('zebra')).answer([]);
    await screen.findByText(/^Nothing in the article matches “zebra”\. /);

    type('Heusgen');
    expect(screen.queryByText(/Nothing in the article matches/)).toBeNull();
    const request = await requested('Heusgen');
    expect(screen.queryByText(/Nothing in the article matches/)).toBeNull();
    request.answer(heusgenHits);
    await screen.findByText('He read the statement.');
    expect(screen.queryByText(/Nothing in the article matches/)).toBeNull();
  });

  it('keeps the previous results, marked busy, while a newer search is pending', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen');
    (await requested('Heusgen')).answer(heusgenHits);
    await screen.findByText('He read the statement.');

    type('Heusgen statement');
    expect(screen.getByText('He read the statement.')).toBeTruthy();
    expect(resultsBusy()).toBe('true');
    expect(outcome().textContent).toBe('1 name and 1 fact match “Heusgen”.');
    (await requested('Heusgen statement')).answer(heusgenHits.slice(1));
    await waitFor(() => expect(outcome().textContent).toBe('1 fact matches “Heusgen statement”.'));
    expect(resultsBusy()).toBe('false');
  });

  it('shows a search that answers late only if it is still the one asked for', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('zebra');
    const late = await requested('zebra');
    type('Heusgen');
    (await requested('Heusgen')).answer(heusgenHits);
    await screen.findByText('He read the statement.');
    late.answer([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/Nothing in the article matches/)).toBeNull();
    expect(outcome().textContent).toBe('1 name and 1 fact match “Heusgen”.');
  });

  it('clears old results and an old error when the box is cleared', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen');
    (await requested('Heusgen')).answer(heusgenHits);
    await screen.findByText('He read the statement.');
    type('Heusgen camps');
    (await requested('Heusgen camps')).fail(new Error('The facts could not be read.'));
    expect((await screen.findByRole('alert')).textContent).toBe('The search failed: The facts could not be read.');

    type('');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.queryByText('He read the statement.')).toBeNull();
    expect(outcome().textContent).toBe('');
  });

  it('says it is still looking once a search has taken a second, and not before', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen');
    const request = await requested('Heusgen');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(outcome().textContent).toBe('');
    await waitFor(() => expect(outcome().textContent).toBe('Looking up “Heusgen”…'), { timeout: 2000 });
    request.answer(heusgenHits);
    await waitFor(() => expect(outcome().textContent).toBe('1 name and 1 fact match “Heusgen”.'));
  });

  it('says nothing of an earlier query to a new one: neither that it failed nor that it was slow', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen');
    const slow = await requested('Heusgen');
    await waitFor(() => expect(outcome().textContent).toBe('Looking up “Heusgen”…'), { timeout: 2000 });
    slow.answer(heusgenHits);
    type('camps');
    (await requested('camps')).fail(new Error('The facts could not be read.'));
    await screen.findByRole('alert');
    // A new query: the failure of the last is gone at once, and this one is said to be slow only after a second.
    type('Heusgen');
    expect(screen.queryByRole('alert')).toBeNull();
    // Sent after the 150 ms pause, and not yet slow.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(outcome().textContent).not.toBe('Looking up “Heusgen”…');
    await waitFor(() => expect(outcome().textContent).toBe('Looking up “Heusgen”…'), { timeout: 2000 });
  });
});
