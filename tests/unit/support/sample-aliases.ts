/**
 * A small alias list built here so each of the matcher's rules is tested
 * precisely, the matcher built from it, and what a matcher marks in a text.
 */
import type { Alias } from '../../../data/schema';
import { buildMatcher, type Matcher, type MatcherEntity } from '../../../utils/matcher/matcher';

/** An alias, in English unless `flags` say otherwise. */
export function alias(text: string, flags: Partial<Omit<Alias, 'text'>> = {}): Alias {
  return { lang: 'en', ...flags, text };
}

/** [matched text, entity id] for every mention, in order. */
export function marks(matcher: Matcher, text: string): [string, string][] {
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

/** The matcher of the small alias list above. */
export const matcher = buildMatcher(entities);
