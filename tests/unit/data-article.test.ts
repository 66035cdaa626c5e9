/**
 * data/article.md is the seed article and nothing else: equal to the extraction
 * in data/source/ once white space is ignored and the mends in data/mends.json
 * are applied, and every mend is listed in data/README.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import rawMends from '../../data/mends.json';
import { MendsFileSchema } from '../../data/schema';

function readData(path: string): string {
  return readFileSync(resolve(import.meta.dirname, '../../data', path), 'utf8');
}

const source = readData('source/000_e4eb96d39bcd6e98.txt');
const article = readData('article.md');
const readme = readData('README.md');
const mends = v.parse(MendsFileSchema, rawMends);

const HEADINGS = [
  'Joint Statement of Eight Security Council Members—Including the United States',
  'Washington’s About Face on Human Rights Discussion in the Security Council',
];

function withoutSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('data/article.md against its source', () => {
  it('equals the source apart from white space and the listed mends', () => {
    let mended = withoutSpace(source);
    for (const mend of mends) mended = mended.split(withoutSpace(mend.from)).join(withoutSpace(mend.to));
    const articleText = withoutSpace(article.replace(/^## /gm, ''));
    expect(articleText).toBe(mended);
  });

  it('lists each mend as the extraction has it, and as the article has it', () => {
    const foldedSource = foldSpace(source);
    for (const mend of mends) {
      expect(foldedSource, `mend "${mend.from}"`).toContain(foldSpace(mend.from));
      if (mend.to !== '') expect(article, `mend "${mend.from}" → "${mend.to}"`).toContain(mend.to);
    }
  });

  it('keeps no extraction artifact that a mend removes', () => {
    for (const artifact of ['Kimjong', 'Warmbierjust', 'Return to the Peninsula', 'gender- based']) {
      expect(article).not.toContain(artifact);
    }
  });

  it('keeps the author’s own wording and typos', () => {
    for (const own of [
      'prisons camps',
      'pose and imminent threat',
      'December 10,1948',
      'December 2014. 2015. 2016. and 2017.',
      'Human Rights Watch said. “It is a bitter irony',
      '‘heedless and erratic old man."\'',
      'the "excellent” treatment',
    ]) {
      expect(article).toContain(own);
    }
  });

  it('has one paragraph a line, one blank line between, and the two headings', () => {
    expect(article.endsWith('\n')).toBe(true);
    expect(article.endsWith('\n\n')).toBe(false);
    const blocks = article.trimEnd().split('\n\n');
    for (const block of blocks) {
      expect(block).not.toContain('\n');
      expect(block).toBe(block.trim());
      expect(block).not.toMatch(/ {2}/);
    }
    expect(blocks.filter((block) => block.startsWith('#'))).toEqual(HEADINGS.map((heading) => `## ${heading}`));
    const last = blocks[blocks.length - 1] ?? '';
    expect(last.startsWith('Robert R. King is a Non-Resident Fellow')).toBe(true);
    expect(last.endsWith('his own.')).toBe(true);
  });

  it('lists every mend in data/README.md', () => {
    const rows = readme.split('\n').filter((line) => line.startsWith('|'));
    for (const mend of mends) {
      const to = mend.to === '' ? '(nothing)' : `\`${mend.to}\``;
      const row = rows.find((line) => line.includes(`\`${mend.from}\``) && line.includes(to));
      expect(row, `README row for mend "${mend.from}"`).toBeDefined();
    }
  });
});
