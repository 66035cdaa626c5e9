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

describe('councils of the UN system and their look-alikes', () => {
  it('leaves out the African Union’s Peace and Security Council in Japanese, as in English', () => {
    expect(ids('アフリカ連合（AU）平和・安全保障理事会は声明を発表した')).not.toContain('un-security-council');
    expect(ids('AU平和安全保障理事会が会合を開いた')).not.toContain('un-security-council');
    expect(ids('the African Union Peace and Security Council met')).not.toContain('un-security-council');
  });

  it('still marks the UN’s council in Japanese, with or without the UN’s name', () => {
    expect(marks('安全保障理事会は北朝鮮の人権状況を協議した')).toEqual([
      ['安全保障理事会', 'un-security-council'],
      ['北朝鮮', 'north-korea'],
    ]);
    expect(marks('国連安全保障理事会の決議')).toEqual([['国連安全保障理事会', 'un-security-council']]);
  });

  it('leaves South Korea’s and Japan’s national security councils out in every language', () => {
    for (const text of [
      'South Korea’s National Security Council convened an emergency meeting',
      'the presidential National Security Council in Seoul',
      'Japan’s National Security Council',
      'the National Security Council of the Republic of Korea',
      'Südkoreas Nationaler Sicherheitsrat tagte',
      'le Conseil de sécurité nationale sud-coréen',
      'Совет национальной безопасности Южной Кореи',
      'совещание Совета безопасности Республики Корея',
      '청와대 국가안전보장회의(NSC)가 소집됐다',
      '韓国の国家安全保障会議（NSC）',
      '韩国国家安全委员会',
    ])
      expect(ids(text), text).not.toContain('un-security-council');
  });

  it('marks the UN bodies our article names, and not their neighbours in the UN system', () => {
    expect(marks('The Human Rights Council renewed the mandate of the Special Rapporteur')).toEqual([['Human Rights Council', 'human-rights-council']]);
    expect(marks('UN Security Council Resolution 2397 capped refined petroleum imports')).toEqual([['UN Security Council', 'un-security-council']]);
    expect(marks('the 1718 Committee of the Security Council')).toEqual([['Security Council', 'un-security-council']]);
    for (const text of [
      'The General Assembly’s Third Committee adopted the resolution',
      'the UN Human Rights Committee',
      'the Office of the UN High Commissioner for Human Rights in Seoul',
      'The Council of the EU adopted sanctions',
      'the National Human Rights Commission of Korea',
      'The board’s security council reviewed the data breach',
    ])
      expect(marks(text), text).toEqual([]);
  });
});

describe('headlines in capitals', () => {
  it('marks North Korea’s acronyms in a shouted headline, as its name and the council’s are (no word is spelled so)', () => {
    expect(marks('SECURITY COUNCIL TIGHTENS SANCTIONS ON DPRK, UNANIMOUSLY ADOPTING RESOLUTION 2397 (2017)')).toEqual([
      ['SECURITY COUNCIL', 'un-security-council'],
      ['DPRK', 'north-korea'],
    ]);
    expect(marks('DPRK FIRES BALLISTIC MISSILE')).toEqual([['DPRK', 'north-korea']]);
    expect(marks('КНДР ЗАПУСТИЛА РАКЕТУ')).toEqual([['КНДР', 'north-korea']]);
    expect(marks('NORTH KOREA FIRES MISSILE')).toEqual([['NORTH KOREA', 'north-korea']]);
  });

  it('still leaves "US" in a shouted run alone, where it may be "us", and marks "U.S."', () => {
    expect(marks('WHAT NORTH KOREA WANTS FROM US')).toEqual([['NORTH KOREA', 'north-korea']]);
    expect(marks('TRUMP TELLS US TO WAIT')).toEqual([['TRUMP', 'donald-trump']]);
    expect(marks('U.S. SAYS NORTH KOREA MUST DENUCLEARIZE')).toEqual([
      ['U.S.', 'united-states'],
      ['NORTH KOREA', 'north-korea'],
    ]);
  });
});
