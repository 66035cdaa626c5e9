/**
 * A Vite plugin that checks data/ at the start of every build (schema, quotes
 * found in the article, links that resolve, alias clashes, real dates) and
 * refuses to build on any problem. It serves the checked data to the code as
 * two virtual modules, so nothing parses or validates the pack at run time:
 * - `virtual:facts-pack`: entities, facts and a data version (a hash of both);
 * - `virtual:matcher-entities`: only the aliases and their rules (for tests);
 * - `virtual:compiled-matcher`: the matcher's tree, compiled here, as JSON
 *   text the background sends to content scripts (utils/matcher/shipped.ts),
 *   which parse it when they first need it (JSON.parse is far cheaper than
 *   evaluating the same data as code, or building the tree).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type FactsPack, findPackProblems, parseFactsPack } from '../data/validate';
import { compileMatcher, type MatcherEntity } from '../utils/matcher/compile';

const dataDir = resolve(import.meta.dirname, '../data');
const FACTS_PACK_ID = 'virtual:facts-pack';
const MATCHER_ENTITIES_ID = 'virtual:matcher-entities';
const COMPILED_MATCHER_ID = 'virtual:compiled-matcher';
const MODULE_IDS = [FACTS_PACK_ID, MATCHER_ENTITIES_ID, COMPILED_MATCHER_ID];

const DATA_FILES = ['entities.json', 'facts.json', 'article.md'];

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(resolve(dataDir, name), 'utf8'));
}

/** Loads and checks data/; throws with every problem listed. */
export function loadCheckedPack(): FactsPack {
  const pack = parseFactsPack(readJson('entities.json'), readJson('facts.json'));
  const problems = findPackProblems(pack, readFileSync(resolve(dataDir, 'article.md'), 'utf8'));
  if (problems.length > 0) throw new Error(`data/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return pack;
}

function factsPackModule(pack: FactsPack): string {
  const json = JSON.stringify(pack);
  const dataVersion = createHash('sha256').update(json).digest('hex').slice(0, 16);
  return `export const entities = ${JSON.stringify(pack.entities)};
export const facts = ${JSON.stringify(pack.facts)};
export const dataVersion = ${JSON.stringify(dataVersion)};`;
}

function matcherEntities(pack: FactsPack): MatcherEntity[] {
  return pack.entities.map(({ id, kind, aliases }) => ({
    id,
    kind,
    // Ambiguous aliases too: the compiler leaves them out of the tree, but their words in capitals are names.
    aliases: aliases.map(({ lang: _lang, ...rule }) => rule),
  }));
}

function compiledMatcherModule(pack: FactsPack): string {
  const json = JSON.stringify(compileMatcher(matcherEntities(pack)));
  return `export default ${JSON.stringify(json)};`;
}

/** Checks data/ once per build and serves it as virtual modules. */
export function factsPack(): Plugin {
  let pack: FactsPack | undefined;
  return {
    name: 'peninsula-lens:facts-pack',
    buildStart() {
      // Watched, so `wxt dev` rebuilds (and checks again) when the data changes.
      for (const name of DATA_FILES) this.addWatchFile(resolve(dataDir, name));
      try {
        pack = loadCheckedPack();
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
    watchChange(id) {
      if (id.startsWith(dataDir)) pack = undefined;
    },
    resolveId(id) {
      return MODULE_IDS.includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith('\0') || !MODULE_IDS.includes(id.slice(1))) return undefined;
      pack ??= loadCheckedPack();
      if (id === `\0${FACTS_PACK_ID}`) return factsPackModule(pack);
      if (id === `\0${COMPILED_MATCHER_ID}`) return compiledMatcherModule(pack);
      return `export default ${JSON.stringify(matcherEntities(pack))};`;
    },
  };
}
