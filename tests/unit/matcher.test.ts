/**
 * The matcher's rules, on small alias lists built here so each rule is tested
 * precisely, then the same checks on the real alias data.
 */
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import type { Alias } from '../../data/schema';
import { foldText, isSpace, isWordChar } from '../../utils/matcher/fold';
import { foldedWordEdge } from '../../utils/matcher/folded-words';
import { buildMatcher, type Matcher, type MatcherEntity } from '../../utils/matcher/matcher';

function alias(text: string, flags: Partial<Omit<Alias, 'text'>> = {}): Alias {
  return { lang: 'en', ...flags, text };
}

/** [matched text, entity id] for every mention, in order. */
function marks(matcher: Matcher, text: string): [string, string][] {
  return matcher.findIn(text).map((match) => [text.slice(match.start, match.end), match.entityId]);
}

const entities: MatcherEntity[] = [
  {
    id: 'unsc',
    kind: 'organisation',
    aliases: [
      alias('UN Security Council'),
      alias('Security Council', { notAfterWords: ['National', 'Russian'] }),
      alias('UNSC', { caseSensitive: true, acronym: true }),
      alias('Совет Безопасности', { lang: 'ru', notBeforeWords: ['России', 'РФ'] }),
      alias('Sicherheitsrat', { lang: 'de', notAfterWords: ['Nationaler'] }),
      alias('Conseil de sécurité', { lang: 'fr' }),
      alias('安理会', { lang: 'zh' }),
      alias('안보리', { lang: 'ko' }),
    ],
  },
  {
    id: 'nk',
    kind: 'state',
    aliases: [
      alias('North Korea'),
      alias('North Korean'),
      alias("Democratic People's Republic of Korea"),
      alias('북한', { lang: 'ko' }),
      alias('朝鲜', { lang: 'zh', notAfterWords: ['南'], notBeforeWords: ['半岛'] }),
      alias('北朝鮮', { lang: 'ja' }),
      alias('КНДР', { lang: 'ru', caseSensitive: true, acronym: true }),
    ],
  },
  { id: 'us', kind: 'state', aliases: [alias('United States'), alias('US', { caseSensitive: true, acronym: true })] },
  { id: 'china', kind: 'state', aliases: [alias('China', { caseSensitive: true })] },
  { id: 'trump', kind: 'person', aliases: [alias('Trump', { caseSensitive: true }), alias('トランプ', { lang: 'ja', notBeforeWords: ['カード'] })] },
  { id: 'kim', kind: 'person', aliases: [alias('Kim Jong-un'), alias('김정은', { lang: 'ko' })] },
  { id: 'hrc', kind: 'organisation', aliases: [alias('Human Rights Council')] },
  { id: 'king', kind: 'person', aliases: [alias('King', { caseSensitive: true, ambiguous: true })] },
  { id: 'nyt', kind: 'organisation', aliases: [alias('NY Times'), alias('NYTX', { caseSensitive: true, acronym: true, ambiguous: true })] },
];

const matcher = buildMatcher(entities);

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

