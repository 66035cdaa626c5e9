/**
 * The shape of the bundled facts pack. `data/validate.ts` adds the checks a
 * schema cannot express (quotes found in the article, links that resolve).
 */
import * as v from 'valibot';

export const ENTITY_KINDS = ['organisation', 'state', 'person', 'event', 'document', 'topic'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ALIAS_LANGS = ['en', 'ko', 'ja', 'zh', 'fr', 'de', 'es', 'ru'] as const;

/** Topics of the article that the facts must cover; the checklist test walks this list. */
export const FACT_TOPICS = [
  'closed-virtual-session-2020',
  'sessions-2014-2017',
  'commission-of-inquiry-report',
  'no-session-2018',
  'blocked-session-2019',
  'why-december',
  'eight-signatories',
  'statement-reader',
  'statement-rights',
  'prison-camps',
  'forced-repatriation',
  'special-rapporteur',
  'us-reversal',
  'summits',
  'letters',
  'prisoners',
  'warmbier',
  'stockholm',
  'hrw-quote',
  'north-quote',
  'author',
] as const;

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lower-case words joined by hyphens'));

/** ISO 8601 to the precision the article supports: a year, a month or a day. */
export const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD'));

export const AliasSchema = v.strictObject({
  text: v.pipe(v.string(), v.minLength(2)),
  lang: v.picklist(ALIAS_LANGS),
  /** Match only with this exact case ("US", "China", "Trump"). Default: any case. */
  caseSensitive: v.optional(v.boolean()),
  /** An acronym that is not taken inside a run of capital words (a shouted headline). */
  acronym: v.optional(v.boolean()),
  /** Too often something else: the matcher leaves it unmarked. */
  ambiguous: v.optional(v.boolean()),
  /** Words that, right before the alias, make it another thing ("National" Security Council). */
  notAfterWords: v.optional(v.array(v.string())),
  /** Words that, right after the alias, make it another thing (朝鲜 "半岛", Совет Безопасности "России"). */
  notBeforeWords: v.optional(v.array(v.string())),
});
export type Alias = v.InferOutput<typeof AliasSchema>;

export const EntitySchema = v.strictObject({
  id: Id,
  kind: v.picklist(ENTITY_KINDS),
  name: v.pipe(v.string(), v.minLength(2)),
  /** One line, in the article's own terms. */
  description: v.pipe(v.string(), v.minLength(10)),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1)),
  related: v.array(Id),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const FactSchema = v.strictObject({
  id: Id,
  /** One claim in plain words. */
  claim: v.pipe(v.string(), v.minLength(10)),
  /** Verbatim spans of data/article.md the claim rests on. */
  quotes: v.pipe(v.array(v.pipe(v.string(), v.minLength(8))), v.minLength(1)),
  date: v.optional(IsoDate),
  /** Last day, month or year of a range. */
  dateEnd: v.optional(IsoDate),
  /** Who makes the claim, where the article attributes it; the author otherwise. */
  attributedTo: v.optional(Id),
  entities: v.pipe(v.array(Id), v.minLength(1)),
  topics: v.array(v.picklist(FACT_TOPICS)),
});
export type Fact = v.InferOutput<typeof FactSchema>;

export const EntitiesFileSchema = v.array(EntitySchema);
export const FactsFileSchema = v.array(FactSchema);

export const MendSchema = v.strictObject({
  /** Text as the extraction has it, white space ignored. */
  from: v.string(),
  /** Text as data/article.md has it. */
  to: v.string(),
  why: v.pipe(v.string(), v.minLength(5)),
});
export const MendsFileSchema = v.array(MendSchema);
export type Mend = v.InferOutput<typeof MendSchema>;
