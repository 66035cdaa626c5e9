import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../utils/protocol';
import { FactItem } from './FactItem';

type Props = { search: (query: string) => Promise<SearchHit[]> };

const SEARCH_DELAY_MS = 150;

/** Looks facts up by any word: names, places, dates, quotes. */
export function SearchPanel({ search }: Props) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (query.trim() === '') {
      setHits(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      search(query).then(
        (found) => {
          if (!current) return;
          setHits(found);
          setProblem(undefined);
        },
        (error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);

  return (
    <section class="search" aria-label="Look up facts">
      <input
        type="search"
        class="search-input"
        placeholder="Look up: Heusgen, prison camps, 2019…"
        aria-label="Look up facts"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
      />
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {hits && hits.length === 0 && <p class="empty">Nothing in the article matches “{query}”.</p>}
      {hits && hits.length > 0 && (
        <ul class="hits">
          {hits.map((hit) => (
            <li class="hit" key={hit.fact?.id ?? hit.entity.id}>
              <p class="hit-entity">{hit.entity.name}</p>
              {hit.description && <p class="hit-description">{hit.description}</p>}
              {hit.fact && (
                <ul class="facts">
                  <FactItem fact={hit.fact} />
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