describe('matcher: the forms real pages use', () => {
  it.each([
    ['a line break', 'North\nKorea'],
    ['a Windows line break', 'North\r\nKorea'],
    ['a tab', 'North\tKorea'],
    ['a no-break space', 'North\u00a0Korea'],
    ['a narrow no-break space', 'North\u202fKorea'],
    ['an ideographic space', 'North\u3000Korea'],
    ['a thin space', 'North\u2009Korea'],
    ['a run of mixed spaces', 'North \u00a0\n\t Korea'],
  ])('takes %s between words as a space', (_name, text) => {
    expect(marks(matcher, text)).toEqual([[text, 'nk']]);
  });

  it('takes a Unicode line or paragraph separator between words as a space', () => {
    expect(marks(matcher, 'North\u2028Korea')).toEqual([['North\u2028Korea', 'nk']]);
    expect(marks(matcher, 'North\u2029Korea')).toEqual([['North\u2029Korea', 'nk']]);
  });

  it('keeps a case-sensitive alias case-sensitive across odd spaces', () => {
    const spaced = buildMatcher([{ id: 'hrc', kind: 'organisation', aliases: [alias('Human Rights Council', { caseSensitive: true })] }]);
    expect(marks(spaced, 'the Human\u00a0Rights\nCouncil')).toEqual([['Human\u00a0Rights\nCouncil', 'hrc']]);
    expect(marks(spaced, 'the human\u00a0rights council')).toEqual([]);
  });

  it.each([
    ['a typewriter apostrophe', "Democratic People's Republic of Korea"],
    ['a typographic apostrophe', 'Democratic People\u2019s Republic of Korea'],
    ['a left single quote', 'Democratic People\u2018s Republic of Korea'],
    ['a modifier-letter apostrophe', 'Democratic People\u02bcs Republic of Korea'],
  ])('takes %s for the alias apostrophe', (_name, text) => {
    expect(marks(matcher, text)).toEqual([[text, 'nk']]);
  });

  it.each([
    ['a hyphen-minus', 'Kim Jong-un'],
    ['a non-breaking hyphen U+2011', 'Kim Jong\u2011un'],
    ['an en dash U+2013', 'Kim Jong\u2013un'],
    ['a hyphen U+2010', 'Kim Jong\u2010un'],
    ['a minus sign U+2212', 'Kim Jong\u2212un'],
  ])('takes %s for the alias hyphen', (_name, text) => {
    expect(marks(matcher, text)).toEqual([[text, 'kim']]);
  });

  it('does not take an em dash for a hyphen', () => {
    expect(marks(matcher, 'Kim Jong\u2014un')).toEqual([]);
  });

  it('ignores soft hyphens (invisible hyphenation points) inside an alias', () => {
    expect(marks(matcher, 'Sicher\u00adheits\u00adrat')).toEqual([['Sicher\u00adheits\u00adrat', 'unsc']]);
    expect(marks(matcher, 'North Ko\u00adrea')).toEqual([['North Ko\u00adrea', 'nk']]);
    expect(marks(matcher, 'Tr\u00adump')).toEqual([['Tr\u00adump', 'trump']]);
  });

  it('reads accented letters by their base letter, the first one too', () => {
    const french = buildMatcher([{ id: 'us', kind: 'state', aliases: [alias('Etats-Unis', { lang: 'fr' })] }]);
    expect(marks(french, 'les États-Unis et les ÉTATS-UNIS, ou Etats-Unis')).toEqual([
      ['États-Unis', 'us'],
      ['ÉTATS-UNIS', 'us'],
      ['Etats-Unis', 'us'],
    ]);
  });

  it('reads a soft hyphen as part of the word around it, so a longer word is not taken for an alias', () => {
    expect(marks(matcher, 'Der Bundes\u00adsicherheitsrat tagte')).toEqual([]);
    expect(marks(matcher, 'die Sicherheitsrat\u00adsitzung')).toEqual([]);
  });

  it('finds aliases in text written with decomposed accents (NFD) as in NFC', () => {
    const nfd = 'le Conseil de sécurité a dit'.normalize('NFD');
    expect(marks(matcher, nfd)).toEqual([['Conseil de sécurité'.normalize('NFD'), 'unsc']]);
    const hangul = '북한은'.normalize('NFD');
    expect(marks(matcher, hangul).map(([, id]) => id)).toEqual(['nk']);
  });

  it('takes an English possessive after a name, marking the name alone', () => {
    expect(marks(matcher, "North Korea's army")).toEqual([['North Korea', 'nk']]);
    expect(marks(matcher, 'North Korea\u2019s army')).toEqual([['North Korea', 'nk']]);
    expect(marks(matcher, 'Trump\u2019s letters')).toEqual([['Trump', 'trump']]);
    expect(marks(matcher, 'the US\u2019s position')).toEqual([['US', 'us']]);
  });

  it('takes a demonym listed as an alias as one mention', () => {
    expect(marks(matcher, 'North Korean officials')).toEqual([['North Korean', 'nk']]);
  });

  it('reports exact offsets and the entity kind', () => {
    expect(matcher.findIn('Yes, North Korea.')).toEqual([{ start: 5, end: 16, entityId: 'nk', kind: 'state' }]);
  });

  it('finds every mention in order, none overlapping', () => {
    const text = 'Trump met Kim Jong-un; the UN Security Council and 安理会 and 북한은.';
    expect(marks(matcher, text)).toEqual([
      ['Trump', 'trump'],
      ['Kim Jong-un', 'kim'],
      ['UN Security Council', 'unsc'],
      ['安理会', 'unsc'],
      ['북한', 'nk'],
    ]);
  });
});

