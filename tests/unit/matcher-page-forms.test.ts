/**
 * The matcher on the forms real pages write names in: odd spaces, other
 * apostrophes and hyphens, soft hyphens, accents, decomposed text and
 * possessives, on a small alias list (support/sample-aliases.ts); then the
 * folding that reads them so (fold.ts).
 */
import { describe, expect, it } from 'vitest';
import { foldText, isSpace, isWordChar } from '../../utils/matcher/fold';
import { buildMatcher } from '../../utils/matcher/matcher';
import { alias, marks, matcher } from './support/sample-aliases';

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
