/**
 * Neutral filler vocabulary for the generated bench pages, per language:
 * everyday words about weather, food, gardens, trains and shops. Words that
 * could make or veto a mention are removed at start (see `fillerWords`).
 */
import type { Lang } from './aliases';

const RAW: Record<Lang, string> = {
  en: `weather morning garden river bakery market window coffee evening bicycle library museum kitchen recipe autumn summer winter spring
    train station platform ticket journey village harbour bridge tower street corner square fountain bench park meadow forest hill valley
    lake island coast beach sand shell wave cloud rain snow wind storm sunshine shadow light colour painting music concert theatre film
    novel chapter letter stamp parcel office desk chair table lamp carpet curtain shelf drawer cupboard plate bowl spoon fork knife cup
    bread butter cheese apple pear plum cherry lemon orange carrot potato onion garlic pepper salt sugar honey flour rice soup salad
    walked quietly slowly carefully brightly softly warm cold fresh early late often sometimes usually always never again together
    the of and with from under over near beside behind between through during after before because while although small large old
    new quiet busy green blue yellow red brown grey narrow wide long short heavy light simple gentle careful friendly local seasonal
    neighbours visitors children gardeners bakers travellers cyclists readers painters musicians cooks shoppers farmers fishermen
    opened closed planted painted baked cooked repaired cleaned carried counted described visited noticed collected arranged`,
  de: `Wetter Morgen Garten Fluss Bäckerei Markt Fenster Kaffee Abend Fahrrad Bibliothek Küche Rezept Herbst Sommer Winter Frühling
    Zug Bahnhof Bahnsteig Fahrkarte Reise Dorf Hafen Brücke Turm Straße Ecke Platz Brunnen Bank Wiese Wald Hügel Tal See Insel Küste
    Strand Wolke Regen Schnee Wind Sonne Schatten Licht Farbe Bild Musik Konzert Roman Kapitel Brief Paket Tisch Lampe Teppich Regal
    Teller Schüssel Löffel Gabel Tasse Brot Butter Käse Apfel Birne Kirsche Zitrone Karotte Kartoffel Zwiebel Salz Zucker Honig Mehl
    ging langsam leise sorgfältig warm kalt frisch früh spät oft manchmal immer wieder zusammen der die das und mit von unter über
    neben hinter zwischen durch nach vor weil während klein groß alt neu ruhig grün blau gelb rot braun grau schmal breit lang kurz
    Nachbarn Besucher Kinder Gärtner Bäcker Reisende Leser Maler Köche Bauern öffnete schloss pflanzte malte backte kochte reparierte`,
  fr: `temps matin jardin rivière boulangerie marché fenêtre café soir vélo bibliothèque cuisine recette automne été hiver printemps
    train gare quai billet voyage village port pont tour rue coin place fontaine banc prairie forêt colline vallée lac île côte plage
    nuage pluie neige vent soleil ombre lumière couleur tableau musique concert roman chapitre lettre colis table lampe tapis étagère
    assiette bol cuillère fourchette tasse pain beurre fromage pomme poire cerise citron carotte oignon sel sucre miel farine soupe
    marchait lentement doucement soigneusement chaud froid frais tôt tard souvent parfois toujours encore ensemble le la les et avec
    sous sur près derrière entre pendant après avant parce petit grand vieux neuf calme vert bleu jaune rouge brun gris étroit large
    voisins visiteurs enfants jardiniers boulangers voyageurs lecteurs peintres cuisiniers ouvrit ferma planta peignit cuisina`,
  es: `tiempo mañana jardín río panadería mercado ventana café tarde bicicleta biblioteca cocina receta otoño verano invierno primavera
    tren estación andén billete viaje pueblo puerto puente torre calle esquina plaza fuente banco pradera bosque colina valle lago
    isla costa playa nube lluvia nieve viento sol sombra luz color cuadro música concierto novela capítulo carta paquete mesa lámpara
    alfombra estante plato cuenco cuchara tenedor taza pan mantequilla queso manzana pera cereza limón zanahoria cebolla sal azúcar
    miel harina sopa caminaba despacio suavemente caliente frío fresco temprano siempre juntos el la los las y con bajo sobre cerca
    detrás entre durante después antes porque pequeño grande viejo nuevo tranquilo verde azul amarillo rojo marrón gris estrecho
    vecinos visitantes niños jardineros panaderos viajeros lectores pintores cocineros abrió cerró plantó pintó horneó cocinó`,
  ru: `погода утро сад река пекарня рынок окно кофе вечер велосипед библиотека кухня рецепт осень лето зима весна поезд вокзал
    платформа билет поездка деревня гавань мост башня улица угол площадь фонтан скамейка луг лес холм долина озеро остров берег
    пляж облако дождь снег ветер солнце тень свет цвет картина музыка концерт роман глава письмо посылка стол лампа ковёр полка
    тарелка миска ложка вилка чашка хлеб масло сыр яблоко груша вишня лимон морковь картофель лук соль сахар мёд мука суп салат
    шёл медленно тихо осторожно тёплый холодный свежий рано поздно часто иногда всегда снова вместе и с под над возле за между
    через после перед потому маленький большой старый новый спокойный зелёный синий жёлтый красный серый узкий широкий длинный
    соседи гости дети садовники пекари путешественники читатели художники повара открыл закрыл посадил нарисовал испёк сварил`,
  ko: `날씨 아침 정원 강 빵집 시장 창문 커피 저녁 자전거 도서관 부엌 요리법 가을 여름 겨울 봄 기차 기차역 승강장 표 여행 마을
    항구 다리 탑 거리 모퉁이 광장 분수 벤치 들판 숲 언덕 골짜기 호수 섬 해안 바닷가 구름 비 눈 바람 햇빛 그늘 빛 색깔 그림
    음악 공연 소설 편지 소포 책상 의자 식탁 등불 선반 접시 그릇 숟가락 젓가락 컵 빵 버터 치즈 사과 배 앵두 레몬 당근 감자
    양파 마늘 소금 설탕 꿀 밀가루 수프 천천히 조용히 조심스럽게 따뜻한 차가운 신선한 일찍 늦게 자주 가끔 언제나 다시 함께
    작은 큰 오래된 새로운 조용한 초록 파란 노란 빨간 회색 좁은 넓은 긴 짧은 이웃들 손님들 아이들 정원사 제빵사 여행자
    독자 화가 요리사 열었다 닫았다 심었다 그렸다 구웠다 요리했다 고쳤다 걸었다 보았다 모았다`,
  ja: `天気 朝 庭 川 パン屋 市場 窓 コーヒー 夕方 自転車 図書館 台所 料理 秋 夏 冬 春 電車 駅 ホーム 切符 旅 村 港 橋 塔 通り
    角 広場 噴水 草原 森 丘 谷 湖 島 海岸 浜辺 雲 雨 雪 風 日差し 影 光 色 絵 音楽 小説 手紙 小包 机 椅子 棚 皿 茶碗 箸 茶
    パン バター チーズ りんご なし さくらんぼ レモン にんじん じゃがいも たまねぎ 塩 砂糖 はちみつ 小麦粉 スープ ゆっくり
    静かに 丁寧に 暖かい 冷たい 新しい 古い 早く 遅く よく 時々 いつも また 一緒に 小さな 大きな 緑 青 黄色 赤 茶色 灰色
    近所の 子供たち 庭師 旅行者 読者 画家 料理人 開けた 閉めた 植えた 描いた 焼いた 作った 直した 歩いた 見た 集めた
    を に で と は が の も から まで より`,
  zh: `天气 早晨 花园 河流 面包店 市场 窗户 咖啡 傍晚 自行车 图书馆 厨房 菜谱 秋天 夏天 冬天 春天 火车 车站 站台 车票 旅行
    村庄 港口 桥 塔 街道 角落 广场 喷泉 长椅 草地 森林 山丘 山谷 湖泊 岛屿 海岸 沙滩 云 雨 雪 风 阳光 影子 光 颜色 图画 音乐
    小说 书信 包裹 桌子 椅子 台灯 书架 盘子 碗 勺子 筷子 茶杯 面包 黄油 奶酪 苹果 梨 樱桃 柠檬 胡萝卜 土豆 洋葱 盐 糖 蜂蜜
    面粉 汤 沙拉 慢慢地 安静地 仔细地 温暖的 寒冷的 新鲜的 很早 很晚 经常 有时 总是 再次 一起 小的 大的 旧的 新的 绿色
    蓝色 黄色 红色 灰色 邻居们 游客们 孩子们 园丁 面包师 旅行者 读者 画家 厨师 打开 关上 种下 画了 烤了 做了 修好 走过
    看见 收集 在 和 的 了 是 也 从 到`,
};