describe('matcher: look-alikes are not mentions', () => {
  it('does not take the National Security Council for the Security Council', () => {
    expect(marks(matcher, 'the National Security Council')).toEqual([]);
    expect(marks(matcher, 'the national  security council')).toEqual([]);
    expect(marks(matcher, 'the Russian Security Council')).toEqual([]);
  });

  it('takes the Security Council when a veto word is only the end of a longer word', () => {
    expect(marks(matcher, 'the International Security Council')).toEqual([['Security Council', 'unsc']]);
  });

  it('does not take the Human Rights Council for the Security Council', () => {
    expect(marks(matcher, 'the Human Rights Council met')).toEqual([['Human Rights Council', 'hrc']]);
  });

  it('does not take South Korea, the Korean peninsula or a bare Kim for North Korea or Kim Jong-un', () => {
    expect(marks(matcher, 'South Korea and the Korean peninsula')).toEqual([]);
    expect(marks(matcher, 'Kim said')).toEqual([]);
    expect(marks(matcher, 'Kim Jong-il')).toEqual([]);
  });

  it('does not take 朝鲜半岛 (the Korean peninsula) or 南朝鲜 for 朝鲜', () => {
    expect(marks(matcher, '朝鲜半岛局势')).toEqual([]);
    expect(marks(matcher, '南朝鲜')).toEqual([]);
    expect(marks(matcher, '朝鲜和半岛')).toEqual([['朝鲜', 'nk']]);
  });

  it('does not take the Security Council of Russia for the UN body', () => {
    expect(marks(matcher, 'Совет Безопасности России')).toEqual([]);
    expect(marks(matcher, 'Совет Безопасности РФ')).toEqual([]);
    expect(marks(matcher, 'Совет Безопасности ООН')).toEqual([['Совет Безопасности', 'unsc']]);
  });

  it('does not take the German National Security Council for the UN Security Council', () => {
    expect(marks(matcher, 'der Nationale Sicherheitsrat und der Nationaler Sicherheitsrat')).toEqual([['Sicherheitsrat', 'unsc']]);
    expect(marks(matcher, 'Nationaler Sicherheitsrat')).toEqual([]);
  });

  it('reads veto words in any case and however their accents are written', () => {
    const conseil = buildMatcher([
      { id: 'council', kind: 'organisation', aliases: [alias('Conseil', { lang: 'fr', notAfterWords: ['café'], notBeforeWords: ['économique', 'kelvin'] })] },
    ]);
    const vetoed = [
      'Conseil économique',
      'Conseil e\u0301conomique',
      'Conseil ÉCONOMIQUE',
      'café Conseil',
      'cafe\u0301 Conseil',
      'CAFÉ Conseil',
      'Conseil \u212aelvin',
    ];
    for (const text of vetoed) expect(marks(conseil, text), text).toEqual([]);
    expect(marks(conseil, 'Conseil economique')).toEqual([['Conseil', 'council']]);
    expect(marks(conseil, 'cafe Conseil')).toEqual([['Conseil', 'council']]);
    expect(marks(matcher, 'the NATIONAL Security Council')).toEqual([]);
    expect(marks(matcher, 'the National\n   Security Council')).toEqual([]);
    expect(marks(matcher, 'the Natio\u00adnal Security Council')).toEqual([]);
    expect(marks(matcher, '朝鲜半岛')).toEqual([]);
    const trump = buildMatcher([
      { id: 'trump', kind: 'person', aliases: [alias('트럼프', { lang: 'ko', notAfterWords: ['배우'], notBeforeWords: ['카드'] })] },
    ]);
    for (const text of ['배우 트럼프', '트럼프 카드', '배우 트럼프'.normalize('NFD'), '트럼프 카드'.normalize('NFD')])
      expect(marks(trump, text), text).toEqual([]);
    expect(marks(trump, '트럼프 대통령'.normalize('NFD'))).toHaveLength(1);
    const trumpJa = buildMatcher([{ id: 'trump', kind: 'person', aliases: [alias('トランプ', { lang: 'ja', notBeforeWords: ['カード'] })] }]);
    // The name as pages write it, the card with its voiced kana decomposed.
    expect(marks(trumpJa, `トランプ${'カード'.normalize('NFD')}`)).toEqual([]);
    expect(marks(trumpJa, `トランプ${'カート'.normalize('NFD')}`)).toHaveLength(1);
  });

  it('does not take a Japanese playing card for Trump', () => {
    expect(marks(matcher, 'トランプカード')).toEqual([]);
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

describe('fold', () => {
  it('folds runs of any space to one, apostrophes and hyphens to ASCII, and trims', () => {
    expect(foldText('  Democratic\u00a0People\u2019s\n Republic  ', false)).toBe("Democratic People's Republic");
    expect(foldText('Kim Jong\u2011Un', true)).toBe('kim jong-un');
  });

  it('folds plain ASCII text as it folds any other: case aside, only its gaps change', () => {
    expect(foldText('Human Rights', true)).toBe('human rights');
    expect(foldText('Human Rights', false)).toBe('Human Rights');
    expect(foldText('Human  Rights', true)).toBe('human rights');
    expect(foldText('Human\tRights', true)).toBe('human rights');
    expect(foldText(' Human ', false)).toBe('Human');
    expect(foldText("Jong-un's", true)).toBe("jong-un's");
    expect(foldText('', true)).toBe('');
  });

  it('treats every visible gap JavaScript calls white space as a space, but not a zero-width no-break space', () => {
    const spaces = [...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000'];
    expect(spaces.filter((char) => !isSpace(char)).map((char) => char.charCodeAt(0).toString(16))).toEqual([]);
    expect(isSpace('\ufeff')).toBe(false);
    expect(isSpace('a')).toBe(false);
  });

  it('knows a word character as Unicode does (letters, decimal digits, marks), for every character of the BMP', () => {
    const unicode = /[\p{L}\p{Nd}\p{M}]/u;
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (isWordChar(char) !== unicode.test(char)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(isWordChar(undefined)).toBe(false);
  });
});

describe('matcher on the real alias data', () => {
  const real = buildMatcher(matcherEntities);

  it('reads every veto word letter by letter as folded whole, also written decomposed (folded-words.ts)', () => {
    const words = matcherEntities.flatMap((entity) =>
      entity.aliases.flatMap((entry: Alias) => [...(entry.notAfterWords ?? []), ...(entry.notBeforeWords ?? [])]),
    );
    expect(words.length).toBeGreaterThan(500);
    const unread = words.filter((word) => {
      const folded = foldText(word, true);
      return [word, word.normalize('NFD')].some(
        (text) => foldedWordEdge(text, 0, folded, 1) !== text.length || foldedWordEdge(text, text.length, folded, -1) !== 0,
      );
    });
    expect(unread).toEqual([]);
  });

  it.each([
    ['Kim Jong Un', 'kim-jong-un'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['D.P.R.K.', 'north-korea'],
    ['U.N. Security Council', 'un-security-council'],
    ['UN Security Council', 'un-security-council'],
    ['UNSC', 'un-security-council'],
    ['Democratic People\u2019s Republic of Korea', 'north-korea'],
    ["Democratic People's Republic of Korea", 'north-korea'],
    ['North Korea', 'north-korea'],
    ['North Korean', 'north-korea'],
    ['Heusgen', 'christoph-heusgen'],
    ['Biegun', 'stephen-biegun'],
    ['Donald Trump', 'donald-trump'],
    ['Human Rights Council', 'human-rights-council'],
    ['United Kingdom', 'united-kingdom'],
    ['북한', 'north-korea'],
    ['김정은', 'kim-jong-un'],
    ['北朝鮮', 'north-korea'],
    ['朝鲜', 'north-korea'],
    ['安理会', 'un-security-council'],
    ['Conseil de sécurité', 'un-security-council'],
    ['Corée du Nord', 'north-korea'],
    ['Sicherheitsrat', 'un-security-council'],
    ['Nordkorea', 'north-korea'],
    ['Nordkoreas', 'north-korea'],
    ['Consejo de Seguridad', 'un-security-council'],
    ['Corea del Norte', 'north-korea'],
    ['Совет Безопасности', 'un-security-council'],
    ['Совета Безопасности', 'un-security-council'],
    ['КНДР', 'north-korea'],
  ])('marks %s as %s', (text, entityId) => {
    expect(marks(real, `« ${text} »`)).toEqual([[text, entityId]]);
  });

  it.each([
    ['the D.P.R.K. said', 'D.P.R.K.', 'north-korea'],
    ['북한은 말했다', '북한', 'north-korea'],
    ['북한의 인권', '북한', 'north-korea'],
    ['the Security Council met', 'Security Council', 'un-security-council'],
    ['the US economy', 'US', 'united-states'],
    ['Trump said', 'Trump', 'donald-trump'],
    ['China said', 'China', 'china'],
    ['Japan said', 'Japan', 'japan'],
    ["North Korea's army", 'North Korea', 'north-korea'],
    ['Kim Jong\u2011un', 'Kim Jong\u2011un', 'kim-jong-un'],
    ['Kim Jong\u2013un', 'Kim Jong\u2013un', 'kim-jong-un'],
    ['North\u00a0Korea', 'North\u00a0Korea', 'north-korea'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(real, text)).toEqual([[mention, entityId]]);
  });

  it.each([
    'the National Security Council',
    'the Human Rights Council',
    'South Korea',
    'the Korean peninsula',
    'Kim',
    '朝鲜半岛',
    '남북한',
    '북한산',
    'Nationaler Sicherheitsrat',
    'THE US ECONOMY',
    'a trump card',
    'a china cabinet',
  ])('does not mark the UN Security Council or North Korea in "%s"', (text) => {
    const ids = marks(real, text).map(([, id]) => id);
    expect(ids).not.toContain('un-security-council');
    expect(ids).not.toContain('north-korea');
    expect(ids).not.toContain('united-states');
    expect(ids).not.toContain('donald-trump');
    expect(ids).not.toContain('china');
    expect(ids).not.toContain('kim-jong-un');
  });

  it('marks the Russian Security Council as Russia, not as the UN body', () => {
    expect(marks(real, 'Совет Безопасности России')).toEqual([['России', 'russia']]);
  });

  it('marks "UN Security Council" as one mention, not as "Security Council"', () => {
    expect(marks(real, 'the UN Security Council met')).toEqual([['UN Security Council', 'un-security-council']]);
  });

  it('marks the Human Rights Council and nothing of the Security Council in it', () => {
    expect(marks(real, 'the Human Rights Council met')).toEqual([['Human Rights Council', 'human-rights-council']]);
  });

  it('marks no ambiguous alias, but counts its words in capitals as names next to an acronym', () => {
    const ambiguous = matcherEntities.flatMap((entity) => entity.aliases.filter((entry: Alias) => entry.ambiguous === true).map((entry: Alias) => entry.text));
    expect(ambiguous).toContain('COI');
    // Never marked whole (a longer one may hold another alias: that one is marked).
    for (const text of ambiguous) expect(marks(real, text).map(([found]) => found)).not.toContain(text);
    expect(marks(real, 'the COI US report')).toEqual([['US', 'united-states']]);
  });
});
