/**
 * Every message between content script, popup and background: one union of
 * requests and the response each one gets, both validated where received.
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../data/schema';

const Id = v.pipe(v.string(), v.maxLength(100), v.regex(/^[a-z0-9-]+$/));
const Text = v.pipe(v.string(), v.maxLength(20_000));

const RequestSchema = v.variant('type', [
  /** An entity's card: its facts with their quotes, and related entities. */
  v.strictObject({ type: v.literal('lookup-entity'), entityId: Id }),
  /** Free-text search over entities and facts, for the popup. */
  v.strictObject({ type: v.literal('search'), query: v.pipe(v.string(), v.maxLength(200)) }),
  /** The article's dated facts in order. */
  v.strictObject({ type: v.literal('timeline') }),
  /** Whether the extension is on for the site of the sender's tab; where it is, the answer carries the matcher. */
  v.strictObject({ type: v.literal('site-status') }),
  /**
   * From a content script that runs in a page and reads nothing of it (the page opted out, or it is an SVG or
   * XML document): it runs there, so the tab needs no reload (entrypoints/background/tabs-before-install.ts).
   */
  v.strictObject({ type: v.literal('page-not-read') }),
  /** Whether the extension is on for a site the popup names. */
  v.strictObject({ type: v.literal('site-status-for'), site: v.pipe(v.string(), v.maxLength(300)) }),
  /** Turns a site on or off; accepted from the extension's own pages only. */
  v.strictObject({ type: v.literal('set-site-enabled'), site: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), enabled: v.boolean() }),
  /** Where facts are served from, and what went wrong if not from IndexedDB. */
  v.strictObject({ type: v.literal('storage-status') }),
  /** The kinds of names the reader chose not to mark, for the popup. */
  v.strictObject({ type: v.literal('marked-kinds') }),
  /** Marks one kind of names on pages or not, on every site; accepted from the extension's own pages only. */
  v.strictObject({ type: v.literal('set-kind-marked'), kind: v.picklist(ENTITY_KINDS), marked: v.boolean() }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

const EntityRefSchema = v.strictObject({ id: Id, name: Text, kind: v.picklist(ENTITY_KINDS) });

export const FactViewSchema = v.strictObject({
  id: Id,
  claim: Text,
  quotes: v.array(Text),
  date: v.optional(v.string()),
  dateEnd: v.optional(v.string()),
  attributedTo: v.optional(EntityRefSchema),
});
export type FactView = v.InferOutput<typeof FactViewSchema>;

export const EntityCardSchema = v.strictObject({
  id: Id,
  kind: v.picklist(ENTITY_KINDS),
  name: Text,
  description: Text,
  facts: v.array(FactViewSchema),
  related: v.array(EntityRefSchema),
});
export type EntityCard = v.InferOutput<typeof EntityCardSchema>;

const siteStatusEntries = {
  site: v.nullable(v.string()),
  enabled: v.boolean(),
  /** Set when stored settings could not be read; they were kept aside, not lost. */
  settingsProblem: v.optional(Text),
};
export const SiteStatusSchema = v.strictObject(siteStatusEntries);
export type SiteStatus = v.InferOutput<typeof SiteStatusSchema>;

/**
 * The answer a content script gets: the site's status and, where it is on, the matcher (utils/matcher/shipped.ts)
 * with its key: the same key, the same matcher (entrypoints/background/shipped-matcher.ts), so a page tells a
 * new one from the one it marks with without keeping that one's text.
 */
export const PageStatusSchema = v.strictObject({
  ...siteStatusEntries,
  matcher: v.optional(v.pipe(v.string(), v.maxLength(1_000_000))),
  matcherKey: v.optional(v.string()),
});
export type PageStatus = v.InferOutput<typeof PageStatusSchema>;

/** An entity that matched (with its description), or one of its facts that matched. */
export const SearchHitSchema = v.strictObject({ entity: EntityRefSchema, description: v.optional(Text), fact: v.optional(FactViewSchema) });
export type SearchHit = v.InferOutput<typeof SearchHitSchema>;

export const StorageStatusSchema = v.strictObject({ mode: v.picklist(['indexeddb', 'memory']), problem: v.optional(Text) });
export type StorageStatus = v.InferOutput<typeof StorageStatusSchema>;

export const EntityLookupSchema = v.strictObject({ card: v.nullable(EntityCardSchema) });
/** The words of a query that nothing in the article holds, left out to find the rest ("covid-19" as "covid"). */
const MAX_LEFT_OUT_WORDS = 20;
export const SearchAnswerSchema = v.strictObject({
  hits: v.array(SearchHitSchema),
  leftOut: v.optional(v.pipe(v.array(Text), v.maxLength(MAX_LEFT_OUT_WORDS))),
  /** No fact holds every word searched: the hits hold some of them, the most first. */
  holdingSome: v.optional(v.literal(true)),
});
export type SearchAnswer = v.InferOutput<typeof SearchAnswerSchema>;
export const TimelineSchema = v.strictObject({ facts: v.array(FactViewSchema) });
/** The answer to a note that carries no question. */
export const NotedSchema = v.strictObject({});
/** The kinds not marked, and, as with a site's status, why stored settings could not be read (the popup's pages with no site ask only this). */
export const MarkedKindsSchema = v.strictObject({ unmarkedKinds: v.array(v.picklist(ENTITY_KINDS)), settingsProblem: v.optional(Text) });
export type MarkedKinds = v.InferOutput<typeof MarkedKindsSchema>;

/**
 * The schema of the answer to each request type. Senders name the one schema
 * they need, so the content script carries only the schemas it uses.
 */
export const ResponseSchemas = {
  'lookup-entity': EntityLookupSchema,
  search: SearchAnswerSchema,
  timeline: TimelineSchema,
  'site-status': PageStatusSchema,
  'page-not-read': NotedSchema,
  'site-status-for': SiteStatusSchema,
  'set-site-enabled': SiteStatusSchema,
  'storage-status': StorageStatusSchema,
  'marked-kinds': MarkedKindsSchema,
  'set-kind-marked': MarkedKindsSchema,
} satisfies Record<RequestType, v.GenericSchema>;

export type ResponseFor<T extends RequestType> = v.InferOutput<(typeof ResponseSchemas)[T]>;

/** What the background answers when it cannot serve a valid request. */
export const ErrorResponseSchema = v.strictObject({ error: Text });

/** Parses an incoming request; undefined for anything that is not one. */
export function parseRequest(message: unknown): Request | undefined {
  const result = v.safeParse(RequestSchema, message);
  return result.success ? result.output : undefined;
}
