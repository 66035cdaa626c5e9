/**
 * The popup's search panel: what it sends, what it shows while a search is
 * pending, and what it tells screen readers once a search completes.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../components/SearchPanel';
import type { SearchAnswer, SearchHit } from '../../utils/protocol';

afterEach(cleanup);

const heusgenHits: SearchHit[] = [
  { entity: { id: 'christoph-heusgen', name: 'Christoph Heusgen', kind: 'person' }, description: 'Germany’s ambassador to the UN.' },
  {
    entity: { id: 'christoph-heusgen', name: 'Christoph Heusgen', kind: 'person' },
    fact: { id: 'fact-a', claim: 'He read the statement.', quotes: ['The document was delivered.'] },
  },
];

type PendingSearch = {
  query: string;
  answer: (hits: SearchHit[]) => void;
  /** The whole answer, with the words left out of it. */
  answerWith: (answer: SearchAnswer) => void;
  fail: (error: Error) => void;
};

/**
 * A search the test answers by hand. Like the background, it refuses a query
 * longer than utils/protocol.ts allows, with the message the popup would get.
 */
function manualSearch() {
  const requests: PendingSearch[] = [];
  const search = (query: string) =>
    new Promise<SearchAnswer>((resolve, reject) => {
      if (query.length > 200) reject(new Error('Peninsula Lens got an unexpected answer to "search".'));
      requests.push({ query, answer: (hits) => resolve({ hits }), answerWith: resolve, fail: reject });
    });
  /** The request for `query`, once the panel has sent it. */
  const requested = (query: string) =>
    waitFor(() => {
      const request = requests.findLast((entry) => entry.query === query);
      if (!request) throw new Error(`"${query}" was not searched; searched: ${requests.map((entry) => entry.query).join(', ')}`);
      return request;
    });
  return { search, requested };
}

/** Whether the results shown are marked as about to be replaced. */
function resultsBusy(): string | null | undefined {
  return document.querySelector('.hits')?.getAttribute('aria-busy');
}

function type(text: string) {
  fireEvent.input(screen.getByRole('searchbox'), { target: { value: text } });
}

/** The outcome of a search as shown. */
function outcome(): HTMLElement {
  const shown = document.querySelector<HTMLElement>('.search-outcome');
  if (!shown) throw new Error('no outcome shown');
  return shown;
}

/** The live region that tells screen readers the outcome of a search. */
function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"], [role="status"]');
  if (!region) throw new Error('no live region');
  return region;
}

/** Every text the live region held, in order, from now on. */
function recordAnnouncements(): string[] {
  const region = liveRegion();
  const said: string[] = [];
  new MutationObserver(() => {
    const text = region.textContent ?? '';
    if (text !== '' && text !== said.at(-1)) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

/** The panel with "heusgen" typed in the box, which keeps focus, and its names found. */
async function heusgenFoundFromTheBox() {
  const { search, requested } = manualSearch();
  render(<SearchPanel search={search} />);
  const box = screen.getByRole('searchbox');
  box.focus();
  type('heusgen');
  (await requested('heusgen')).answer(heusgenHits);
  await screen.findByRole('heading', { name: 'Christoph Heusgen' });
  return { box, requested };
}

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

  it('moves from the box to the names found with ↓, from name to name with ↓ and ↑, and back to the box', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    const box = screen.getByRole('searchbox');
    box.focus();
    // Nothing found yet: ↓ stays in the box, as it does in any text field.
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box);
    type('heusgen');
    const trump = { id: 'donald-trump', name: 'Donald Trump', kind: 'person' } as const;
    (await requested('heusgen')).answer([...heusgenHits, { entity: trump, description: 'President of the United States.' }]);
    const heusgen = await screen.findByRole('heading', { name: 'Christoph Heusgen' });
    const second = screen.getByRole('heading', { name: 'Donald Trump' });
    const press = (key: string, options: Record<string, boolean> = {}) => {
      const target = document.activeElement ?? document.body;
      return fireEvent.keyDown(target, { key, ...options });
    };
    // Taken as a move: the browser neither moves the caret nor scrolls.
    expect(press('ArrowDown')).toBe(false);
    expect(document.activeElement).toBe(heusgen);
    press('ArrowDown');
    expect(document.activeElement).toBe(second);
    // Past the last name, ↓ is left to the browser (it scrolls).
    expect(press('ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(second);
    // With a modifier, the key is the browser's or the reader's own (Shift+↓ selects, Alt+↓ opens a list).
    expect(press('ArrowUp', { shiftKey: true })).toBe(true);
    expect(document.activeElement).toBe(second);
    press('ArrowUp');
    expect(document.activeElement).toBe(heusgen);
    press('ArrowUp');
    expect(document.activeElement).toBe(box);
  });

  it('leaves ↓ and ↑ to an input method composing Korean or Japanese in the box', async () => {
    const { box } = await heusgenFoundFromTheBox();
    // ↓ picks among the input method's candidates (北朝鮮, 北朝鮮の…): it is not a move to the names found.
    expect(fireEvent.keyDown(box, { key: 'ArrowDown', isComposing: true })).toBe(true);
    expect(document.activeElement).toBe(box);
  });

  it('keeps the focus in the results when the names under it are replaced by a newer search', async () => {
    const { box, requested } = await heusgenFoundFromTheBox();
    // Typed on, and ↓ at once: the earlier names are still in view while the newer search runs.
    type('trump');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Christoph Heusgen' }));
    const trump = { id: 'donald-trump', name: 'Donald Trump', kind: 'person' } as const;
    (await requested('trump')).answer([{ entity: trump, description: 'President of the United States.' }]);
    const heading = await screen.findByRole('heading', { name: 'Donald Trump' });
    // Not dropped on the page, where ↑ and ↓ no longer move: on the first name now found.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.keyDown(heading, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
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
