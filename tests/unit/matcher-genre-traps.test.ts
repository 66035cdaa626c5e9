/**
 * The matcher on the real alias data, on pages other than political news:
 * sports, business, food and travel, history, films and games, software.
 * Names of ours turn up there as other things (the snooker player Judd Trump,
 * China Mobile, 日本ハム, アメリカンフットボール, Halo's UNSC), and some forms of
 * our names are written only there ("Korea DPR", "UNSCR 2397").
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

describe('sports pages', () => {
  it.each([
    ['Judd Trump beat Ronnie O’Sullivan 10-8 in the final of the Masters'],
    ['JUDD TRUMP WINS UK CHAMPIONSHIP'],
    ['Die Snooker-WM gewann Judd Trump'],
    ['Judd Trump a remporté le Masters'],
    ['Judd Trump ganó el Masters de snooker'],
    ['저드 트럼프가 세계선수권에서 우승했다'],
    ['贾德·特朗普夺得世锦赛冠军'],
    ['Джадд Трамп выиграл чемпионат мира по снукеру'],
    ['победа Джадда Трампа над О’Салливаном'],
  ])('does not take the snooker player in "%s" for Donald Trump', (text) => {
    expect(ids(text)).not.toContain('donald-trump');
  });

  it('still marks Donald Trump beside the snooker player', () => {
    expect(marks('Donald Trump and Judd Trump both played golf')).toEqual([['Donald Trump', 'donald-trump']]);
    expect(marks('Trump met Judd Apatow at the White House')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('트럼프 대통령과 저드 트럼프')).toEqual([['트럼프', 'donald-trump']]);
    expect(marks('Джадд и Трамп')).toEqual([['Трамп', 'donald-trump']]);
  });

  it('marks North Korea by its FIFA name, "Korea DPR", and leaves "Korea Republic" and "Team Korea" alone', () => {
    expect(marks('Korea Republic beat Korea DPR 2-0 in the World Cup qualifier')).toEqual([['Korea DPR', 'north-korea']]);
    expect(marks('Korea DPR’s women won the U-17 Women’s World Cup')).toEqual([['Korea DPR', 'north-korea']]);
    expect(marks('KOREA DPR STUN JAPAN')).toEqual([
      ['KOREA DPR', 'north-korea'],
      ['JAPAN', 'japan'],
    ]);
    expect(marks('Team Korea marched behind the unification flag')).toEqual([]);
  });

  it.each([
    ['김정은 선수가 20득점을 올렸다', 'kim-jong-un'],
    ['김정은 선수는 은퇴를 선언했다', 'kim-jong-un'],
    ['日本ハムの新庄監督が会見した', 'japan'],
    ['中国台北队在决赛中击败日本队', 'china'],
  ])('does not take the player, the club or the team in "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('still marks the leader who cheers athletes, and the national teams', () => {
    expect(marks('김정은 위원장이 농구 경기를 관람했다')).toEqual([['김정은', 'kim-jong-un']]);
    expect(marks('김정은 선수단을 격려했다')).toEqual([['김정은', 'kim-jong-un']]);
    expect(marks('北朝鮮代表が日本代表に勝った')).toEqual([
      ['北朝鮮', 'north-korea'],
      ['日本', 'japan'],
    ]);
    expect(marks('朝鲜队在亚洲杯上战胜日本队')).toEqual([
      ['朝鲜', 'north-korea'],
      ['日本', 'japan'],
    ]);
    expect(marks('中国女排夺冠')).toEqual([['中国', 'china']]);
  });
});

describe('business pages', () => {
  it.each([
    ['China Unicom was delisted', 'china'],
    ['China Construction Bank reported record profits', 'china'],
    ['China Evergrande was ordered to liquidate', 'china'],
    ['CHINA EVERGRANDE ORDERED TO LIQUIDATE', 'china'],
    ['China Vanke missed a bond payment', 'china'],
    ['the China Investment Corporation sold its stake', 'china'],
    ['Wir essen heute im China-Restaurant', 'china'],
    ['Japan Post Holdings sold more shares', 'japan'],
    ['Japan Exchange Group operates the Tokyo Stock Exchange', 'japan'],
    ['日本製鉄によるUSスチール買収が完了した', 'japan'],
    ['日本郵政が株式を売却した', 'japan'],
    ['日本テレビで放送された', 'japan'],
    ['中国建设银行公布业绩', 'china'],
    ['中國工商銀行香港分行', 'china'],
    ['中国农业银行上海分行', 'china'],
    ['US Bancorp beat estimates', 'united-states'],
    ['The $TRUMP memecoin fell 40% from its peak', 'donald-trump'],
    ['Trump Turnberry will host the Open again', 'donald-trump'],
    ['El Consejo de Seguridad Nuclear autorizó la central de Almaraz', 'un-security-council'],
  ])('does not take the firm or body in "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('still marks the countries, the man and the council where those words do not follow', () => {
    expect(marks('China’s mobile operators complied with sanctions')).toEqual([['China', 'china']]);
    // A veto is blind to case: on a common word it would drop the country in ordinary news. Firms named
    // "China" and a common word (China Mobile, China Merchants, Japan Tobacco, Trump Mobile) keep the mark.
    for (const [text, country] of [
      ['China mobile game revenue rose', 'China'],
      ['China telecom gear was banned', 'China'],
      ['Beijing says China merchants must comply', 'China'],
      ['China life insurance premiums rose', 'China'],
      ['China national petroleum reserves grew', 'China'],
      ['China development bank lending to Africa', 'China'],
      ['China railway construction slowed in 2024', 'China'],
      ['China state construction spending', 'China'],
      ['China restaurant sales fell', 'China'],
      ['Japan tobacco tax rises', 'Japan'],
      ['Japan post bank deposits', 'Japan'],
    ])
      expect(marks(text as string).map(([found]) => found)).toEqual([country]);
    expect(marks('Trump mobile phone plan')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('China investment in North Korea fell')).toEqual([
      ['China', 'china'],
      ['North Korea', 'north-korea'],
    ]);
    expect(marks('Japan post-war constitution')).toEqual([['Japan', 'japan']]);
    expect(marks('Japan exchange rate policy')).toEqual([['Japan', 'japan']]);
    expect(marks('the US open to talks with North Korea')).toEqual([
      ['US', 'united-states'],
      ['North Korea', 'north-korea'],
    ]);
    expect(marks('$5 million from Trump')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('Trump’s memecoin dinner drew criticism')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('El Consejo de Seguridad sobre el programa nuclear')).toEqual([['Consejo de Seguridad', 'un-security-council']]);
    expect(marks('日本航空自衛隊の戦闘機')).toEqual([['日本', 'japan']]);
    expect(marks('中国农业发展很快')).toEqual([['中国', 'china']]);
  });
});

describe('food, travel and history pages', () => {
  it.each([
    ['Pyongyang naengmyeon is served in a cold beef broth', 'north-korea'],
    ['Pyongyang cold noodles are famous across Korea', 'north-korea'],
    ['을지로 평양 냉면 맛집', 'north-korea'],
    ['延吉朝鲜冷面很有名', 'north-korea'],
    ['朝鲜蓟是一种蔬菜', 'north-korea'],
    ['朝鲜泡菜的做法', 'north-korea'],
    ['李氏朝鲜时期的文化', 'north-korea'],
    ['朝鲜总督府大楼被拆除', 'north-korea'],
    ['日本橋の三越で買い物をした', 'japan'],
    ['日本料理店で寿司を食べた', 'japan'],
    ['中国料理のフルコース', 'china'],
    ['法国梧桐遍布上海街头', 'france'],
    ['Dessinez à l’encre de Chine', 'china'],
    ['une robe en crêpe de Chine', 'china'],
    ['le chou de Chine se cuisine sauté', 'china'],
    ['le néflier du Japon fleurit en hiver', 'japan'],
  ])('does not take the dish, place or era in "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('still marks the capital, the state and the countries beside them', () => {
    expect(marks('Tourists flew Air Koryo to Pyongyang')).toEqual([['Pyongyang', 'north-korea']]);
    // The chain abroad is run by the state and earns it cash: news about sanctions names it.
    expect(marks('Pyongyang restaurants abroad earn cash for the regime')).toEqual([['Pyongyang', 'north-korea']]);
    expect(marks('평양은 냉면을 수출했다')).toEqual([['평양', 'north-korea']]);
    expect(marks('朝鲜人参加了比赛')).toEqual([['朝鲜', 'north-korea']]);
    expect(marks('日本は橋を建設した')).toEqual([['日本', 'japan']]);
    expect(marks('la Chine de Xi Jinping')).toEqual([['Chine', 'china']]);
    expect(marks('Le Japon et la Chine')).toEqual([
      ['Japon', 'japan'],
      ['Chine', 'china'],
    ]);
  });

  it('marks the capital as NHK writes it, ピョンヤン, but not its noodle dish', () => {
    expect(marks('北朝鮮の首都ピョンヤンで軍事パレード')).toEqual([
      ['北朝鮮', 'north-korea'],
      ['ピョンヤン', 'north-korea'],
    ]);
    expect(marks('ピョンヤン冷麺の名店')).toEqual([]);
  });

  it('marks Kim Jong-un in a history page, and no other Kim', () => {
    expect(marks('Kim Jong-il died in December 2011 and was succeeded by Kim Jong-un')).toEqual([['Kim Jong-un', 'kim-jong-un']]);
    expect(marks('Kim Il-sung founded the DPRK in 1948')).toEqual([['DPRK', 'north-korea']]);
    expect(marks('Ким Ир Сен и Ким Чен Ир')).toEqual([]);
    expect(marks('金正日和金正恩')).toEqual([['金正恩', 'kim-jong-un']]);
  });
});

describe('“America” in Japanese and Chinese that is not the United States', () => {
  it.each([
    ['アメリカンリーグのMVPは大谷翔平'],
    ['アメリカンフットボールの試合'],
    ['アメリカン・エキスプレスのカード'],
    ['ネイティブ・アメリカンの歴史'],
    ['南アメリカと北アメリカ'],
    ['ラテンアメリカ諸国の代表'],
    ['中央アメリカの国々'],
    ['アメリカ大陸を横断した'],
    ['大阪のアメリカ村で古着を探す'],
    ['キャプテン・アメリカの新作'],
    ['电影《美国队长》'],
  ])('does not take "%s" for the United States', (text) => {
    expect(ids(text)).not.toContain('united-states');
  });

  it('still marks the United States', () => {
    expect(marks('アメリカ合衆国とアメリカ人')).toEqual([
      ['アメリカ合衆国', 'united-states'],
      ['アメリカ', 'united-states'],
    ]);
    expect(marks('北朝鮮とアメリカ')).toEqual([
      ['北朝鮮', 'north-korea'],
      ['アメリカ', 'united-states'],
    ]);
    expect(marks('アメリカの村で')).toEqual([['アメリカ', 'united-states']]);
    expect(marks('美国队在决赛中获胜')).toEqual([['美国', 'united-states']]);
  });
});

describe('software, crypto and game pages', () => {
  it.each([
    ['Set Accept-Language to en-US or es-US', 'united-states'],
    ['the en_US.UTF-8 locale', 'united-states'],
    ['The page is served as US-ASCII', 'united-states'],
    ['The Data Security Council of India released a report', 'un-security-council'],
    ['The Arbitrum Security Council executed an emergency upgrade', 'un-security-council'],
    ['ZKsync’s Security Council can veto upgrades', 'un-security-council'],
    ['Der Nationale Cyber-Sicherheitsrat tagte in Berlin', 'un-security-council'],
    ['The UNSC Infinity appears in Halo 4', 'un-security-council'],
    ['UNSC Marines fight the Covenant in Halo', 'un-security-council'],
    ['Master Chief is a Spartan of the UNSC Navy', 'un-security-council'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('still marks the council and the country beside them', () => {
    expect(marks('the Data Security Council of India and the UN Security Council')).toEqual([['UN Security Council', 'un-security-council']]);
    expect(marks('Der Sicherheitsrat und der Cyber-Sicherheitsrat')).toEqual([['Sicherheitsrat', 'un-security-council']]);
    expect(marks('UNSC members met behind closed doors')).toEqual([['UNSC', 'un-security-council']]);
    expect(marks('the en-US page and the US page')).toEqual([['US', 'united-states']]);
  });

  it('marks a council resolution by its short name, "UNSCR", as the council', () => {
    expect(marks('UNSCR 2397 caps refined petroleum imports')).toEqual([['UNSCR', 'un-security-council']]);
    expect(marks('Violations of UNSCRs 1718 and 2270')).toEqual([['UNSCRs', 'un-security-council']]);
  });
});

describe('people and words named like ours', () => {
  it.each([
    ['China Miéville’s novel The City & the City won the Hugo', 'china'],
    ['China Anne McClain stars in the Disney series', 'china'],
    ['탤런트 김정은이 결혼했다', 'kim-jong-un'],
    ['여배우 김정은의 근황', 'kim-jong-un'],
    ['김정은 주연의 드라마 파리의 연인', 'kim-jong-un'],
    ['John G. Trump, an MIT professor, examined Tesla’s papers', 'donald-trump'],
    ['Biegun Północny topnieje szybciej niż sądzono', 'stephen-biegun'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('still marks the people themselves', () => {
    expect(marks('영화 더 인터뷰는 김정은 암살을 다룬다')).toEqual([['김정은', 'kim-jong-un']]);
    expect(marks('Randall Park played Kim Jong-un in The Interview')).toEqual([['Kim Jong-un', 'kim-jong-un']]);
    expect(marks('John G. Roberts swore in Trump')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('Stephen Biegun powiedział')).toEqual([['Stephen Biegun', 'stephen-biegun']]);
  });
});
