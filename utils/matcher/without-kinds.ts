/**
 * The compiled matcher without the aliases of some kinds of names, for a
 * reader who chose not to mark them. Their rules leave the tree's nodes, so a
 * longer alias of a kind left out no longer wins over a shorter one kept: with
 * topics left out, "North Korean prison camps" is marked as "North Korean",
 * the state. The prefilter is kept: a place it lets through that no alias
 * matches any more costs one walk of the tree.
 */
import type { EntityKind } from '../../data/schema';
import type { CompiledMatcher, PackedNode } from './compile';

export function withoutKinds(compiled: CompiledMatcher, kinds: ReadonlySet<EntityKind>): CompiledMatcher {
  if (kinds.size === 0) return compiled;
  const leftOut = new Set<number>();
  compiled.rules.forEach(([entity], index) => {
    const kind = compiled.entities[entity]?.[1];
    if (kind !== undefined && kinds.has(kind)) leftOut.add(index);
  });
  const prune = ([rules, ...edges]: PackedNode): PackedNode => {
    const kept = rules === 0 ? [] : rules.filter((rule) => !leftOut.has(rule));
    return [kept.length > 0 ? kept : 0, ...edges.map((edge) => (typeof edge === 'string' ? edge : prune(edge)))];
  };
  return { ...compiled, tree: prune(compiled.tree) };
}
