/**
 * A Vite plugin that checks data/ at the start of every build (schema, quotes
 * found in the article, links that resolve, alias clashes, real dates) and
 * refuses to build on any problem. It serves the checked data to the code as
 * two virtual modules, so nothing parses or validates the pack at run time:
 * - `virtual:facts-pack`: entities, facts and a data version (a hash of both);
 * - `virtual:matcher-entities`: only what the content script's matcher needs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type FactsPack, findPackProblems, parseFactsPack } from '../data/validate';

const dataDir = resolve(import.meta.dirname, '../data');
const FACTS_PACK_ID = 'virtual:facts-pack';
const MATCHER_ENTITIES_ID = 'virtual:matcher-entities';

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

function matcherEntitiesModule(pack: FactsPack): string {
  const slim = pack.entities.map(({ id, kind, aliases }) => ({
    id,
    kind,
    aliases: aliases.filter((alias) => !alias.ambiguous).map(({ lang: _lang, ...rule }) => rule),
  }));
  return `export default ${JSON.stringify(slim)};`;
}

/** Checks data/ once per build and serves it as virtual modules. */
export function factsPack(): Plugin {
  let pack: FactsPack | undefined;
  return {
    name: 'peninsula-lens:facts-pack',
    buildStart() {
      try {
        pack = loadCheckedPack();
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
    },
    resolveId(id) {
      return id === FACTS_PACK_ID || id === MATCHER_ENTITIES_ID ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${FACTS_PACK_ID}` && id !== `\0${MATCHER_ENTITIES_ID}`) return undefined;
      pack ??= loadCheckedPack();
      return id === `\0${FACTS_PACK_ID}` ? factsPackModule(pack) : matcherEntitiesModule(pack);
    },
  };
}
