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

describe('forms of our names that on-topic pages write', () => {
  it.each([
    ['the Democratic Peoples Republic of Korea', 'Democratic Peoples Republic of Korea', 'north-korea'],
    ['U.N.S.C. Resolution 2397 (2017)', 'U.N.S.C.', 'un-security-council'],
    ['the U.N.S.C.’s sanctions committee', 'U.N.S.C.', 'un-security-council'],
    // Not "Kim Jong-\nun", a line a plain-text page breaks after the hyphen: an alias "Kim Jong- un" would
    // find it, but its lone word "un" would also make the popup's search answer "UN" with Kim Jong-un.
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)[0]).toEqual([mention, entityId]);
  });

  it.each([
    ['North Korea’s nuclear program', 'North Korea', 'north-korea'],
    ['the DPRK’s delegation', 'DPRK', 'north-korea'],
    ['N. Korea fires missile', 'N. Korea', 'north-korea'],
    ['N.Korea fires missile', 'N.Korea', 'north-korea'],
    ['Pyongyang’s response', 'Pyongyang', 'north-korea'],
    ['the UNSC’s sanctions committee', 'UNSC', 'un-security-council'],
    ['Kim Jong Un met the envoy', 'Kim Jong Un', 'kim-jong-un'],
    ['Kim Jong-Un met the envoy', 'Kim Jong-Un', 'kim-jong-un'],
    ['Kim Jong-un’s sister', 'Kim Jong-un', 'kim-jong-un'],
    ['the Singapore summit in June 2018', 'Singapore summit', 'singapore-summit'],
    ['the Hanoi Summit collapsed', 'Hanoi Summit', 'hanoi-summit'],
    ['North\nKorea', 'North\nKorea', 'north-korea'],
    ['the Security\nCouncil', 'Security\nCouncil', 'un-security-council'],
    ['North Korean defectors testified', 'North Korean', 'north-korea'],
    ['Nordkorea feuert Rakete ab', 'Nordkorea', 'north-korea'],
    ['Der Sicherheitsrat tagte', 'Sicherheitsrat', 'un-security-council'],
    ['La Corée du Nord a tiré un missile', 'Corée du Nord', 'north-korea'],
    ['le Conseil de sécurité a condamné', 'Conseil de sécurité', 'un-security-council'],
    ['Северная Корея запустила ракету', 'Северная Корея', 'north-korea'],
    ['Совбез ООН обсудил', 'Совбез ООН', 'un-security-council'],
    ['북한은 이날 탄도미사일을 발사했다', '북한', 'north-korea'],
    ['북한의 인권 상황', '북한', 'north-korea'],
    ['북한과 미국은', '북한', 'north-korea'],
    ['유엔 안보리는 결의를 채택했다', '유엔 안보리', 'un-security-council'],
    ['国連安全保障理事会は', '国連安全保障理事会', 'un-security-council'],
    ['安保理は非公開会合を開いた', '安保理', 'un-security-council'],
    ['联合国安理会通过决议', '联合国安理会', 'un-security-council'],
    ['安理会举行会议', '安理会', 'un-security-council'],
  ])('already finds "%s"', (text, mention, entityId) => {
    expect(marks(text)[0]).toEqual([mention, entityId]);
  });

  it('marks the countries beside a hyphen, and the UK of "UK-based"', () => {
    expect(marks('U.S.-North Korea talks')).toEqual([
      ['U.S.', 'united-states'],
      ['North Korea', 'north-korea'],
    ]);
    expect(marks('US-DPRK relations')).toEqual([
      ['US', 'united-states'],
      ['DPRK', 'north-korea'],
    ]);
    expect(marks('the UK-based charity Open Doors')).toEqual([['UK', 'united-kingdom']]);
  });
});

