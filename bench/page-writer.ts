/**
 * The text of the bench's generated pages: a writer seeded once per page (so
 * every run writes the same bytes) that writes neutral filler in each alias
 * language with real alias strings planted in it, inline markup, near misses
 * (filler.ts, LOOKALIKES) and text no one should mark, and counts the
 * mentions it plants.
 */
import type { AliasData, BenchAlias, Lang } from './aliases';
import { fillerWords, LOOKALIKES, NO_SPACES } from './filler';

/** The same sequence on every run: mulberry32. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const KOREAN_PARTICLES = ['', '', '', '은', '는', '의', '에서', '이', '가', '을', '를', '와', '도'];
/** The share of sentences that carry a near miss (filler.ts, LOOKALIKES). */
const LOOKALIKE_RATE = 0.2;
const INLINE_TAGS = ['a href="#"', 'strong', 'em', 'b', 'i', 'span class="hl"', 'q', 'abbr'];

/** Writes text for one page; counts the mentions it plants. */
export class Writer {
  planted = 0;
  /** How often each alias text was planted. */
  readonly plantedByAlias = new Map<string, number>();
  private readonly random: () => number;
  private readonly byLang: Map<Lang, BenchAlias[]>;
  private readonly words: Map<Lang, string[]>;
  /** Per language: a test for filler that holds an alias (or a veto word) once words are joined. */
  private readonly holdsAlias: Map<Lang, RegExp>;

  constructor(seed: number, data: AliasData, forbidden: string[]) {
    this.random = prng(seed);
    this.byLang = new Map();
    this.words = new Map();
    this.holdsAlias = new Map();
    for (const alias of data.aliases) {
      const list = this.byLang.get(alias.lang) ?? [];
      list.push(alias);
      this.byLang.set(alias.lang, list);
    }
    for (const lang of this.byLang.keys()) {
      this.words.set(lang, fillerWords(lang, forbidden));
      // Spaced scripts: only long strings can form across words; CJK and Hangul: any.
      const relevant = forbidden.filter((text) => text.length >= (NO_SPACES.has(lang) || lang === 'ko' ? 2 : 4));
      const source = relevant.map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      this.holdsAlias.set(lang, new RegExp(source, 'i'));
    }
  }

  float(): number {
    return this.random();
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.random() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  word(lang: Lang): string {
    return this.pick(this.words.get(lang) ?? []);
  }

  /** Plain filler words, checked to hold no alias even across word joins. */
  plain(lang: Lang, count: number): string {
    const sep = NO_SPACES.has(lang) ? '' : ' ';
    const holdsAlias = this.holdsAlias.get(lang);
    for (;;) {
      const text = Array.from({ length: count }, () => this.word(lang)).join(sep);
      if (!holdsAlias?.test(text)) return text;
    }
  }

  /** One alias of the language as HTML, now and then inside (or split across) inline markup. */
  mention(lang: Lang, markup = true): string {
    const alias = this.pick(this.byLang.get(lang) ?? []);
    this.planted++;
    this.plantedByAlias.set(alias.text, (this.plantedByAlias.get(alias.text) ?? 0) + 1);
    let html = escapeHtml(alias.text);
    const roll = this.float();
    if (markup && alias.words > 1 && roll < 0.12) {
      // "North <em>Korea</em>": the phrase runs across an inline element.
      const [first, ...rest] = alias.text.split(' ');
      html = `${escapeHtml(first ?? '')} <em>${escapeHtml(rest.join(' '))}</em>`;
    } else if (markup && roll < 0.45) {
      const tag = this.pick(INLINE_TAGS);
      html = `<${tag}>${html}</${tag.split(' ')[0]}>`;
    }
    if (lang === 'ko') html += this.pick(KOREAN_PARTICLES);
    return html;
  }

  /** A sentence of filler with inline markup; each slot holds a mention with `mentionRate`. */
  sentence(lang: Lang, mentionRate: number, markup = true): string {
    const noSpaces = NO_SPACES.has(lang);
    const parts: string[] = [];
    const length = this.int(6, 16);
    let mentions = this.chance(mentionRate) ? 1 : 0;
    if (mentions > 0 && this.chance(mentionRate)) mentions++;
    const mentionAt = new Set(Array.from({ length: mentions }, () => this.int(0, length - 1)));
    // A near miss in one sentence of five, where no mention stands.
    const lookalikeAt = this.chance(LOOKALIKE_RATE) ? this.int(0, length - 1) : -1;
    for (let i = 0; i < length; i++) {
      if (mentionAt.has(i)) {
        parts.push(this.mention(lang, markup));
        continue;
      }
      if (i === lookalikeAt) {
        parts.push(escapeHtml(this.pick(LOOKALIKES[lang])));
        continue;
      }
      const run = this.int(1, 3);
      let text = escapeHtml(this.plain(lang, run));
      if (i === 0 && !noSpaces) text = text.charAt(0).toUpperCase() + text.slice(1);
      if (markup && this.chance(0.08)) {
        const tag = this.pick(INLINE_TAGS);
        text = `<${tag}>${text}</${tag.split(' ')[0]}>`;
      }
      parts.push(text);
      i += run - 1;
    }
    const end = noSpaces ? '。' : this.pick(['.', '.', '.', '!', '?', ';']);
    return `${parts.join(noSpaces ? '' : ' ')}${end}`;
  }

  paragraph(lang: Lang, sentences: number, mentionRate: number): string {
    return Array.from({ length: sentences }, () => this.sentence(lang, mentionRate)).join(NO_SPACES.has(lang) ? '' : ' ');
  }

  /** Text that no one should mark (it goes into script, JSON, pre, code…): holds aliases, not counted. */
  unscanned(lang: Lang, words: number): string {
    const before = this.planted;
    const text = Array.from({ length: Math.ceil(words / 6) }, () => `${this.plain(lang, 5)} ${this.pick(this.byLang.get(lang) ?? []).text}`).join(' ');
    this.planted = before;
    return text;
  }
}
