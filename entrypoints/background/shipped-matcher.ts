/**
 * The matcher as sent to content scripts: the one compiled at build time,
 * less the kinds of names the reader chose not to mark. Each choice is
 * written once and kept: every page and frame asks at load, and a page
 * compares the text it gets with the one it marks with, so the same choice
 * must give the same text.
 */
import compiledMatcherJson from 'virtual:compiled-matcher';
import type { EntityKind } from '../../data/schema';
import type { CompiledMatcher } from '../../utils/matcher/compile';
import { withoutKinds } from '../../utils/matcher/without-kinds';

const written = new Map<string, string>();

export function shippedMatcher(unmarkedKinds: readonly EntityKind[] = []): string {
  const key = [...unmarkedKinds].sort().join(' ');
  let json = written.get(key);
  if (json === undefined) {
    json = key === '' ? compiledMatcherJson : JSON.stringify(withoutKinds(JSON.parse(compiledMatcherJson) as CompiledMatcher, new Set(unmarkedKinds)));
    written.set(key, json);
  }
  return json;
}
