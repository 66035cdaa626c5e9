/**
 * The matcher on the real alias data, a third review of sentences as news
 * pages write them (matcher-news-wording.test.ts has the first two): bodies
 * and firms named after ours, and forms of our names that pages use.
 */
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher/matcher';
import { marks as marksBy } from './support/sample-aliases';

const real = buildMatcher(matcherEntities);

/** [matched text, entity id] for every mention the real alias data finds, in order. */
const marks = (text: string): [string, string][] => marksBy(real, text);

describe('councils that are not the UN’s', () => {
  it('keeps a report of the UN’s council, with or without the UN’s name (a veto on “Report” would drop it)', () => {
    expect(marks('a confidential Security Council report said the sanctions were evaded')).toEqual([['Security Council', 'un-security-council']]);
    expect(marks('the Security Council Report on the DPRK')).toEqual([
      ['Security Council', 'un-security-council'],
      ['DPRK', 'north-korea'],
    ]);
    expect(marks('a confidential U.N. Security Council report said')).toEqual([['U.N. Security Council', 'un-security-council']]);
  });

  it('leaves out a president’s own council and the meeting of council secretaries, not an envoy’s council colleagues', () => {
    expect(marks('Putin told a meeting of his Security Council that the West was to blame')).toEqual([]);
    expect(marks('Lukashenko held a meeting with his Security Council in Minsk')).toEqual([]);
    expect(marks('a meeting of SCO Security Council Secretaries in Astana')).toEqual([]);
    expect(marks('the ambassador briefed his Security Council colleagues')).toEqual([['Security Council', 'un-security-council']]);
    expect(marks('The envoy met with his Security Council colleagues')).toEqual([['Security Council', 'un-security-council']]);
    expect(marks('at the end of his Security Council presidency')).toEqual([['Security Council', 'un-security-council']]);
    expect(marks('Lukashenko chaired a session of his Security Council')).toEqual([]);
  });
});

describe('banks named after a country', () => {
  it('leaves out the central and state banks "Bank of China", "Bank of Japan", "Bank of Russia", and marks the countries', () => {
    expect(marks('The Bank of China froze accounts of North Korea’s Foreign Trade Bank')).toEqual([['North Korea', 'north-korea']]);
    expect(marks('The People’s Bank of China and the Export-Import Bank of China')).toEqual([]);
    expect(marks('The Bank of Japan kept rates unchanged')).toEqual([]);
    expect(marks('Russia’s central bank, the Bank of Russia, raised rates')).toEqual([['Russia', 'russia']]);
    expect(marks('THE BANK OF CHINA AND THE BANK OF JAPAN')).toEqual([]);
    expect(marks('the Bank of France, the Banque de France')).toEqual([]);
    expect(marks('China, Japan and France agreed')).toEqual([
      ['China', 'china'],
      ['Japan', 'japan'],
      ['France', 'france'],
    ]);
  });
});

describe('Trump’s family and firm in Korean, Chinese and Russian', () => {
  it.each([
    ['트럼프 주니어가 방한했다'],
    ['도널드 트럼프 주니어는 방한했다'],
    ['트럼프 그룹 부회장이 말했다'],
    ['트럼프 오거나이제이션은 부인했다'],
    ['小特朗普在社交媒体上发文'],
    ['小唐纳德·特朗普发表声明'],
    ['伊万卡·特朗普出席了活动'],
    ['梅拉尼娅·特朗普在白宫接待了客人'],
    ['特朗普集团否认'],
    ['川普集團在台灣沒有投資'],
    ['小川普表示'],
    ['Эрик Трамп заявил о поддержке отца'],
    ['встреча Эрика Трампа с инвесторами'],
  ])('does not take "%s" for Donald Trump', (text) => {
    expect(marks(text).map(([, id]) => id)).not.toContain('donald-trump');
  });

  it('still marks him beside them', () => {
    expect(marks('도널드 트럼프 대통령이 방한했다')).toEqual([['도널드 트럼프', 'donald-trump']]);
    expect(marks('特朗普表示将与金正恩再次会面')).toEqual([
      ['特朗普', 'donald-trump'],
      ['金正恩', 'kim-jong-un'],
    ]);
    expect(marks('Эрик и Трамп')).toEqual([['Трамп', 'donald-trump']]);
  });
});

