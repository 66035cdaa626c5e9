/**
 * The matcher's rules, on a small alias list (support/sample-aliases.ts) so
 * each rule is tested precisely: word boundaries in each script, case and
 * acronyms, overlaps and ambiguity. The forms real pages use, look-alikes
 * and the real alias data have files of their own (matcher-*.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher/matcher';
import { marks, matcher } from './support/sample-aliases';

describe('matcher: word boundaries by script', () => {
  it('matches Latin aliases as whole words only', () => {
    expect(marks(matcher, 'Trump said so')).toEqual([['Trump', 'trump']]);
    expect(marks(matcher, 'Trumpism and Trumps')).toEqual([]);
    expect(marks(matcher, 'the UNSCR text')).toEqual([]);
    expect(marks(matcher, 'NorthKorea')).toEqual([]);
    expect(marks(matcher, 'anti-Trump rally')).toEqual([['Trump', 'trump']]);
    expect(marks(matcher, '(Trump)')).toEqual([['Trump', 'trump']]);
  });

  it('matches Cyrillic aliases as whole words only', () => {
    expect(marks(matcher, 'Совет Безопасности собрался')).toEqual([['Совет Безопасности', 'unsc']]);
    expect(marks(matcher, 'Совет Безопасностии')).toEqual([]);
    expect(marks(matcher, 'ПроКНДР')).toEqual([]);
    expect(marks(matcher, 'КНДР, 2020')).toEqual([['КНДР', 'nk']]);
  });

  it('matches accented Latin aliases as whole words', () => {
    expect(marks(matcher, 'le Conseil de sécurité a')).toEqual([['Conseil de sécurité', 'unsc']]);
    expect(marks(matcher, 'le Conseil de sécuritéx')).toEqual([]);
  });

  it('matches Chinese and Japanese aliases as substrings, with no spaces around them', () => {
    expect(marks(matcher, '联合国安理会周五开会')).toEqual([['安理会', 'unsc']]);
    expect(marks(matcher, '关于朝鲜人权的会议')).toEqual([['朝鲜', 'nk']]);
    expect(marks(matcher, '北朝鮮の人権状況')).toEqual([['北朝鮮', 'nk']]);
    expect(marks(matcher, 'トランプ大統領')).toEqual([['トランプ', 'trump']]);
  });

  it('matches a Korean name alone or followed by a particle, and marks the name without the particle', () => {
    expect(marks(matcher, '북한')).toEqual([['북한', 'nk']]);
    expect(marks(matcher, '북한은 말했다')).toEqual([['북한', 'nk']]);
    expect(marks(matcher, '북한의 인권')).toEqual([['북한', 'nk']]);
    expect(marks(matcher, '북한에서는')).toEqual([['북한', 'nk']]);
    expect(marks(matcher, '북한과의 대화')).toEqual([['북한', 'nk']]);
    expect(marks(matcher, '안보리가 열렸다')).toEqual([['안보리', 'unsc']]);
    expect(marks(matcher, '김정은 위원장')).toEqual([['김정은', 'kim']]);
  });

  it('does not match a Korean name inside another word', () => {
    expect(marks(matcher, '북한산에 올랐다')).toEqual([]);
    expect(marks(matcher, '남북한 관계')).toEqual([]);
    expect(marks(matcher, '친북한')).toEqual([]);
  });
});

describe('matcher: case', () => {
  it('matches case-sensitive aliases only in their own case', () => {
    expect(marks(matcher, 'He played his trump card.')).toEqual([]);
    expect(marks(matcher, 'a china cabinet')).toEqual([]);
    expect(marks(matcher, 'Let us go')).toEqual([]);
    expect(marks(matcher, 'TRUMP')).toEqual([]);
    expect(marks(matcher, 'China and the US')).toEqual([
      ['China', 'china'],
      ['US', 'us'],
    ]);
  });

  it('matches long names in any case', () => {
    expect(marks(matcher, 'NORTH KOREA')).toEqual([['NORTH KOREA', 'nk']]);
    expect(marks(matcher, 'north korea')).toEqual([['north korea', 'nk']]);
    expect(marks(matcher, 'the un security council')).toEqual([['un security council', 'unsc']]);
    expect(marks(matcher, 'СОВЕТ БЕЗОПАСНОСТИ')).toEqual([['СОВЕТ БЕЗОПАСНОСТИ', 'unsc']]);
    expect(marks(matcher, 'CONSEIL DE SÉCURITÉ')).toEqual([['CONSEIL DE SÉCURITÉ', 'unsc']]);
  });

  it('does not take an acronym inside a run of all-capital words (a shouted headline)', () => {
    expect(marks(matcher, 'THE US ECONOMY')).toEqual([]);
    expect(marks(matcher, 'US ECONOMY GROWS')).toEqual([]);
    expect(marks(matcher, 'WHAT THE UNSC SAID')).toEqual([]);
    expect(marks(matcher, 'КНДР ЗАЯВИЛА')).toEqual([]);
    expect(marks(matcher, 'ÉTATS US SÉCURITÉ')).toEqual([]);
  });

  it('takes an acronym among ordinary words', () => {
    expect(marks(matcher, 'the US economy')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'US officials said')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'A US official')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'The UNSC met.')).toEqual([['UNSC', 'unsc']]);
  });

  it('takes acronyms that stand next to each other in ordinary text, but not in a shouted run', () => {
    expect(marks(matcher, 'the US UNSC delegation')).toEqual([
      ['US', 'us'],
      ['UNSC', 'unsc'],
    ]);
    expect(marks(matcher, 'THE US UNSC DELEGATION')).toEqual([]);
    // One other short acronym beside ours is ordinary writing, whichever side it stands on.
    expect(marks(matcher, 'the US FBI said')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'US GDP grew')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'МИД КНДР выступил')).toEqual([['КНДР', 'nk']]);
    expect(marks(matcher, 'A UNSC ICJ report')).toEqual([['UNSC', 'unsc']]);
  });

  it('does not take "US" in a button or link in capitals for the United States ("JOIN US", "CALL US")', () => {
    for (const text of ['JOIN US', 'CALL US', 'TELL US', 'HELP US', 'CONTACT US', 'the US FCDO said']) expect(marks(matcher, text)).toEqual([]);
  });

  it('takes an acronym for shouted when two words in capitals beside it are not ours, or one is a long word', () => {
    expect(marks(matcher, 'US VP JD said')).toEqual([]);
    expect(marks(matcher, 'US AND UNSC CLASH')).toEqual([]);
    expect(marks(matcher, 'the US ECONOMY')).toEqual([]);
    expect(marks(matcher, 'КНДР ЗАЯВИЛА')).toEqual([]);
    // Words in capitals of our names are read through, not counted.
    expect(marks(matcher, 'the UNSC US FBI talks')).toEqual([
      ['UNSC', 'unsc'],
      ['US', 'us'],
    ]);
  });

  it('takes an acronym next to a word in capitals of another name, an ambiguous one included', () => {
    // "NY" is no alias, but it begins one ("NY Times"): a list of names.
    expect(marks(matcher, 'the US NY Times poll')).toEqual([
      ['US', 'us'],
      ['NY Times', 'nyt'],
    ]);
    // "UN" of "UN Security Council" and an ambiguous alias, never marked, still count as names.
    expect(marks(matcher, 'the UN US talks')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'the NYTX US story')).toEqual([['US', 'us']]);
    expect(marks(matcher, 'THE UN US TALKS')).toEqual([]);
  });
});

describe('matcher: overlaps and ambiguity', () => {
  it('lets the longest alias win where aliases overlap', () => {
    expect(marks(matcher, 'the UN Security Council met')).toEqual([['UN Security Council', 'unsc']]);
    expect(marks(matcher, 'North Korean')).toEqual([['North Korean', 'nk']]);
  });

  it('falls back to a shorter alias when the longer one is not a whole word', () => {
    expect(marks(matcher, 'North Koreanx')).toEqual([]);
    expect(marks(matcher, 'North Korea, North Koreans')).toEqual([['North Korea', 'nk']]);
  });

  it('skips aliases marked ambiguous', () => {
    expect(marks(matcher, 'King said so')).toEqual([]);
  });

  it('finds nothing in empty text or text without aliases', () => {
    expect(matcher.findIn('')).toEqual([]);
    expect(matcher.findIn('Nothing to see here.')).toEqual([]);
    expect(buildMatcher([]).findIn('North Korea')).toEqual([]);
  });
});
