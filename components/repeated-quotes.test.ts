import { describe, expect, it } from 'vitest';
import { openingWords, repeatedQuotes } from './repeated-quotes';

describe('repeated quotes', () => {
  it('keeps the first eight words of a long sentence, and a short one whole', () => {
    expect(openingWords('Since the Security Council session in December 2020 was not accessible')).toBe(
      'Since the Security Council session in December 2020 …',
    );
    expect(openingWords('Eight of the fifteen Council members.')).toBe('Eight of the fifteen Council members.');
  });

  it('keeps the first twenty characters of a long sentence written without spaces', () => {
    const sentence = '由于二〇二〇年十二月的安理会会议不对新闻界和公众开放，十五个理事会成员中的八个在会后发表了联合声明。';
    expect(openingWords(sentence)).toBe(`${[...sentence].slice(0, 20).join('')} …`);
  });

  it('marks a quote repeated only after its first showing, and never a fact’s first quote', () => {
    const shared = 'A sentence several facts rest on.';
    const facts = [
      { id: 'a', claim: 'A.', quotes: ['First.', shared] },
      { id: 'b', claim: 'B.', quotes: ['Second.', shared] },
      { id: 'c', claim: 'C.', quotes: [shared] },
    ];
    const repeated = repeatedQuotes(facts);
    expect(facts.map((fact) => [...(repeated.get(fact) ?? [])])).toEqual([[], [shared], []]);
  });
});
