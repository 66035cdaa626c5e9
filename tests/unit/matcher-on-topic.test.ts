/**
 * The matcher on the real alias data, on the pages this product's readers
 * read most: news, think-tank and UN writing on the two Koreas, the UN
 * system and the Trump years. Look-alikes are densest there (South Korea's
 * own councils, the Kim family, Trump's), and so are the forms of our names
 * that headlines, wires and other languages write.
 */
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher/matcher';
import { marks as marksBy } from './support/sample-aliases';

const real = buildMatcher(matcherEntities);

/** [matched text, entity id] for every mention the real alias data finds, in order. */
const marks = (text: string): [string, string][] => marksBy(real, text);

/** The entity ids marked in a text. */
const ids = (text: string): string[] => marks(text).map(([, id]) => id);

describe('Trump’s wife, daughters and relatives by their title', () => {
  it.each([
    ['Mrs. Trump visited a children’s hospital in Seoul'],
    ['Mrs Trump wore white at the state dinner'],
    ['Ms. Trump, the president’s daughter, led the delegation to PyeongChang'],
    ['Ms Trump attended the closing ceremony'],
    ['Madame Trump a visité une école'],
    ['Mme Trump a visité une école'],
    ['Frau Trump besuchte eine Schule in Seoul'],
    ['la señora Trump visitó una escuela'],
    ['John Trump, the MIT engineer, was the president’s uncle'],
    ['特朗普夫人梅拉尼娅访问了学校'],
    ['川普夫人出席了活動'],
    ['트럼프 여사는 학교를 방문했다'],
    ['트럼프 여사가 말했다'],
    ['миссис Трамп посетила школу'],
    ['госпожа Трамп посетила школу'],
  ])('does not take "%s" for Donald Trump', (text) => {
    expect(ids(text)).not.toContain('donald-trump');
  });

  it('still marks him by his own title, and beside them', () => {
    expect(marks('Mr. Trump said he would meet Kim Jong Un')).toEqual([
      ['Trump', 'donald-trump'],
      ['Kim Jong Un', 'kim-jong-un'],
    ]);
    expect(marks('Mrs. Trump and President Trump arrived in Seoul')).toEqual([['President Trump', 'donald-trump']]);
    expect(marks('特朗普夫妇抵达首尔')).toEqual([['特朗普', 'donald-trump']]);
    expect(marks('트럼프 대통령 부부가 도착했다')).toEqual([['트럼프', 'donald-trump']]);
    expect(marks('Мелания и Трамп')).toEqual([['Трамп', 'donald-trump']]);
  });
});