/**
 * Phrases that look like mentions and are not (the look-alikes of the matcher's
 * rules, and ordinary words that start an alias), mixed into the filler so the
 * scan meets the near misses of real pages. None may be marked: `ours` against
 * `plant` in the bench's table checks that at scale.
 */
export const LOOKALIKES: Record<Lang, readonly string[]> = {
  en: [
    'South Korea',
    'the Korean peninsula',
    'the National Security Council',
    'the national security council',
    'Kim said',
    'a trump card',
    'the china cabinet',
    'the South China Sea',
    "the firm's security council",
    'the Security Council of Ukraine',
    'North Carolina',
    'United Airlines',
    'human rights',
    'President Lincoln',
    'Korean food',
    'King Street',
  ],
  de: ['Südkorea', 'die koreanische Halbinsel', 'der Nationale Sicherheitsrat', 'Menschenrechte'],
  fr: ['la Corée du Sud', 'le Conseil de sécurité nationale', 'les droits humains'],
  es: ['Corea del Sur', 'el Consejo de Seguridad Nacional', 'los derechos humanos'],
  ru: ['Южная Корея', 'Корейский полуостров', 'права человека'],
  ko: ['남한', '한반도', '남북한'],
  ja: ['韓国', '朝鮮半島', '人間'],
  zh: ['韩国', '朝鲜半岛', '南朝鲜'],
};

/** Languages written without spaces between words. */
export const NO_SPACES: ReadonlySet<Lang> = new Set(['ja', 'zh']);

/**
 * The filler words of a language with every word that contains an alias, is
 * a word of an alias (so no alias can form across filler words), or is one of
 * the words that veto an alias ("National", 半岛), left out.
 */
export function fillerWords(lang: Lang, forbidden: readonly string[]): string[] {
  const words = RAW[lang].split(/\s+/).filter((word) => word !== '');
  const lowered = forbidden.map((text) => text.toLowerCase());
  return words.filter((word) => {
    const lower = word.toLowerCase();
    return !lowered.some((bad) => lower.includes(bad) || (NO_SPACES.has(lang) && bad.includes(lower) && lower.length > 1));
  });
}
