/**
 * The search's answer for the popup: where one word of a query is nowhere in
 * the article, the other words are searched without it, and the answer says
 * which were left out.
 */
import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../entrypoints/background/fact-store';
import { search, searchAnswer } from '../../entrypoints/background/search';

const store = memoryStore({ entities, facts, dataVersion }, 'test');

describe('searchAnswer', () => {
  it('searches the other words when one is nowhere in the article, and names it', async () => {
    for (const [query, leftOut, rest] of [
      ['covid-19', ['19'], 'covid'],
      ['Kim nuclear', ['nuclear'], 'Kim'],
      ['Warmbier zebra giraffe', ['zebra', 'giraffe'], 'Warmbier'],
    ] as const) {
      expect(await search(store, query)).toEqual([]);
      const answer = await searchAnswer(store, query);
      expect({ query, leftOut: answer.leftOut }).toEqual({ query, leftOut });
      expect(answer.hits).toEqual(await search(store, rest));
      expect(answer.hits.length).toBeGreaterThan(0);
    }
  });

  it('leaves nothing out where every word is found, or none is, or the words are found but in no fact together', async () => {
    expect(await searchAnswer(store, 'Heusgen')).toEqual({ hits: await search(store, 'Heusgen') });
    expect(await searchAnswer(store, 'zebra giraffe')).toEqual({ hits: [] });
    // Each word alone is in the article; together they are in no fact: nothing to leave out.
    expect(await searchAnswer(store, 'Warmbier Hanoi Stockholm')).toEqual({ hits: [] });
  });
});
