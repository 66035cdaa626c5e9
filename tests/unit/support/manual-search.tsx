/**
 * The search panel's tests' tools: a search the test answers by hand, hits
 * for "heusgen", typing into the box, and reading what the panel shows and
 * tells screen readers.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { SearchPanel } from '../../../components/SearchPanel';
import type { SearchAnswer, SearchHit } from '../../../utils/protocol';

/** Christoph Heusgen found twice: by his name and description, and by a fact. */
export const heusgenHits: SearchHit[] = [
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
export function manualSearch() {
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
export function resultsBusy(): string | null | undefined {
  return document.querySelector('.hits')?.getAttribute('aria-busy');
}

/** Types `text` into the search box, replacing what it held. */
export function type(text: string) {
  fireEvent.input(screen.getByRole('searchbox'), { target: { value: text } });
}

/** The outcome of a search as shown. */
export function outcome(): HTMLElement {
  const shown = document.querySelector<HTMLElement>('.search-outcome');
  if (!shown) throw new Error('no outcome shown');
  return shown;
}

/** The live region that tells screen readers the outcome of a search. */
export function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[aria-live="polite"], [role="status"]');
  if (!region) throw new Error('no live region');
  return region;
}

/** Every text the live region held, in order, from now on. */
export function recordAnnouncements(): string[] {
  const region = liveRegion();
  const said: string[] = [];
  new MutationObserver(() => {
    const text = region.textContent ?? '';
    if (text !== '' && text !== said.at(-1)) said.push(text);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return said;
}

/** The panel with "heusgen" typed in the box, which keeps focus, and its names found. */
export async function heusgenFoundFromTheBox() {
  const { search, requested } = manualSearch();
  render(<SearchPanel search={search} />);
  const box = screen.getByRole('searchbox');
  box.focus();
  type('heusgen');
  (await requested('heusgen')).answer(heusgenHits);
  await screen.findByRole('heading', { name: 'Christoph Heusgen' });
  return { box, requested };
}