describe('Korean news wording', () => {
  it.each([
    // The article's "North Korean people", written as one word as Korean news often writes it (북한인권 is listed too).
    ['북한주민들의 인권 상황은 최악이다', '북한주민들', 'north-korea'],
    ['북한주민의 탈북이 이어졌다', '북한주민', 'north-korea'],
    ['북한에서조차 비판이 나왔다', '북한', 'north-korea'],
    ['북한으로도 전달됐다', '북한', 'north-korea'],
    ['트럼프로도 어쩔 수 없었다', '트럼프', 'donald-trump'],
    ['평양까지는 200km다', '평양', 'north-korea'],
    ['안보리까지의 절차', '안보리', 'un-security-council'],
    ['미국부터는 입장을 바꿨다', '미국', 'united-states'],
    ['북한밖에 없다', '북한', 'north-korea'],
    ['북한한테서 답이 왔다', '북한', 'north-korea'],
    ['북한에서처럼 탄압한다', '북한', 'north-korea'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)[0]).toEqual([mention, entityId]);
  });

  it.each([
    ['조선일보에 따르면', 'north-korea'],
    ['조선 시대의 왕실 문화', 'north-korea'],
    ['조선족 동포들이 연변에 산다', 'north-korea'],
    ['한국 정부는 유감을 표명했다', 'north-korea'],
    ['남한과 북한은', 'south-korea'],
    ['북한산에 올랐다', 'north-korea'],
    ['북한강 유역', 'north-korea'],
    ['김여정 부부장은 담화를 발표했다', 'kim-jong-un'],
    ['김정일 국방위원장이 사망했다', 'kim-jong-un'],
    ['김일성 주석의 생일', 'kim-jong-un'],
    ['김대중 대통령은 햇볕정책을 추진했다', 'kim-jong-un'],
    ['국가안전보장회의(NSC)가 소집됐다', 'un-security-council'],
  ])('does not take "%s" for %s', (text, entityId) => {
    expect(ids(text)).not.toContain(entityId);
  });

  it('marks North Korea beside the South in Korean', () => {
    expect(marks('남한과 북한은 정상회담을 열었다')).toEqual([['북한', 'north-korea']]);
  });
});

describe('Taiwan, the Republic of China', () => {
  it.each([
    ['The Republic of China (Taiwan) protested'],
    ['President of the Republic of China Tsai Ing-wen'],
    ['中華民國外交部發表聲明'],
    ['中华民国国军'],
    ['中國國民黨主席朱立倫表示'],
    ['中国国民党主席访问大陆'],
    ['據中國時報報導'],
    ['中国时报报道'],
    ['according to the China Times, a Taipei daily'],
  ])('does not take "%s" for the People’s Republic', (text) => {
    expect(ids(text)).not.toContain('china');
  });

  it('still marks China beside them, and in the South China Sea only the country', () => {
    expect(marks('中國國民黨主席訪問中國')).toEqual([['中國', 'china']]);
    expect(marks('China’s claims in the South China Sea')).toEqual([['China', 'china']]);
    expect(marks('中国共产党和中国政府')).toEqual([
      ['中国', 'china'],
      ['中国', 'china'],
    ]);
  });
});

describe('the other Kims, Trumps and Kings of Korea news', () => {
  it.each([
    ['Kim Yo-jong, the sister of the leader, issued a statement'],
    ['Kim Yo Jong warned Seoul'],
    ['Kim Il-sung founded the state in 1948'],
    ['Kim Il Sung Square hosted a parade'],
    ['Kim Jong-il died in December 2011'],
    ['Kim Jong Il’s funeral'],
    ['Kim Jong-nam was killed at Kuala Lumpur airport'],
    ['Kim Dae-jung won the Nobel Peace Prize in 2000'],
    ['Kim Kardashian visited the White House'],
    ['金与正发表谈话'],
    ['金正日総書記の死去'],
    ['金日成广场'],
    ['김여정 부부장은 담화를 발표했다'],
  ])('does not take "%s" for Kim Jong-un', (text) => {
    expect(ids(text)).not.toContain('kim-jong-un');
  });

  it.each([
    ['Donald Trump Jr. tweeted about the summit'],
    ['Trump Jr. spoke at the convention'],
    ['Melania Trump visited a school'],
    ['Ivanka Trump attended the closing ceremony of the PyeongChang Olympics'],
    ['Fred Trump built apartments in Queens'],
    ['the view from Trump Tower'],
  ])('does not take "%s" for Donald Trump', (text) => {
    expect(ids(text)).not.toContain('donald-trump');
  });

  it('marks Trump in "the Trump administration", as the article names his government', () => {
    expect(marks('The Trump administration imposed new sanctions')).toEqual([['Trump', 'donald-trump']]);
    expect(marks('Trump-era sanctions')).toEqual([['Trump', 'donald-trump']]);
  });

  it('marks Robert R. King by his full name or his office only: "Robert King" and "King" name others too', () => {
    expect(marks('Robert R. King, former U.S. Special Envoy for North Korea Human Rights')).toEqual([
      ['Robert R. King', 'robert-r-king'],
      ['U.S.', 'united-states'],
      ['North Korea', 'north-korea'],
    ]);
    expect(marks('special envoy Robert King said')).toEqual([['special envoy Robert King', 'robert-r-king']]);
    for (const text of ['Robert King, a Democratic state senator, introduced a bill', 'Stephen King’s new novel', 'Martin Luther King Day'])
      expect(marks(text), text).toEqual([]);
  });

  it('does not take Otto alone for Otto Warmbier, and marks the envoys by their surname', () => {
    expect(marks('Otto came home late')).toEqual([]);
    expect(marks('Heusgen now chairs the Munich Security Conference')).toEqual([['Heusgen', 'christoph-heusgen']]);
    expect(marks('Biegun’s trip to Seoul')).toEqual([['Biegun', 'stephen-biegun']]);
  });
});

