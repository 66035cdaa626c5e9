/**
 * Writes the bench's generated pages to bench/pages/generated/ (git-ignored):
 * deterministic (one seeded PRNG per page), real alias strings from
 * data/entities.json for mentions, neutral filler text around them.
 *
 * - news-en, news-de, news-ko: typical news articles (~900 text nodes, ~45 kB of text);
 * - forum-deep: a comment thread nested 40 deep, inline markup in sentences, dense mentions;
 * - tables: a wiki-like page of big data tables, sparse mentions in several languages;
 * - app-json: a web-app shell, megabytes of inline JSON and script (holding aliases that
 *   must be skipped), pre/code/template/textarea/hidden/svg blocks, sparse visible mentions;
 * - multilingual: sections in the eight alias languages, dense mentions;
 * - archive-100k: a long archive listing, ~100,000 text nodes;
 * - adding-nodes: a news page whose script adds 10,000 nodes a second for three seconds.
 *
 * `planted` counts the mentions written into visible, scanned text (not into
 * script/JSON/pre/code/template/textarea/hidden/svg, which no one should mark).
 * The pages' HTML: page-builders.ts; their text: page-writer.ts. This file
 * lists the pages and writes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forbiddenFillerStrings, loadAliases } from './aliases';
import { addingPage, appJsonPage, archivePage, forumPage, multilingualPage, newsPage, tablesPage } from './page-builders';
import { Writer } from './page-writer';

export const GENERATED_DIR = resolve(import.meta.dirname, 'pages/generated');

export type PageKind = 'typical' | 'large' | 'huge' | 'adding';

export type GeneratedPage = {
  id: string;
  file: string;
  kind: PageKind;
  description: string;
  /** Mentions written into text the scanner reads (for adding-nodes: the page at load; the script adds more). */
  planted: number;
  /** The same, per alias text. */
  plantedByAlias: Record<string, number>;
  bytes: number;
};

type PageSpec = { id: string; kind: PageKind; description: string; seed: number; render: (w: Writer) => string };

const SPECS: PageSpec[] = [
  { id: 'news-en', kind: 'typical', description: 'news article, English', seed: 101, render: (w) => newsPage(w, 'en', 'News') },
  { id: 'news-de', kind: 'typical', description: 'news article, German', seed: 102, render: (w) => newsPage(w, 'de', 'Nachrichten') },
  { id: 'news-ko', kind: 'typical', description: 'news article, Korean', seed: 103, render: (w) => newsPage(w, 'ko', '뉴스') },
  { id: 'forum-deep', kind: 'large', description: 'comment thread nested 40 deep, dense mentions', seed: 201, render: forumPage },
  { id: 'tables', kind: 'large', description: 'big data tables, sparse mentions, 8 languages', seed: 202, render: tablesPage },
  { id: 'app-json', kind: 'large', description: 'app shell: MBs of JSON/script, skipped blocks', seed: 203, render: appJsonPage },
  { id: 'multilingual', kind: 'large', description: '8 languages, dense mentions', seed: 204, render: multilingualPage },
  { id: 'archive-100k', kind: 'huge', description: 'archive listing, ~100,000 text nodes', seed: 205, render: archivePage },
  { id: 'adding-nodes', kind: 'adding', description: 'adds 10,000 nodes/s for 3 s', seed: 301, render: addingPage },
];

/** Writes every page and `manifest.json`; returns the manifest. */
export function generatePages(outDir = GENERATED_DIR): GeneratedPage[] {
  const data = loadAliases();
  const forbidden = forbiddenFillerStrings(data);
  mkdirSync(outDir, { recursive: true });
  const pages = SPECS.map((spec) => {
    const writer = new Writer(spec.seed, data, forbidden);
    const html = spec.render(writer);
    const file = `${spec.id}.html`;
    writeFileSync(join(outDir, file), html);
    return {
      id: spec.id,
      file,
      kind: spec.kind,
      description: spec.description,
      planted: writer.planted,
      plantedByAlias: Object.fromEntries([...writer.plantedByAlias].sort(([a], [b]) => a.localeCompare(b))),
      bytes: Buffer.byteLength(html),
    };
  });
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(pages, null, 2)}\n`);
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  for (const page of generatePages()) console.log(`${page.id.padEnd(14)} ${(page.bytes / 1024).toFixed(0).padStart(6)} kB  planted ${page.planted}`);
  console.log(`${Math.round(performance.now() - started)} ms`);
}
