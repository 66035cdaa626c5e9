/**
 * The search's answer for the popup: where one word of a query is nowhere in
 * the article, the other words are searched without it, and the answer says
 * which were left out.
 */
import { dataVersion, entities, facts } from 'virtual:facts-pack';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../entrypoints/background/fact-store';
import { search, searchAnswer } from '../../entrypoints/background/search';
import type { SearchHit } from '../../utils/protocol';

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

  it('leaves nothing out where every word is found together, or none is found at all', async () => {
    expect(await searchAnswer(store, 'Heusgen')).toEqual({ hits: await search(store, 'Heusgen') });
    expect(await searchAnswer(store, 'zebra giraffe')).toEqual({ hits: [] });
  });

  it('lists what holds some of the words where each is in the article but no fact holds them all, the most first', async () => {
    /** How many of `words` a hit's fact or name says (its text, or the name and description of a heading). */
    const held = (hit: SearchHit, words: readonly string[]) => {
      const text = (hit.fact ? [hit.fact.claim, ...hit.fact.quotes] : [hit.entity.name, hit.description ?? '']).join(' ').toLowerCase();
      return words.filter((word) => text.includes(word.toLowerCase())).length;
    };
    // The Stockholm talks and Trump's praise of Kim are two sentences of the article, so two facts.
    const trumpKimStockholm = await searchAnswer(store, 'Trump Kim Stockholm');
    expect(await search(store, 'Trump Kim Stockholm')).toEqual([]);
    expect(trumpKimStockholm.holdingSome).toBe(true);
    expect(trumpKimStockholm.leftOut).toBeUndefined();
    const firstFact = trumpKimStockholm.hits.find((hit) => hit.fact);
    expect(firstFact && held(firstFact, ['Trump', 'Kim'])).toBe(2);
    expect(trumpKimStockholm.hits.map((hit) => hit.entity.id)).toContain('stockholm-talks');
    // Pages name the Singapore summit by its two leaders and its place: that name holds all three words.
    expect((await searchAnswer(store, 'Trump Kim Singapore')).hits.map((hit) => hit.entity.id)).toEqual(['singapore-summit']);
    const words = ['Warmbier', 'Hanoi', 'Stockholm'];
    const three = await searchAnswer(store, words.join(' '));
    expect(three.holdingSome).toBe(true);
    const factsHeld = three.hits.filter((hit) => hit.fact).map((hit) => held(hit, words));
    expect(factsHeld.length).toBeGreaterThan(2);
    expect(factsHeld.every((count) => count >= 1)).toBe(true);
    expect(factsHeld).toEqual([...factsHeld].sort((one, other) => other - one));
    for (const id of ['otto-warmbier', 'hanoi-summit', 'stockholm-talks']) expect(three.hits.some((hit) => hit.entity.id === id)).toBe(true);
    // With a word nowhere in the article too, that word is named as well.
    const withZebra = await searchAnswer(store, 'Warmbier Hanoi Stockholm zebra');
    expect(withZebra).toEqual({ ...three, leftOut: ['zebra'] });
    // Past eight words, none is looked up alone, and what holds the most of them is still listed.
    const many = await searchAnswer(store, 'Warmbier Hanoi Stockholm Heusgen Biegun Estonia Belgium France Japan');
    expect(many.holdingSome).toBe(true);
    expect(many.hits.length).toBeGreaterThan(0);
  });
  it('counts a name of several words as one word, so what holds another word is not buried under it', async () => {
    // The popup lists the first twenty hits; counted word by word, "Security Council" outranked Hanoi's some fifty times.
    for (const query of ['Security Council Hanoi', 'North Korea Hanoi']) {
      const answer = await searchAnswer(store, query);
      expect(answer.holdingSome).toBe(true);
      const firstAboutHanoi = answer.hits.findIndex((hit) => (hit.fact?.claim ?? '').includes('Hanoi'));
      expect({ query, firstAboutHanoi: firstAboutHanoi >= 0 && firstAboutHanoi < 20 }).toEqual({ query, firstAboutHanoi: true });
    }
  });
});
