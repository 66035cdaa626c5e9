import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { termOf, wordsOf } from '../entrypoints/background/search-terms';
import { errorMessage } from '../utils/error-message';
import type { SearchAnswer, SearchHit } from '../utils/protocol';
import { FactItem } from './FactItem';
import { repeatedQuotes } from './repeated-quotes';

type Props = { search: (query: string) => Promise<SearchAnswer> };

const SEARCH_DELAY_MS = 150;
/**
 * How long an outcome stays before screen readers are told it: typing
 * "Security Council" at five keys a second had them read sixteen counts out,
 * each stale by the next key.
 */
const ANNOUNCE_AFTER_MS = 750;
/**
 * The longest query the background accepts (utils/protocol.ts). A longer one
 * is refused, and the reader would see only that the answer was unexpected;
 * a paste can pass the box's maxLength in some browsers, so it is also cut.
 */
const MAX_QUERY_CHARS = 200;
/** Hits shown before "Show all": a common word matches dozens, and the best come first. */
const FIRST_HITS = 20;
/** How long a search may take before the panel says it is still looking: most answer in a fifth of that. */
const SLOW_SEARCH_MS = 1000;

/** A word typed alone is looked up as the start of a longer one from this many characters (lookups.ts). */
const WORD_STARTS_FROM = 3;
/** Korean, Chinese and Japanese, whose words of one or two characters are looked up as they are typed. */
const WRITTEN_WITHOUT_SHORT_WORDS = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A completed search: the query, its answer (the words of it no fact holds, whether the hits hold only some). */
type Results = SearchAnswer & { query: string };

/** The hits of one entity: its description if that matched, and its facts that matched, in the order found. */
type EntityHits = { entity: SearchHit['entity']; description?: string; facts: NonNullable<SearchHit['fact']>[] };

/** One heading a name: a name and its facts that both match are shown together, in the order of the best hit. */
function byEntity(hits: SearchHit[]): EntityHits[] {
  const groups = new Map<string, EntityHits>();
  for (const hit of hits) {
    let group = groups.get(hit.entity.id);
    if (!group) {
      group = { entity: hit.entity, facts: [] };
      groups.set(hit.entity.id, group);
    }
    if (hit.description) group.description = hit.description;
    if (hit.fact) group.facts.push(hit.fact);
  }
  return [...groups.values()];
}

