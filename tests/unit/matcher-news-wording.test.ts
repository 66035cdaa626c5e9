/**
 * The matcher on the real alias data, with sentences as news pages write
 * them: names other pages spell their own way, and names inside other names
 * that are no mention of ours.
 */
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../utils/matcher/matcher';
import { marks as marksBy } from './support/sample-aliases';

const real = buildMatcher(matcherEntities);

/** [matched text, entity id] for every mention the real alias data finds, in order. */
const marks = (text: string): [string, string][] => marksBy(real, text);

describe('names as news pages write them', () => {
  it.each([
    ['북한이고 미사일이다', '북한', 'north-korea'],
    ['문제는 북한입니다', '북한', 'north-korea'],
    ['북한하고 대화', '북한', 'north-korea'],
    ['북한에서만 볼 수 있다', '북한', 'north-korea'],
    ['북한보다는 낫다', '북한', 'north-korea'],
    ['북한으로서는 어렵다', '북한', 'north-korea'],
    ['북한이라며 비판했다', '북한', 'north-korea'],
    ['북한군이 국경을 넘었다', '북한군', 'north-korea'],
    // A spelling many pages use, though the North's own romanisation is Jong.
    ['Kim Jung-un said', 'Kim Jung-un', 'kim-jong-un'],
    ['KIM JUNG UN VISITS', 'KIM JUNG UN', 'kim-jong-un'],
    ['トランプさんは会見で', 'トランプさん', 'donald-trump'],
    ['북한이라서 어렵다', '북한', 'north-korea'],
    ['북한만큼 폐쇄적인 나라', '북한', 'north-korea'],
    ['북한이라면 가능하다', '북한', 'north-korea'],
    ['N Korea fires missile', 'N Korea', 'north-korea'],
    // The Universal Declaration, as pages in the other languages name it.
    ["le 70e anniversaire de la Déclaration universelle des droits de l'homme", "Déclaration universelle des droits de l'homme", 'universal-declaration'],
    ['la Declaración Universal de los Derechos Humanos', 'Declaración Universal de los Derechos Humanos', 'universal-declaration'],
    ['in der Allgemeinen Erklärung der Menschenrechte', 'Allgemeinen Erklärung der Menschenrechte', 'universal-declaration'],
    ['в тексте Всеобщей декларации прав человека', 'Всеобщей декларации прав человека', 'universal-declaration'],
    ['세계인권선언 70주년', '세계인권선언', 'universal-declaration'],
    ['世界人権宣言は1948年に', '世界人権宣言', 'universal-declaration'],
    ['世界人权宣言七十周年', '世界人权宣言', 'universal-declaration'],
    ['газета Нью-Йорк Таймс сообщила', 'Нью-Йорк Таймс', 'new-york-times'],
    ['한미경제연구소(KEI) 선임연구원', '한미경제연구소', 'korea-economic-institute'],
    ['the Stockholm working-level talks broke down', 'Stockholm working-level talks', 'stockholm-talks'],
    ['after working-level talks in Stockholm failed', 'working-level talks in Stockholm', 'stockholm-talks'],
    ['북미 스톡홀름 실무협상이 결렬됐다', '스톡홀름 실무협상', 'stockholm-talks'],
    // The article's author, named with his office: "Robert King" alone is too many people to mark.
    ['said former Special Envoy Robert King', 'Special Envoy Robert King', 'robert-r-king'],
    ['Ambassador Robert King wrote', 'Ambassador Robert King', 'robert-r-king'],
    ['로버트 킹 전 북한인권특사는 말했다', '로버트 킹 전 북한인권특사', 'robert-r-king'],
    // The camps named with the North's name, as the Korean and Japanese press write them: alone, 정치범수용소 may be anyone's.
    ['북한 정치범수용소에 수감된', '북한 정치범수용소', 'prison-camps'],
    ['北朝鮮の政治犯収容所では', '北朝鮮の政治犯収容所', 'prison-camps'],
    ['N. KOREA FIRES MISSILE', 'N. KOREA', 'north-korea'],
    ['DPR Korea and the UN', 'DPR Korea', 'north-korea'],
    ['Norcorea lanzó un misil', 'Norcorea', 'north-korea'],
    ['тысячи северокорейцев бегут', 'северокорейцев', 'north-korea'],
    ['Северокорейцы бегут', 'Северокорейцы', 'north-korea'],
    ['스티븐 비건 대표가 말했다', '스티븐 비건', 'stephen-biegun'],
    ['웜비어 사건', '웜비어', 'otto-warmbier'],
    ['オットー・ワームビアさん', 'オットー・ワームビア', 'otto-warmbier'],
    ['ホイスゲン国連大使', 'ホイスゲン', 'christoph-heusgen'],
    ['호이스겐 대사는', '호이스겐', 'christoph-heusgen'],
    ['据纽约时报报道', '纽约时报', 'new-york-times'],
    ['뉴욕타임스는 보도했다', '뉴욕타임스', 'new-york-times'],
    ['the working level talks in Stockholm failed', 'working level talks in Stockholm', 'stockholm-talks'],
    ['МИД КНДР выступил с заявлением', 'КНДР', 'north-korea'],
    ['ВВП США вырос', 'США', 'united-states'],
    ['US GDP grew', 'US', 'united-states'],
    ['UK PM Keir Starmer said', 'UK', 'united-kingdom'],
    ['the DPRK FM said', 'DPRK', 'north-korea'],
    ['キム・ジョンウン（', 'キム・ジョンウン', 'kim-jong-un'],
    ['ビーガン国務副長官は', 'ビーガン国務副長官', 'stephen-biegun'],
    ['对朝政策特别代表比根表示', '比根', 'stephen-biegun'],
    ['Постпред ФРГ Кристоф Хойсген заявил', 'Кристоф Хойсген', 'christoph-heusgen'],
    ['в Корейской Народно-Демократической Республике', 'Корейской Народно-Демократической Республике', 'north-korea'],
    ['북한인권 토론회', '북한인권', 'north-korea'],
    ['SECURITY COUNCIL FAILS TO ADOPT RESOLUTION', 'SECURITY COUNCIL', 'un-security-council'],
    // A footnote mark typed as a superscript digit, as wikis and reports write it: no letter of the name.
    ['the Security Council¹ met', 'Security Council', 'un-security-council'],
    ['North Korea²³ fired', 'North Korea', 'north-korea'],
    ['Kim Jong-un⁴ said', 'Kim Jong-un', 'kim-jong-un'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)).toEqual([[mention, entityId]]);
  });
});

