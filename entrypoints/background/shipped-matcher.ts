/**
 * The matcher as sent to content scripts: the one compiled at build time,
 * less the kinds of names the reader chose not to mark. The text for the
 * choice in force is written once and kept (every page and frame asks at
 * load, and a page compares the text it gets with the one it marks with, so
 * the same choice must give the same text); one at a time, as a reader
 * changes the choice seldom and each is some 42 kB.
 */
import compiledMatcherJson from 'virtual:compiled-matcher';
import type { EntityKind } from '../../data/schema';
import type { CompiledMatcher } from '../../utils/matcher/compile';
import { withoutKinds } from '../../utils/matcher/without-kinds';

let written: { key: string; json: string } | undefined;

/**
 * The matcher for a choice of kinds, with its key, which names it: a page compares keys, not the texts,
 * which it would have to keep.
 */
export function shippedMatcher(unmarkedKinds: readonly EntityKind[] = []): { matcher: string; matcherKey: string } {
  const key = [...unmarkedKinds].sort().join(' ');
  if (key === '') return { matcher: compiledMatcherJson, matcherKey: key };
  if (written?.key !== key) {
    const compiled = JSON.parse(compiledMatcherJson) as CompiledMatcher;
    written = { key, json: JSON.stringify(withoutKinds(compiled, new Set(unmarkedKinds))) };
  }
  return { matcher: written.json, matcherKey: key };
}
