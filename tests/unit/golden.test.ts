/**
 * Golden pages: each tests/golden/NAME.html is scanned with the real alias
 * data and its mentions compared, in document order, with the hand-written
 * expectations in NAME.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import matcherEntities from 'virtual:matcher-entities';
import { describe, expect, it } from 'vitest';
import { findMentions, type Mention } from '../../entrypoints/content/scan';
import { buildMatcher } from '../../utils/matcher/matcher';

type Expected = { text: string; entityId: string };

const goldenDir = resolve(import.meta.dirname, '../golden');
const pages = readdirSync(goldenDir)
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length))
  .sort();

function readExpected(name: string): Expected[] {
  const parsed: unknown = JSON.parse(readFileSync(resolve(goldenDir, `${name}.json`), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${name}.json is not an array`);
  return parsed.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new Error(`${name}.json[${index}] is not an object`);
    const { text, entityId } = entry as Record<string, unknown>;
    if (typeof text !== 'string' || typeof entityId !== 'string') throw new Error(`${name}.json[${index}] needs "text" and "entityId" strings`);
    return { text, entityId };
  });
}

function loadPage(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(goldenDir, `${name}.html`), 'utf8'), 'text/html');
}

const matcher = buildMatcher(matcherEntities);

/** The page's text from a mention's start to its end, read node by node. */
function textBetween(doc: Document, mention: Mention): string {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let text = '';
  let inside = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const from = node === mention.startNode ? mention.startOffset : 0;
    if (node === mention.startNode) inside = true;
    if (!inside) continue;
    if (node === mention.endNode) return text + data.slice(from, mention.endOffset);
    text += data.slice(from);
  }
  throw new Error('the mention does not end after it starts');
}

describe('golden pages', () => {
  it('include the required pages, each with its expectations', () => {
    expect(pages).toEqual(expect.arrayContaining(['inline-markup', 'lookalikes', 'multilingual', 'skipped', 'whitespace-and-punctuation']));
    for (const name of pages) expect(() => readExpected(name), name).not.toThrow();
  });

  it.each(pages)('%s.html has exactly the mentions its .json lists, in document order', (name) => {
    const doc = loadPage(name);
    const found = findMentions(doc.body, matcher).map(({ text, entityId }) => ({ text, entityId }));
    expect(found).toEqual(readExpected(name));
  });

  it.each(pages)('%s.html: every mention’s text is exactly the text between its start and end', (name) => {
    const doc = loadPage(name);
    for (const mention of findMentions(doc.body, matcher)) {
      expect(textBetween(doc, mention)).toBe(mention.text);
    }
  });
});