describe('names inside other names, and words that only look like ours', () => {
  it.each([
    ['The U.S.S.R. collapsed', 'united-states'],
    ['The USSR and the U.S.S.R', 'united-states'],
    ['los Estados Unidos Mexicanos', 'united-states'],
    ['China Airlines cancelled', 'china'],
    ['Japan Airlines cancelled', 'japan'],
    ['发展中国家的经济增长', 'china'],
    ['其中国际航班', 'china'],
    ['Китай-город', 'china'],
    ['北朝鮮が日本海に弾道ミサイルを発射', 'japan'],
    ['昨日本会議で可決', 'japan'],
    ['毎日本当に忙しい', 'japan'],
    ['明日本番を迎える', 'japan'],
    ['朝鲜文报纸', 'north-korea'],
    ['古朝鲜的历史', 'north-korea'],
    ['南北朝鲜关系', 'north-korea'],
    ['南北朝鮮の統一', 'north-korea'],
    ['Radio France Internationale', 'france'],
    ['the Banque de France', 'france'],
    ['at the Stade de France', 'france'],
    ['Pierre Mendès France', 'france'],
    ['Alternative for Germany', 'germany'],
    ['die Alternative für Deutschland', 'germany'],
    ['the ferry MS Estonia', 'estonia'],
    ['The Stockholm talks between the US and China', 'stockholm-talks'],
    ['KEI, the Korea Environment Institute', 'korea-economic-institute'],
    ['the ASEAN Hanoi summit', 'hanoi-summit'],
    ["Putin's Security Council", 'un-security-council'],
    ['the Kremlin Security Council meeting', 'un-security-council'],
    ['the African Union Peace and Security Council', 'un-security-council'],
    ['Putins Sicherheitsrat', 'un-security-council'],
    ['el Consejo de Seguridad Ciudadana', 'un-security-council'],
    ['el Consejo de Seguridad Pública de Jalisco', 'un-security-council'],
    ["le conseil de sécurité de l'entreprise", 'un-security-council'],
    ['Donald Trump, Jr. spoke', 'donald-trump'],
    ['Donald Trump Junior spoke', 'donald-trump'],
    ['the Trump SoHo hotel', 'donald-trump'],
    ['the Trumps were there', 'donald-trump'],
    ['김정은 기자 = 북한이 발사', 'kim-jong-un'],
    ['JOIN US', 'united-states'],
    ['a fund of US$2 million', 'united-states'],
    ['比根本更重要', 'stephen-biegun'],
    ['ビーガン料理', 'stephen-biegun'],
    ['RUSSIAN SECURITY COUNCIL', 'un-security-council'],
    ['TELL US WHAT YOU THINK', 'united-states'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks the name beside such a look-alike', () => {
    expect(marks('北朝鮮が日本海に')).toEqual([['北朝鮮', 'north-korea']]);
    expect(marks('김정은 기자 = 북한이 발사')).toEqual([['북한', 'north-korea']]);
    expect(marks('The U.S. and the U.S.S.R.')).toEqual([['U.S.', 'united-states']]);
    expect(marks('US $2 million from the US')).toEqual([
      ['US', 'united-states'],
      ['US', 'united-states'],
    ]);
    expect(marks('日本当局は')).toEqual([['日本', 'japan']]);
    expect(marks('Donald Trump said')).toEqual([['Donald Trump', 'donald-trump']]);
  });

  it('keeps a veto to the words it was made for, not words that merely share a character or a letter case', () => {
    // One character before 日本 that ends another word (元, 後, 前) is no veto: "former Japan player", "postwar Japan".
    expect(marks('元日本代表')).toEqual([['日本', 'japan']]);
    expect(marks('戦後日本の歩み')).toEqual([['日本', 'japan']]);
    expect(marks('朝鲜文化省')).toEqual([['朝鲜', 'north-korea']]);
    // Vetoes compare without case: none is a word that ordinary prose puts after the name.
    expect(marks('Russia today vetoed the draft')).toEqual([['Russia', 'russia']]);
    expect(marks('Is the US open to talks?')).toEqual([['US', 'united-states']]);
    expect(marks('China eastern provinces')).toEqual([['China', 'china']]);
  });
});

describe('a second review: other bodies and names that look like ours', () => {
  it.each([
    ['Security Council Secretary Sergei Shoigu arrived in Pyongyang', 'un-security-council'],
    ['Security Council Deputy Chairman Dmitry Medvedev warned the West', 'un-security-council'],
    ['the UK Cyber Security Council sets standards', 'un-security-council'],
    ['the Homeland Security Council was folded into the NSC', 'un-security-council'],
    ['the Maritime Security Council represents shipowners', 'un-security-council'],
    ['le conseil de sécurité du club a fermé la tribune', 'un-security-council'],
    ['el consejo de seguridad escolar se reunió', 'un-security-council'],
    ['Le Conseil de sécurité et de défense nationale ukrainien a imposé des sanctions', 'un-security-council'],
    ['el Consejo de Seguridad y Defensa Nacional de Ucrania', 'un-security-council'],
    ['Совет безопасности при президенте Белоруссии', 'un-security-council'],
    ['на заседании Совета безопасности при президенте', 'un-security-council'],
    ['le missile est tombé en mer du Japon', 'japan'],
    ['un misil cayó en el mar de Japón', 'japan'],
    ['aguas del Mar del Japón', 'japan'],
    ['frente a la Torre Trump', 'donald-trump'],
    ['у башни Трампа в Нью-Йорке', 'donald-trump'],
    ['в небоскрёбе Трамп-тауэр', 'donald-trump'],
    ['特朗普大厦位于纽约第五大道', 'donald-trump'],
    ['川普大樓位於紐約', 'donald-trump'],
    ['트럼프 타워에서 기자회견을 했다', 'donald-trump'],
    ['비건 식당이 늘었다', 'stephen-biegun'],
    ['Фред Вармбир выступил в конгрессе', 'otto-warmbier'],
    ['今日本当に疲れた', 'japan'],
    ['政府は今日本格的な対策に乗り出した', 'japan'],
    ['今日本报记者获悉', 'japan'],
    ['本日本会議で可決された', 'japan'],
    ['右派団体「日本会議」の関係者', 'japan'],
    ['selon France Inter, le gouvernement a réagi', 'france'],
    ['France Télévisions a diffusé le match', 'france'],
    ['sur France Culture ce matin', 'france'],
    ['France Info rapporte que', 'france'],
    ['France Bleu Alsace', 'france'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(marks(text).map(([, id]) => id)).not.toContain(entityId);
  });

  it('still marks France where the word after it names no outlet', () => {
    expect(marks('la France interdit les importations')).toEqual([['France', 'france']]);
    expect(marks('La France, culture et puissance')).toEqual([['France', 'france']]);
  });

  it('still marks 日本 where a comma or particle parts it from 今 and 会議', () => {
    expect(marks('今、日本は岐路に立つ')).toEqual([['日本', 'japan']]);
    expect(marks('日本の会議で')).toEqual([['日本', 'japan']]);
  });

  it('still marks the UN council however French and Spanish pages case it', () => {
    expect(marks('au Conseil de Sécurité')).toEqual([['Conseil de Sécurité', 'un-security-council']]);
    expect(marks('LE CONSEIL DE SÉCURITÉ SE RÉUNIT')).toEqual([['CONSEIL DE SÉCURITÉ', 'un-security-council']]);
    expect(marks('LE CONSEIL DE SECURITE SE REUNIT')).toEqual([['CONSEIL DE SECURITE', 'un-security-council']]);
    expect(marks('le conseil de sécurité de l’ONU')).toEqual([['conseil de sécurité de l’ONU', 'un-security-council']]);
    expect(marks('EL CONSEJO DE SEGURIDAD VOTÓ')).toEqual([['CONSEJO DE SEGURIDAD', 'un-security-council']]);
    expect(marks('el consejo de seguridad de la ONU')).toEqual([['consejo de seguridad de la ONU', 'un-security-council']]);
  });
});

describe('a second review: names as news pages write them', () => {
  it.each([
    ['Резолюция Совбеза ООН принята', 'Совбеза ООН', 'un-security-council'],
    ['в Совбезе ООН обсудили', 'Совбезе ООН', 'un-security-council'],
    ['доклад Совбезу ООН', 'Совбезу ООН', 'un-security-council'],
    ['принятая Совбезом ООН резолюция', 'Совбезом ООН', 'un-security-council'],
    ['The special rapporteur on the DPRK visited Tokyo', 'special rapporteur on the DPRK', 'special-rapporteur-dprk'],
    ['Специальный докладчик ООН по правам человека в КНДР призвал', 'Специальный докладчик ООН по правам человека в КНДР', 'special-rapporteur-dprk'],
    ['联合国朝鲜人权特别报告员表示', '朝鲜人权特别报告员', 'special-rapporteur-dprk'],
    ['聯合國北韓人權特別報告員呼籲', '北韓人權特別報告員', 'special-rapporteur-dprk'],
    ['北韓人權問題特別報告員', '北韓人權問題特別報告員', 'special-rapporteur-dprk'],
    ['ビーガン北朝鮮担当特別代表が訪韓した', 'ビーガン北朝鮮担当特別代表', 'stephen-biegun'],
    ['비건 특별대표는 판문점을 찾았다', '비건 특별대표', 'stephen-biegun'],
    ['비건 부장관이 말했다', '비건 부장관', 'stephen-biegun'],
    ['Спецпредставитель Стивен Бигэн прибыл в Сеул', 'Стивен Бигэн', 'stephen-biegun'],
    ['встреча с Бигэном', 'Бигэном', 'stephen-biegun'],
    ['Студент Отто Вармбир скончался', 'Отто Вармбир', 'otto-warmbier'],
    ['гибель Вармбира', 'Вармбира', 'otto-warmbier'],
    ['トランプ陣営は声明を出した', 'トランプ陣営', 'donald-trump'],
    ['トランプ次期政権の閣僚人事', 'トランプ次期政権', 'donald-trump'],
    ['川金新加坡峰會後', '新加坡峰會', 'singapore-summit'],
    ['河內峰會無果而終', '河內峰會', 'hanoi-summit'],
    ['싱가포르 북미 정상회담 7주년', '싱가포르 북미 정상회담', 'singapore-summit'],
    ['하노이 북미정상회담이 결렬됐다', '하노이 북미정상회담', 'hanoi-summit'],
    ['после ханойского саммита', 'ханойского саммита', 'hanoi-summit'],
    ['на сингапурском саммите', 'сингапурском саммите', 'singapore-summit'],
    ['die nordkoreanisch-russischen Beziehungen', 'nordkoreanisch', 'north-korea'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)).toEqual([[mention, entityId]]);
  });
});
