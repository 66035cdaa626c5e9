/**
 * The matcher on look-alikes that are not mentions: names with a veto word
 * before or after them (the National Security Council, 朝鲜半岛), in any case
 * and however their accents are written, on a small alias list
 * (support/sample-aliases.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher/matcher';
import { alias, marks, matcher } from './support/sample-aliases';

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