describe('Korea’s other names, papers and firms', () => {
  it.each([
    ['Tensions on the Korean Peninsula rose after the launch'],
    ['The Republic of Korea and Japan held talks'],
    ['ROK forces conducted exercises'],
    ['The Korea Herald reported that the talks stalled'],
    ['The Korea Times said Seoul would respond'],
    ['Veterans of the Korean War gathered'],
    ['Korean Air suspended flights'],
    ['inter-Korean talks between the two Koreas'],
    ['朝鮮半島の非核化'],
    ['韓国政府は遺憾の意を表明した'],
    ['在日朝鮮人の歴史'],
    ['朝鲜半岛无核化'],
    ['韩国政府表示遗憾'],
    ['延边朝鲜族自治州'],
  ])('does not take "%s" for North Korea', (text) => {
    expect(ids(text)).not.toContain('north-korea');
  });

  it('marks South Korea’s seat on the UN council as the UN’s: so "South Korea’s Security Council" is left marked', () => {
    // South Korea sat on the council in 1996–97, 2013–14 and 2024–25; its own is the National Security Council.
    expect(marks('South Korea’s Security Council term ends in 2025')).toEqual([['Security Council', 'un-security-council']]);
    expect(marks('South Korea’s National Security Council met')).toEqual([]);
  });

  it('keeps the think tank Security Council Report marked: it writes about the UN’s council only', () => {
    expect(marks('Security Council Report, a New York think tank, published its forecast')).toEqual([['Security Council', 'un-security-council']]);
  });
});

describe('the summits and Kim Jong-un as other languages write them', () => {
  it.each([
    ['das Kim-Jong-un-Regime', 'Kim-Jong-un', 'kim-jong-un'],
    ['die Kim-Jong-Un-Diktatur', 'Kim-Jong-Un', 'kim-jong-un'],
    ['das Gipfeltreffen in Singapur', 'Gipfeltreffen in Singapur', 'singapore-summit'],
    ['beim Gipfeltreffen in Hanoi', 'Gipfeltreffen in Hanoi', 'hanoi-summit'],
    ['le sommet Trump-Kim de Singapour', 'sommet Trump-Kim de Singapour', 'singapore-summit'],
    ['le sommet Trump-Kim à Hanoï', 'sommet Trump-Kim à Hanoï', 'hanoi-summit'],
    ['新加坡特金会之后', '新加坡特金会', 'singapore-summit'],
    ['河内特金会破裂', '河内特金会', 'hanoi-summit'],
    ['新加坡川金會後', '新加坡川金會', 'singapore-summit'],
    ['河內川金會破局', '河內川金會', 'hanoi-summit'],
    ['シンガポールでの米朝首脳会談の後', 'シンガポールでの米朝首脳会談', 'singapore-summit'],
    ['ハノイでの米朝首脳会談は決裂した', 'ハノイでの米朝首脳会談', 'hanoi-summit'],
  ])('finds the mention in "%s"', (text, mention, entityId) => {
    expect(marks(text)[0]).toEqual([mention, entityId]);
  });

  it('leaves the ASEAN summits in Singapore and Hanoi alone in German', () => {
    expect(ids('das ASEAN-Gipfeltreffen in Singapur')).not.toContain('singapore-summit');
    expect(ids('das ASEAN-Gipfeltreffen in Hanoi')).not.toContain('hanoi-summit');
  });
});
