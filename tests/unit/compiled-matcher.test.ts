/**
 * The background sends content scripts the matcher's tree compiled at build
 * time; it must find exactly what a matcher built from the aliases finds, and
 * a content script must refuse one that is not a matcher, saying why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import compiledMatcherJson from 'virtual:compiled-matcher';
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type PackedNode } from '../../utils/matcher/compile';
import { buildMatcher, createMatcher } from '../../utils/matcher/matcher';
import { parseShippedMatcher } from '../../utils/matcher/shipped';

const golden = resolve(import.meta.dirname, '../golden');
const texts = [
  readFileSync(resolve(import.meta.dirname, '../../data/article.md'), 'utf8'),
  ...readdirSync(golden)
    .filter((name) => name.endsWith('.html'))
    .map((name) => readFileSync(resolve(golden, name), 'utf8')),
];

describe('the compiled matcher', () => {
  const built = buildMatcher(matcherEntities);
  const shipped = createMatcher(parseShippedMatcher(compiledMatcherJson));

  it('finds the same mentions as a matcher built from the aliases, on the article and every golden page', () => {
    for (const text of texts) expect(shipped.findIn(text)).toEqual(built.findIn(text));
    expect(shipped.findIn(texts[0] as string).length).toBeGreaterThan(100);
  });

  it('takes an ambiguous alias in capitals, never marked itself, as a name next to an acronym', () => {
    expect(shipped.findIn('the COI US report').map((match) => match.entityId)).toEqual(['united-states']);
  });

  it('survives a JSON round trip unchanged', () => {
    const compiled = compileMatcher(matcherEntities);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });

  it('collapses chains into labelled edges, so the tree stays small', () => {
    const [, ...edges] = parseShippedMatcher(compiledMatcherJson).tree;
    // "North Korea", "North Korean" and "Nordkorea" share one edge from the root.
    expect(edges.filter((edge: string | PackedNode) => typeof edge === 'string' && edge.startsWith('n'))).toHaveLength(1);
    let nodes = 0;
    const count = ([, ...children]: PackedNode): void => {
      nodes++;
      for (let index = 1; index < children.length; index += 2) count(children[index] as PackedNode);
    };
    count(parseShippedMatcher(compiledMatcherJson).tree);
    const aliases = matcherEntities.reduce((sum, entity) => sum + entity.aliases.filter((alias: { ambiguous?: boolean }) => !alias.ambiguous).length, 0);
    expect(nodes).toBeLessThan(aliases * 2);
  });
});

describe('a matcher as the background sends it', () => {
  const valid = JSON.parse(compiledMatcherJson) as Record<string, unknown>;

  it('is read as sent', () => {
    expect(parseShippedMatcher(compiledMatcherJson)).toEqual(compileMatcher(matcherEntities));
  });

  it.each([
    ['nothing', undefined, 'sent no matcher'],
    ['text that is not JSON', '{"tree": [', 'is not JSON'],
    ['JSON that is not a matcher', '[1, 2, 3]', 'malformed'],
    ['a matcher without its prefilter', JSON.stringify({ ...valid, prefilter: undefined }), 'malformed'],
    ['a prefilter whose pattern is not text', JSON.stringify({ ...valid, prefilter: ['a', 2, 0] }), 'malformed'],
    ['a prefilter without its flags', JSON.stringify({ ...valid, prefilter: ['a', 'b'] }), 'malformed'],
    ['a prefilter with a part too many', JSON.stringify({ ...valid, prefilter: ['a', 'b', 0, 'c'] }), 'malformed'],
    ['a tree that is not an array', JSON.stringify({ ...valid, tree: 'x' }), 'malformed'],
    ['entities that are not a list', JSON.stringify({ ...valid, entities: { x: 'state' } }), 'malformed'],
    ['a field the matcher does not know', JSON.stringify({ ...valid, extra: 1 }), 'malformed'],
  ])('is refused when it is %s', (_case, json, reason) => {
    expect(() => parseShippedMatcher(json)).toThrow(reason);
  });
});
