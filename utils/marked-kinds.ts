/**
 * Which kinds of names are marked on pages. Every kind is, until the reader
 * turns one off in the popup's key (country names make most of the marks on
 * a news page: a reader who knows them may keep to the people and bodies).
 * The choice holds on every site; the background then sends pages a matcher
 * that finds no name of those kinds (utils/matcher/without-kinds.ts).
 */
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import type { SiteSettings } from './site';

/** The kinds not marked, with one kind marked or not; the input is left as it was. The list keeps the kinds' own order. */
export function unmarkedWith(unmarkedKinds: readonly EntityKind[], kind: EntityKind, marked: boolean): EntityKind[] {
  const unmarked = new Set(unmarkedKinds);
  if (marked) unmarked.delete(kind);
  else unmarked.add(kind);
  return ENTITY_KINDS.filter((each) => unmarked.has(each));
}

/** The settings with one kind marked or not; the input is left as it was. */
export function withKindMarked(settings: SiteSettings, kind: EntityKind, marked: boolean): SiteSettings {
  return { ...settings, unmarkedKinds: unmarkedWith(settings.unmarkedKinds ?? [], kind, marked) };
}
