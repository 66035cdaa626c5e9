/**
 * The aliases of data/entities.json as the bench uses them: the ones the
 * matcher takes (not ambiguous), with their language and case rule.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { type ALIAS_LANGS, EntitiesFileSchema } from '../data/schema';

export type Lang = (typeof ALIAS_LANGS)[number];

export type BenchAlias = { text: string; lang: Lang; caseSensitive: boolean; entityId: string; words: number };

/** Words that veto an alias next to them: filler must never hold one. */
export type AliasData = { aliases: BenchAlias[]; vetoWords: string[] };

export function loadAliases(): AliasData {
  const raw: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/entities.json'), 'utf8'));
  const entities = v.parse(EntitiesFileSchema, raw);
  const aliases: BenchAlias[] = [];
  const vetoWords: string[] = [];
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      if (alias.ambiguous) continue;
      aliases.push({
        text: alias.text,
        lang: alias.lang,
        caseSensitive: alias.caseSensitive === true,
        entityId: entity.id,
        words: alias.text.split(/\s+/).length,
      });
      vetoWords.push(...(alias.notAfterWords ?? []), ...(alias.notBeforeWords ?? []));
    }
  }
  return { aliases, vetoWords };
}

/** Everything filler text must not contain: aliases (also the ambiguous ones), their long words, veto words. */
export function forbiddenFillerStrings(data: AliasData): string[] {
  const raw: unknown = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/entities.json'), 'utf8'));
  const all = v.parse(EntitiesFileSchema, raw).flatMap((entity) => entity.aliases.map((alias) => alias.text));
  const longWords = all.flatMap((text) => text.split(/[\s\-–.,']+/)).filter((word) => word.length >= 4);
  return [...new Set([...all, ...longWords, ...data.vetoWords])];
}