describe('a party, a newspaper, a news agency and a channel named after a country', () => {
  it.each([
    ['Le parti Russie unie a remporté les élections', 'russia'],
    ['El partido Rusia Unida ganó las elecciones', 'russia'],
    ['Selon Ouest-France, la délégation est arrivée à Séoul', 'france'],
    ['Un photographe de France-Presse a assisté au défilé', 'france'],
    ['сообщает телеканал «Россия 24»', 'russia'],
    ['В эфире «Россия-24» выступил эксперт', 'russia'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks the country where the same words only stand near it', () => {
    expect(marks('Rusia, unida a China, vetó el texto')).toEqual([
      ['Rusia', 'russia'],
      ['China', 'china'],
    ]);
    expect(marks('La France et la Russie unies contre la résolution')).toEqual([
      ['France', 'france'],
      ['Russie', 'russia'],
    ]);
    expect(marks('Россия 24 февраля 2022 года начала операцию')).toEqual([['Россия', 'russia']]);
  });
});

describe('Chinese and Japanese words that run into a name', () => {
  it.each([
    ['南北韓關係緊張', 'north-korea'],
    ['南北韩首脑会谈', 'north-korea'],
    ['育英国际学校举办活动', 'united-kingdom'],
    ['中国語の通訳を介して会談した', 'china'],
    ['他在大学学习中国语', 'china'],
    ['日本語版の報告書が公表された', 'japan'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks the name where it stands alone', () => {
    expect(marks('北韓再度試射飛彈')).toEqual([['北韓', 'north-korea']]);
    expect(marks('英国国际发展部宣布援助')).toEqual([['英国', 'united-kingdom']]);
    expect(marks('日本政府と中国政府は協議した')).toEqual([
      ['日本', 'japan'],
      ['中国', 'china'],
    ]);
  });
});

describe('names as news pages write them, a third review', () => {
  it.each([
    ['Donald Trumps Treffen in Singapur', 'Donald Trumps', 'donald-trump'],
    ['организация Хьюман Райтс Уотч осудила депортацию', 'Хьюман Райтс Уотч', 'human-rights-watch'],
    ['ニューヨークタイムズによると', 'ニューヨークタイムズ', 'new-york-times'],
    ['ヒューマンライツウォッチは声明を出した', 'ヒューマンライツウォッチ', 'human-rights-watch'],
    ['뉴욕타임즈에 따르면', '뉴욕타임즈', 'new-york-times'],
    ['뉴욕 타임스는 이날 보도했다', '뉴욕 타임스', 'new-york-times'],
    ['세계인권의 날을 맞아', '세계인권의 날', 'human-rights-day'],
    ['북한이탈주민 196명이 입국했다', '북한이탈주민', 'north-korea'],
    ['북한이탈주민들이 증언했다', '북한이탈주민들', 'north-korea'],
    [
      'the UN special rapporteur on the human rights situation in North Korea said',
      'special rapporteur on the human rights situation in North Korea',
      'special-rapporteur-dprk',
    ],
    [
      'the Special Rapporteur on the human rights situation in the DPRK',
      'Special Rapporteur on the human rights situation in the DPRK',
      'special-rapporteur-dprk',
    ],
    [
      "the Special Rapporteur on human rights in the Democratic People's Republic of Korea",
      "Special Rapporteur on human rights in the Democratic People's Republic of Korea",
      'special-rapporteur-dprk',
    ],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)).toEqual([[mention, entityId]]);
  });

  it('finds "EE UU", as El País writes it, but not in a shouted headline, as "EEUU"', () => {
    expect(marks('EE UU pidió una reunión urgente')).toEqual([['EE UU', 'united-states']]);
    expect(marks('EE UU ANUNCIA NUEVAS SANCIONES')).toEqual([]);
  });
});

describe('Korean names with the endings news writes after them', () => {
  it.each([
    ['북한이기 때문에 가능한 일이다', '북한', 'north-korea'],
    ['북한이기도 하다', '북한', 'north-korea'],
    ['북한인지 여부를 확인 중이다', '북한', 'north-korea'],
    ['상대가 북한임을 감안하면', '북한', 'north-korea'],
    ['북한임에도 불구하고', '북한', 'north-korea'],
    ['북한인데도 회의가 열렸다', '북한', 'north-korea'],
    ['문제는 북한인가', '북한', 'north-korea'],
    ['북한이어서 어쩔 수 없다', '북한', 'north-korea'],
    ['트럼프여서 가능한 일이었다', '트럼프', 'donald-trump'],
    ['미국이야말로 책임이 있다', '미국', 'united-states'],
    ['안보리야말로 나서야 한다', '안보리', 'un-security-council'],
    ['상대가 북한이므로 신중해야 한다', '북한', 'north-korea'],
    ['북한이었지만 지금은 다르다', '북한', 'north-korea'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)).toEqual([[mention, entityId]]);
  });
});

