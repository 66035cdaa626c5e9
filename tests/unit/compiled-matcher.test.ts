/**
 * The content script ships the matcher's tree compiled at build time; it must
 * find exactly what a matcher built from the aliases finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import loadCompiledMatcher from 'virtual:compiled-matcher';
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type PackedNode } from '../../utils/matcher/compile';
import { buildMatcher, createMatcher } from '../../utils/matcher/matcher';

const golden = resolve(import.meta.dirname, '../golden');
const texts = [
  readFileSync(resolve(import.meta.dirname, '../../data/article.md'), 'utf8'),
  ...readdirSync(golden)
    .filter((name) => name.endsWith('.html'))
    .map((name) => readFileSync(resolve(golden, name), 'utf8')),
];

describe('the compiled matcher', () => {
  const built = buildMatcher(matcherEntities);
  const shipped = createMatcher(loadCompiledMatcher());

  it('finds the same mentions as a matcher built from the aliases, on the article and every golden page', () => {
    for (const text of texts) expect(shipped.findIn(text)).toEqual(built.findIn(text));
    expect(shipped.findIn(texts[0] as string).length).toBeGreaterThan(100);
  });

  it('survives a JSON round trip unchanged', () => {
    const compiled = compileMatcher(matcherEntities);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });

  it('collapses chains into labelled edges, so the tree stays small', () => {
    const [, ...edges] = loadCompiledMatcher().tree;
    // "North Korea", "North Korean" and "Nordkorea" share one edge from the root.
    expect(edges.filter((edge: string | PackedNode) => typeof edge === 'string' && edge.startsWith('n'))).toHaveLength(1);
    let nodes = 0;
    const count = ([, ...children]: PackedNode): void => {
      nodes++;
      for (let index = 1; index < children.length; index += 2) count(children[index] as PackedNode);
    };
    count(loadCompiledMatcher().tree);
    const aliases = matcherEntities.reduce((sum, entity) => sum + entity.aliases.length, 0);
    expect(nodes).toBeLessThan(aliases * 2);
  });
});