function counted(count: number, one: string, many: string): string | undefined {
  if (count === 0) return undefined;
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Said after "nothing matches": what the facts are about, to a reader who typed words the article does not
 * use ("veto", "sanctions"). Several words find nothing only when none is in the article: with each in some
 * fact, the background answers with the facts that hold some of them.
 */
function whatToTry(query: string): string {
  const words = query.trim().split(/\s+/u);
  // As the background reads a word being typed (lookups.ts): "Ki" of "Kim" is no word yet; 김 and 北 are.
  if (words.length === 1 && [...(words[0] ?? '')].length < WORD_STARTS_FROM && !WRITTEN_WITHOUT_SHORT_WORDS.test(query)) {
    return 'Type on: a word alone is read as the start of a longer one from its third letter.';
  }
  const about =
    'Its facts come from one article, on the Security Council and North Korean human rights: try a name (Heusgen), a place (Hanoi) or a year (2019).';
  // The words the search looked up, as the background reads them: "the" and the like are left out.
  const looked = wordsOf(query).filter((word) => termOf(word) !== null);
  if (looked.length === 0) return `Common words such as “${words[0]}” are not looked up. ${about}`;
  return looked.length > 1 ? `None of these words is in it. ${about}` : about;
}

/**
 * A search's outcome in words: shown to everyone, and announced to screen readers once the reader pauses.
 * With only the first hits in the list, it says so: "19 names" over a list of one name read as wrong.
 */
function outcomeOf({ query, hits, leftOut = [], holdingSome }: Results, everyHitListed: boolean): string {
  if (hits.length === 0) return `Nothing in the article matches “${query}”. ${whatToTry(query)}`;
  const facts = hits.filter((hit) => hit.fact).length;
  const parts = [counted(hits.length - facts, 'name', 'names'), counted(facts, 'fact', 'facts')].filter((part) => part !== undefined).join(' and ');
  const one = hits.length === 1;
  // The words left out are named first: the list answers the others, not everything typed.
  const notHeld = leftOut.length > 0 ? `Nothing in the article holds ${leftOut.map((word) => `“${word}”`).join(' or ')}` : '';
  let count: string;
  if (holdingSome) {
    const rest = leftOut.length > 0 ? 'the other words' : 'the words';
    count = `${notHeld ? `${notHeld}, and no` : 'No'} fact holds all ${rest}: ${parts} ${one ? 'holds' : 'hold'} some of them, those with the most first`;
  } else {
    count = notHeld ? `${notHeld}: ${parts} ${one ? 'matches' : 'match'} the other words` : `${parts} ${one ? 'matches' : 'match'} “${query}”`;
  }
  return everyHitListed ? `${count}.` : `${count}; the first ${FIRST_HITS} are listed.`;
}

/** Looks facts up by any word: names, places, dates, quotes. */
export function SearchPanel({ search }: Props) {
  const [typed, setTyped] = useState('');
  const [results, setResults] = useState<Results | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  /** The query whose search has taken long enough to say so. */
  const [slowFor, setSlowFor] = useState<string | undefined>();
  /** The outcome screen readers were told. */
  const [announced, setAnnounced] = useState('');
  /** The query whose every hit the reader asked to see. */
  const [allShownFor, setAllShownFor] = useState<string | undefined>();
  /** After "Show all": the heading of the first name that was not shown, which takes the focus the button had. */
  const focusHeading = useRef<{ query: string; index: number } | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  const box = useRef<HTMLInputElement>(null);
  /** The name ↓ or ↑ moved to last, while the focus is on it. */
  const onName = useRef<string | undefined>(undefined);
  const query = typed.slice(0, MAX_QUERY_CHARS);

  useEffect(() => {
    if (query.trim() === '') {
      setResults(undefined);
      setProblem(undefined);
      return;
    }
    // What was said of an earlier query (it failed, it was slow) is not said of this one.
    setProblem(undefined);
    setSlowFor(undefined);
    let current = true;
    let slow: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      slow = setTimeout(() => setSlowFor(query), SLOW_SEARCH_MS);
      search(query)
        .then(
          (answer) => {
            if (!current) return;
            setResults({ ...answer, query });
            setProblem(undefined);
          },
          (error: unknown) => {
            if (!current) return;
            // The results in view answer an earlier query; this one got only the error.
            setResults(undefined);
            setProblem(`The search failed: ${errorMessage(error)}`);
          },
        )
        .finally(() => clearTimeout(slow));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
      clearTimeout(slow);
    };
  }, [query, search]);

  // Until a newer search completes, the earlier hits stay in view, marked busy, so the
  // list does not flicker as the reader types. An earlier "nothing matches" is not kept:
  // next to the newer query it would read as that query's outcome.
  const pending = results !== undefined && results.query !== query;
  const shown = results && !(pending && results.hits.length === 0) ? results : undefined;
  const everyHit = shown !== undefined && (allShownFor === shown.query || shown.hits.length <= FIRST_HITS);
  const listed = shown && (everyHit ? shown.hits : shown.hits.slice(0, FIRST_HITS));
  const groups = listed ? byEntity(listed) : [];
  const repeated = repeatedQuotes(groups.flatMap((group) => group.facts));
  const lookingUp = slowFor === query && results?.query !== query && !problem;
  const outcome = lookingUp ? `Looking up “${query}”…` : shown ? outcomeOf(shown, everyHit) : '';

  useEffect(() => {
    // Cleared at once; a new outcome once it has stood a moment, and not while a newer search is under way.
    if (outcome === '') {
      setAnnounced('');
      return;
    }
    if (pending) return;
    const timer = setTimeout(() => setAnnounced(outcome), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [outcome, pending]);

  useEffect(() => {
    const target = focusHeading.current;
    // Once every hit of that query is in the list (an earlier render's effect may run first).
    if (!target || !everyHit || shown?.query !== target.query) return;
    focusHeading.current = undefined;
    const headings = list.current?.querySelectorAll<HTMLElement>('.hit-entity');
    // The first name that was not shown; with none new (more facts of names already shown), the last name.
    headings?.[Math.min(target.index, headings.length - 1)]?.focus();
  });

  // A newer search replaced the names under the focus (↓ pressed just after typing, the earlier names still in
  // view): the browser dropped it on the page, where ↑ and ↓ no longer move. It goes back to that name, or to
  // the first now found, or to the box.
  useLayoutEffect(() => {
    if (onName.current === undefined) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body) {
      if (!list.current?.contains(active)) onName.current = undefined;
      return;
    }
    const headings = [...(list.current?.querySelectorAll<HTMLElement>('.hit-entity') ?? [])];
    const to = headings.find((heading) => heading.textContent === onName.current) ?? headings[0] ?? box.current;
    onName.current = to === box.current ? undefined : (to?.textContent ?? undefined);
    to?.focus();
  }, [shown]);

  /**
   * ↓ from the box goes to the first name found, ↓ and ↑ from name to name, ↑ from the first back to the box:
   * a reader on the keyboard reaches the results without tabbing past them. Space and Page Down still scroll.
   */
  const moveByName = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    // With a modifier, or while an input method composes (↓ picks among its candidates), the key is not ours.
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) return;
    const headings = [...(list.current?.querySelectorAll<HTMLElement>('.hit-entity') ?? [])];
    const from = event.target instanceof HTMLElement ? headings.indexOf(event.target) : -1;
    const onBox = event.target === box.current;
    if (!onBox && from === -1) return;
    const to = onBox
      ? event.key === 'ArrowDown'
        ? headings[0]
        : undefined
      : event.key === 'ArrowDown'
        ? headings[from + 1]
        : (headings[from - 1] ?? box.current);
    if (!to) return;
    event.preventDefault();
    onName.current = to === box.current ? undefined : (to.textContent ?? undefined);
    to.focus();
  };

  const showAll = (results: Results) => {
    focusHeading.current = { query: results.query, index: byEntity(results.hits.slice(0, FIRST_HITS)).length };
    setAllShownFor(results.query);
  };

  return (
    <section class="search" aria-label="Look up facts">
      <input
        type="search"
        class="search-input"
        placeholder="Look up: Heusgen, prison camps, 2019…"
        aria-label="Look up facts"
        aria-describedby="search-keys"
        maxLength={MAX_QUERY_CHARS}
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
        onKeyDown={moveByName}
        ref={box}
      />
      {/* Read with the box: the examples (a description replaces the placeholder's) and the keys to the names found, which nothing on screen tells. */}
      <p id="search-keys" class="visually-hidden">
        For example Heusgen, prison camps or 2019. With names found, ↓ moves to them, and ↑ back.
      </p>
      {problem && (
        <p role="alert" class="problem">
          {problem}
        </p>
      )}
      {/* Shown as each search completes; screen readers read the region below instead, so they do not hear it twice. */}
      <p class="search-outcome" aria-hidden="true">
        {outcome}
      </p>
      {/* Always in the page, so screen readers hear each change. */}
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
      {groups.length > 0 && (
        <ul class="hits" aria-busy={pending} ref={list} onKeyDown={moveByName}>
          {groups.map((group) => (
            <li class="hit" key={group.entity.id}>
              {/* A heading each, so a screen reader can jump from name to name. */}
              <h2 class="hit-entity" tabIndex={-1}>
                {group.entity.name}
              </h2>
              {group.description && <p class="hit-description">{group.description}</p>}
              {group.facts.length > 0 && (
                <ul class="facts">
                  {group.facts.map((fact) => (
                    <FactItem fact={fact} shownAbove={repeated.get(fact)} key={fact.id} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {shown && !everyHit && (
        <button type="button" class="show-all" onClick={() => showAll(shown)}>
          Show all {shown.hits.length} results
        </button>
      )}
    </section>
  );
}