describe('banks and a newspaper named after a country, in Chinese and Japanese', () => {
  it.each([
    ['日本銀行は金融政策を据え置いた', 'japan'],
    ['日本経済新聞によると', 'japan'],
    ['据日本经济新闻报道', 'japan'],
    ['中国银行关闭了朝鲜外贸银行的账户', 'china'],
    ['中国人民银行表示', 'china'],
    ['中國銀行香港分行', 'china'],
    ['中国銀行（岡山市）は決算を発表した', 'china'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks the country beside its banks', () => {
    expect(marks('日本政府と日本銀行')).toEqual([['日本', 'japan']]);
    expect(marks('中国和中国银行')).toEqual([['中国', 'china']]);
  });
});

describe('a sea, a tower and a council officer', () => {
  it.each([
    ['The missile fell in the Japan Sea, the defence ministry said', 'japan'],
    ['Trump World Tower in Seoul was built by Daewoo', 'donald-trump'],
    ['Security Council Deputy Secretary Alexander Venediktov met KPA officials', 'un-security-council'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks the names where no such word follows', () => {
    expect(marks('Japan searched the area')).toEqual([['Japan', 'japan']]);
    expect(marks('Trump World Tour dates')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('the Security Council’s deputy president')).toEqual([['Security Council', 'un-security-council']]);
  });
});

describe('the capital for the state, and the summits by their leaders', () => {
  it.each([
    ['Pyongyang fired another missile on Tuesday', 'Pyongyang'],
    ['PYONGYANG (Reuters) - The launch', 'PYONGYANG'],
    ['Pyongyang’s latest launch', 'Pyongyang'],
    ['Pjöngjang kündigte weitere Tests an', 'Pjöngjang'],
    ['Pionyang lanzó un misil', 'Pionyang'],
    ['Из Пхеньяна сообщили о запуске', 'Пхеньяна'],
    ['평양에서 열린 열병식', '평양'],
    ['平壌で軍事パレード', '平壌'],
    ['平壤宣布', '平壤'],
  ])('marks North Korea’s capital as the state: %s', (text, name) => {
    expect(marks(text)).toEqual([[name, 'north-korea']]);
  });

  it('leaves the noodle dish named after the capital unmarked', () => {
    expect(marks('서울에서 평양냉면을 먹었다')).toEqual([]);
    expect(marks('平壤冷面很有名')).toEqual([]);
    expect(marks('平壌冷麺を食べた')).toEqual([]);
  });

  it.each([
    ['the Trump-Kim summit in Singapore in June 2018', 'Trump-Kim summit in Singapore', 'singapore-summit'],
    ['After the Singapore Kim-Trump summit', 'Singapore Kim-Trump summit', 'singapore-summit'],
    ['the second Trump–Kim summit in Hanoi collapsed', 'Trump–Kim summit in Hanoi', 'hanoi-summit'],
    ['since the Hanoi Trump-Kim summit', 'Hanoi Trump-Kim summit', 'hanoi-summit'],
  ])('marks a summit named by its two leaders and its place: %s', (text, name, id) => {
    expect(marks(text)).toEqual([[name, id]]);
  });
});

describe('German compounds of the council’s name', () => {
  it.each([
    ['Die Sicherheitsratsresolution 2397 verbietet den Export', 'Sicherheitsratsresolution'],
    ['Verstöße gegen die UN-Sicherheitsratsresolutionen', 'UN-Sicherheitsratsresolutionen'],
    ['Die Sicherheitsratssitzung wurde vertagt', 'Sicherheitsratssitzung'],
    ['trotz des Sicherheitsratsbeschlusses', 'Sicherheitsratsbeschlusses'],
    ['Die fünf ständigen Sicherheitsratsmitglieder verhandelten', 'Sicherheitsratsmitglieder'],
    ['Bewerbung um einen nichtständigen Sicherheitsratssitz', 'Sicherheitsratssitz'],
  ])('marks the compound as the council: %s', (text, name) => {
    expect(marks(text)).toEqual([[name, 'un-security-council']]);
  });

  it('leaves out a national council’s compounds, as it does the council itself', () => {
    expect(marks('Bei einer russischen Sicherheitsratssitzung sagte er')).toEqual([]);
    expect(marks('Die Sicherheitsratssitzung Russlands fand statt')).toEqual([['Russlands', 'russia']]);
  });
});

describe('other summits held in Singapore', () => {
  it.each([['Leaders met at the ASEAN Singapore summit in November 2018'], ['the 2018 APEC Singapore summit'], ['the Xi-Ma Singapore summit of 2015']])(
    'leaves out a summit of others there: %s',
    (text) => {
      expect(marks(text).filter(([, id]) => id === 'singapore-summit')).toEqual([]);
    },
  );

  it('still marks the summit of Trump and Kim', () => {
    expect(marks('since the Singapore summit in June 2018')).toEqual([['Singapore summit', 'singapore-summit']]);
  });
});
