/**
 * Checks of the facts pack that its schema cannot express. Pure: the build
 * plugin and the unit tests both call it, so no build can ship data that fails.
 */
import * as v from 'valibot';
import { EntitiesFileSchema, type Entity, type Fact, FactsFileSchema } from './schema';

export type FactsPack = { entities: Entity[]; facts: Fact[] };

/** The words of an alias as the matcher sees them: white space folded, apostrophes alike, any case. */
function aliasKey(text: string): string {
  const folded = text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\u2019\u2018]/g, "'")
    .trim();
  return folded.toLowerCase();
}

function isRealDate(iso: string): boolean {
  const [year, month = 1, day = 1] = iso.split('-').map(Number);
  if (year === undefined || month < 1 || month > 12) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses raw JSON into a typed pack, or throws with every schema problem listed. */
export function parseFactsPack(rawEntities: unknown, rawFacts: unknown): FactsPack {
  const entities = v.safeParse(EntitiesFileSchema, rawEntities);
  const facts = v.safeParse(FactsFileSchema, rawFacts);
  const problems = [
    ...(entities.issues ?? []).map((issue) => `entities.json ${v.getDotPath(issue) ?? ''}: ${issue.message}`),
    ...(facts.issues ?? []).map((issue) => `facts.json ${v.getDotPath(issue) ?? ''}: ${issue.message}`),
  ];
  if (!entities.success || !facts.success) throw new Error(`The facts pack does not fit its schema:\n  ${problems.join('\n  ')}`);
  return { entities: entities.output, facts: facts.output };
}

/** Every problem in the pack, one line each; empty when it is sound. */
export function findPackProblems(pack: FactsPack, article: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const item of [...pack.entities, ...pack.facts]) {
    if (ids.has(item.id)) problems.push(`duplicate id "${item.id}"`);
    ids.add(item.id);
  }
  const entityIds = new Set(pack.entities.map((entity) => entity.id));
  const aliasesByWords = new Map<string, { entityId: string; text: string; caseSensitive: boolean }[]>();
  for (const entity of pack.entities) {
    for (const link of entity.related) {
      if (!entityIds.has(link)) problems.push(`entity "${entity.id}" links to unknown entity "${link}"`);
      if (link === entity.id) problems.push(`entity "${entity.id}" links to itself`);
    }
    for (const alias of entity.aliases) {
      const words = aliasKey(alias.text);
      const caseSensitive = alias.caseSensitive === true;
      const seen = aliasesByWords.get(words) ?? [];
      // Two aliases clash when one could match where the other does: same words,
      // and either one ignores case or both have the same case.
      const clash = seen.find((other) => !other.caseSensitive || !caseSensitive || other.text === alias.text);
      if (clash) problems.push(`alias "${alias.text}" of "${entity.id}" clashes with "${clash.text}" of "${clash.entityId}"`);
      seen.push({ entityId: entity.id, text: alias.text, caseSensitive });
      aliasesByWords.set(words, seen);
    }
  }
  /** The fact already resting on the same quotes for the same topics, by those quotes and topics. */
  const factsByGrounds = new Map<string, string>();
  for (const fact of pack.facts) {
    // Two facts on the same quotes and topics say the same thing twice on a card; one sentence may well carry
    // two facts of different topics ("three meetings" and "beautiful letters").
    const grounds = JSON.stringify([[...fact.quotes].sort(), [...fact.topics].sort()]);
    const twin = factsByGrounds.get(grounds);
    if (twin) problems.push(`fact "${fact.id}" repeats fact "${twin}": the same quotes for the same topics`);
    factsByGrounds.set(grounds, fact.id);
    // A year, a date or a count in a claim that none of its quotes states is the claim saying more than they do.
    for (const number of fact.claim.match(/\d+/g) ?? []) {
      // The number whole: "20" is not in "2020".
      const stated = new RegExp(`(?<!\\d)${number}(?!\\d)`);
      if (!fact.quotes.some((quote) => stated.test(quote))) problems.push(`fact "${fact.id}" states ${number}, which none of its quotes does`);
    }
    for (const quote of fact.quotes) {
      if (!article.includes(quote)) problems.push(`fact "${fact.id}" quotes text not in data/article.md: "${quote}"`);
    }
    for (const link of [...fact.entities, ...(fact.attributedTo ? [fact.attributedTo] : [])]) {
      if (!entityIds.has(link)) problems.push(`fact "${fact.id}" names unknown entity "${link}"`);
    }
    for (const date of [fact.date, fact.dateEnd]) {
      if (date !== undefined && !isRealDate(date)) problems.push(`fact "${fact.id}" has a date that does not parse: "${date}"`);
    }
    if (fact.dateEnd !== undefined && (fact.date === undefined || fact.dateEnd < fact.date)) {
      problems.push(`fact "${fact.id}" ends before it starts`);
    }
  }
  return problems;
}
