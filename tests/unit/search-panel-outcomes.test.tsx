/**
 * The popup's search panel: what it says of a search's outcome, on screen and
 * to screen readers once the search completes and the reader pauses, and
 * what it tells a reader whose words found nothing, or not all together.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../components/SearchPanel';
import { heusgenHits, liveRegion, manualSearch, outcome, recordAnnouncements, type } from './support/manual-search';

afterEach(cleanup);

describe('SearchPanel', () => {
  it('tells a screen reader, with the box, what to look up and how to reach the names found from the keyboard', () => {
    const { search } = manualSearch();
    render(<SearchPanel search={search} />);
    const box = screen.getByRole('searchbox', { name: 'Look up facts' });
    expect(box).toBe(
      screen.getByRole('searchbox', { description: 'For example Heusgen, prison camps or 2019. With names found, ↓ moves to them, and ↑ back.' }),
    );
  });

  it('tells screen readers how many facts match once the search completes and the reader pauses, and not before', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    const region = liveRegion();
    // The count shown is not read twice: screen readers hear the live region only.
    expect(outcome().getAttribute('aria-hidden')).toBe('true');
    type('Heusgen');
    const request = await requested('Heusgen');
    expect(region.textContent).toBe('');
    request.answer(heusgenHits);
    await waitFor(() => expect(outcome().textContent).toBe('1 name and 1 fact match “Heusgen”.'));
    expect(region.textContent).toBe('');
    await waitFor(() => expect(region.textContent).toBe('1 name and 1 fact match “Heusgen”.'), { timeout: 2000 });
    expect(liveRegion()).toBe(region);
    type('zebra');
    (await requested('zebra')).answer([]);
    await waitFor(() => expect(region.textContent).toMatch(/^Nothing in the article matches “zebra”\. /), { timeout: 2000 });
  });

  it('tells screen readers the outcome of what was typed last, not a count for each key', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    const said = recordAnnouncements();
    // Keys in quick succession, each answered before the next (100 ms apart: well inside the 750 ms wait,
    // with room for a slow machine).
    for (const typed of ['H', 'He', 'Heu', 'Heus', 'Heusg']) {
      type(typed);
      (await requested(typed)).answer(heusgenHits);
      await waitFor(() => expect(outcome().textContent).toContain(`“${typed}”`));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(() => expect(said).toEqual(['1 name and 1 fact match “Heusg”.']), { timeout: 2000 });
  });

  it('names the words no fact holds, left out to find the others, and says the count is of those', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen zebra giraffe');
    (await requested('Heusgen zebra giraffe')).answerWith({ hits: heusgenHits, leftOut: ['zebra', 'giraffe'] });
    await waitFor(() => expect(outcome().textContent).toBe('Nothing in the article holds “zebra” or “giraffe”: 1 name and 1 fact match the other words.'));
    expect(screen.getByText('He read the statement.')).toBeTruthy();
  });

  it('says, when nothing matches, where the facts come from and what to try instead', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    const region = liveRegion();
    type('veto');
    (await requested('veto')).answer([]);
    const oneWord =
      'Nothing in the article matches “veto”. Its facts come from one article, on the Security Council and North Korean human rights: try a name (Heusgen), a place (Hanoi) or a year (2019).';
    await waitFor(() => expect(outcome().textContent).toBe(oneWord));
    await waitFor(() => expect(region.textContent).toBe(oneWord), { timeout: 2000 });
    // A word too common to look up is not counted among the words of the query, nor said to be missing.
    type('the zebra');
    (await requested('the zebra')).answer([]);
    await waitFor(() => expect(outcome().textContent).toBe(`Nothing in the article matches “the zebra”. ${oneWord.slice(oneWord.indexOf('Its facts'))}`));
    type('the of');
    (await requested('the of')).answer([]);
    await waitFor(() =>
      expect(outcome().textContent).toBe(
        `Nothing in the article matches “the of”. Common words such as “the” are not looked up. ${oneWord.slice(oneWord.indexOf('Its facts'))}`,
      ),
    );
    // Several words find nothing only when none of them is in the article.
    type('zebra giraffe');
    (await requested('zebra giraffe')).answer([]);
    await waitFor(() =>
      expect(outcome().textContent).toBe(
        `Nothing in the article matches “zebra giraffe”. None of these words is in it. ${oneWord.slice(oneWord.indexOf('Its facts'))}`,
      ),
    );
  });

  it('says when no fact holds all the words and the hits hold some of them, and names a word left out too', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Heusgen Hanoi');
    (await requested('Heusgen Hanoi')).answerWith({ hits: heusgenHits, holdingSome: true });
    await waitFor(() => expect(outcome().textContent).toBe('No fact holds all the words: 1 name and 1 fact hold some of them, those with the most first.'));
    expect(screen.getByText('He read the statement.')).toBeTruthy();
    type('Heusgen Hanoi zebra');
    (await requested('Heusgen Hanoi zebra')).answerWith({ hits: heusgenHits.slice(1), leftOut: ['zebra'], holdingSome: true });
    await waitFor(() =>
      expect(outcome().textContent).toBe(
        'Nothing in the article holds “zebra”, and no fact holds all the other words: 1 fact holds some of them, those with the most first.',
      ),
    );
  });

  it('tells a reader who has typed one or two letters of a word to type on, not to look elsewhere', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('Ki');
    (await requested('Ki')).answer([]);
    await waitFor(() =>
      expect(outcome().textContent).toBe(
        'Nothing in the article matches “Ki”. Type on: a word alone is read as the start of a longer one from its third letter.',
      ),
    );
    // Korean, Chinese and Japanese are read as the start of a word at once.
    type('김');
    (await requested('김')).answer([]);
    await waitFor(() => expect(outcome().textContent).toMatch(/^Nothing in the article matches “김”\. Its facts come from one article/));
  });

  it('says one fact matches in the singular', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    type('statement');
    (await requested('statement')).answer(heusgenHits.slice(1));
    await waitFor(() => expect(outcome().textContent).toBe('1 fact matches “statement”.'));
  });
});
