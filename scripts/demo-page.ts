/**
 * The bundled demo page: data/article.md laid out as a readable news page.
 * The source has no headline, so the page carries a plain descriptive title
 * of its own and says so; the author's note is the byline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DEMO_TITLE = 'Demo page: an analysis of the UN Security Council’s December 2020 session on North Korean human rights';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The demo page's HTML, built from the article text. */
export function renderDemoPage(articleMarkdown = readFileSync(resolve(import.meta.dirname, '../data/article.md'), 'utf8')): string {
  const blocks = articleMarkdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  const byline = blocks.at(-1) ?? '';
  const body = blocks
    .slice(0, -1)
    .map((block) => (block.startsWith('## ') ? `<h2>${escapeHtml(block.slice(3))}</h2>` : `<p>${escapeHtml(block)}</p>`))
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(DEMO_TITLE)}</title>
    <style>
      body { margin: 0; background: #f6f5f1; color: #1e1e1e; font: 18px/1.6 Georgia, "DejaVu Serif", serif; }
      .masthead { padding: 14px 24px; border-bottom: 1px solid #d6d3c8; font: 600 15px/1.2 system-ui, sans-serif; letter-spacing: 0.04em; text-transform: uppercase; }
      article { max-width: 42rem; margin: 0 auto; padding: 24px; }
      h1 { font-size: 30px; line-height: 1.25; margin: 8px 0 12px; }
      h2 { font-size: 22px; margin: 32px 0 8px; }
      .byline { font: 14px/1.5 system-ui, sans-serif; color: #555; border-left: 3px solid #c9c4b5; padding-left: 10px; }
      .note { font: 13px/1.5 system-ui, sans-serif; color: #666; }
    </style>
  </head>
  <body>
    <header class="masthead">Peninsula Lens · demo page</header>
    <main>
    <article>
      <h1>${escapeHtml(DEMO_TITLE)}</h1>
      <p class="byline">${escapeHtml(byline)}</p>
      <p class="note">The headline is the demo page’s own; the text below is the article bundled with the extension.</p>
      ${body}
    </article>
    </main>
  </body>
</html>
`;
}
