/**
 * The HTML of each kind of generated page, written through a Writer
 * (page-writer.ts): a news article, a comment thread nested deep, data
 * tables, an app shell of JSON and script, a page in eight languages, a long
 * archive, and a news page whose script keeps adding nodes. Which pages the
 * bench generates from them: generate-pages.ts.
 */
import type { Lang } from './aliases';
import { escapeHtml, type Writer } from './page-writer';

const STYLE = `<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #222; background: #fafaf7; }
  header, footer { background: #eee; padding: 8px 16px; } nav ul { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 18rem; gap: 24px; max-width: 72rem; margin: 0 auto; padding: 16px; }
  .hl { background: #fff3c4; } .meta { color: #666; font-size: 13px; } .comment { border-left: 2px solid #ddd; padding-left: 10px; margin: 8px 0; }
  table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #ccc; padding: 2px 6px; }
  .card { display: inline-block; width: 14rem; margin: 4px; padding: 6px; border: 1px solid #ddd; vertical-align: top; }
</style>`;

function analyticsScript(w: Writer, kilobytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < kilobytes * 1024; i++) {
    const line = `  window.__q.push({ id: ${i}, event: ${JSON.stringify(w.unscanned('en', 6))}, value: ${w.int(0, 99999)}, ts: ${1_700_000_000 + i * 37} });`;
    lines.push(line);
    size += line.length;
  }
  return `<script>\n  window.__q = window.__q || [];\n${lines.join('\n')}\n</script>`;
}

function page(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${STYLE}
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

function navigation(w: Writer, lang: Lang, links: number): string {
  const items = Array.from({ length: links }, () => `<li><a href="#">${escapeHtml(w.plain(lang, w.int(1, 2)))}</a></li>`);
  return `<header>\n<nav>\n<ul>\n${items.join('\n')}\n</ul>\n</nav>\n</header>`;
}

function footer(w: Writer, lang: Lang, links: number): string {
  const items = Array.from({ length: links }, () => `<a href="#">${escapeHtml(w.plain(lang, w.int(1, 3)))}</a>`);
  return `<footer>\n<p>${items.join(' · ')}</p>\n<p class="meta">${escapeHtml(w.plain(lang, 12))}</p>\n</footer>`;
}

/** A typical news article page: ~900 text nodes, ~45 kB of text. */
export function newsPage(w: Writer, lang: Lang, title: string): string {
  const paragraphs = Array.from({ length: 44 }, () => `<p>${w.paragraph(lang, w.int(5, 8), 0.1)}</p>`);
  const mostRead = Array.from({ length: 10 }, () => `<li><a href="#">${w.sentence(lang, 0.15, false)}</a> <span class="meta">${w.int(2, 59)} min</span></li>`);
  const comments = Array.from(
    { length: 26 },
    () => `<div class="comment">
<div class="meta"><b>${escapeHtml(w.plain(lang, 1))}${w.int(1, 999)}</b> <time>${w.int(1, 23)}h</time></div>
<p>${w.paragraph(lang, w.int(1, 3), 0.08)}</p>
<button type="button">${escapeHtml(w.plain(lang, 1))}</button> <a href="#">${escapeHtml(w.plain(lang, 1))}</a>
</div>`,
  );
  const body = `${navigation(w, lang, 28)}
<main>
<article>
<h1>${w.sentence(lang, 0.6, false)}</h1>
<p class="meta">${escapeHtml(w.plain(lang, 2))} <a href="#">${escapeHtml(w.plain(lang, 2))}</a> · <time>2020-12-11</time></p>
${paragraphs.slice(0, 12).join('\n')}
<figure><img alt="" width="600" height="300" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>${w.sentence(lang, 0.3)}</figcaption></figure>
${paragraphs.slice(12).join('\n')}
<section class="comments">
<h2>${escapeHtml(w.plain(lang, 1))}</h2>
${comments.join('\n')}
</section>
</article>
<aside>
<h2>${escapeHtml(w.plain(lang, 2))}</h2>
<ol>
${mostRead.join('\n')}
</ol>
</aside>
</main>
${footer(w, lang, 50)}`;
  const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: w.unscanned(lang, 12), about: w.unscanned(lang, 30) })}</script>`;
  return page(lang, title, `${analyticsScript(w, 10)}\n${ld}`, body);
}

/** One comment and its replies, down to `depth` levels. */
function commentTree(w: Writer, depth: number, budget: { left: number }): string {
  budget.left--;
  const lang: Lang = w.chance(0.85) ? 'en' : w.pick(['de', 'fr', 'es'] as const);
  const paragraphs = Array.from({ length: w.int(1, 3) }, () => `<p>${w.paragraph(lang, w.int(1, 3), 0.3)}</p>`).join('\n');
  let replies = '';
  if (depth > 0) {
    const count = depth > 30 ? 1 : w.int(0, 3);
    const children: string[] = [];
    for (let i = 0; i < count && budget.left > 0; i++) children.push(commentTree(w, depth - 1, budget));
    replies = children.length > 0 ? `\n<div class="replies">\n${children.join('\n')}\n</div>` : '';
  }
  return `<div class="comment"><div class="meta"><a href="#">${escapeHtml(w.plain('en', 1))}_${w.int(1, 9999)}</a> <span>${w.int(1, 999)} points</span> <time>${w.int(1, 23)}h</time></div>
<div class="body">${paragraphs}</div>
<div class="actions"><button type="button">reply</button> <a href="#">share</a></div>${replies}
</div>`;
}

export function forumPage(w: Writer): string {
  const threads: string[] = [];
  const budget = { left: 4200 };
  while (budget.left > 0) threads.push(commentTree(w, threads.length === 0 ? 40 : w.int(4, 12), budget));
  const body = `${navigation(w, 'en', 40)}
<main>
<div class="thread">
<h1>${w.sentence('en', 0.8, false)}</h1>
${threads.join('\n')}
</div>
<aside><p>${w.paragraph('en', 4, 0.2)}</p></aside>
</main>
${footer(w, 'en', 30)}`;
  return page('en', 'Forum thread', analyticsScript(w, 40), body);
}

export function tablesPage(w: Writer): string {
  const langs: Lang[] = ['en', 'de', 'fr', 'es', 'ru', 'ko', 'ja', 'zh'];
  const tables: string[] = [];
  for (let t = 0; t < 6; t++) {
    const lang = langs[t % langs.length] ?? 'en';
    const header = `<tr>${Array.from({ length: 8 }, () => `<th>${escapeHtml(w.plain(lang, 1))}</th>`).join('')}</tr>`;
    const rows = Array.from({ length: 700 }, (_, row) => {
      const cells = Array.from({ length: 8 }, (_, column) => {
        if (column === 0) return `<td>${row + 1}</td>`;
        if (column === 1) return `<td>${w.chance(0.03) ? w.mention(lang, false) : escapeHtml(w.plain(lang, w.int(1, 2)))}</td>`;
        if (column === 7) return `<td>${w.chance(0.01) ? w.sentence(lang, 0.5) : escapeHtml(w.plain(lang, w.int(2, 5)))}</td>`;
        return `<td>${(w.float() * 10000).toFixed(w.int(0, 2))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    tables.push(
      `<h2>${escapeHtml(w.plain(lang, 3))}</h2>\n<p>${w.paragraph(lang, 3, 0.3)}</p>\n<table>\n<thead>${header}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
    );
  }
  return page(
    'en',
    'Data tables',
    analyticsScript(w, 20),
    `${navigation(w, 'en', 20)}\n<div class="content">\n${tables.join('\n')}\n</div>\n${footer(w, 'en', 20)}`,
  );
}

export function appJsonPage(w: Writer): string {
  const records = Array.from({ length: 9000 }, (_, id) => ({
    id,
    title: w.unscanned('en', 12),
    body: w.unscanned(w.pick(['en', 'de', 'ru', 'ko'] as const), 30),
    tags: [w.word('en'), w.word('en')],
  }));
  const json = `<script type="application/json" id="__APP_STATE__">${JSON.stringify({ records }).replace(/</g, '\\u003c')}</script>`;
  const code = Array.from(
    { length: 6000 },
    (_, i) => `function handler${i}(event) { const label = ${JSON.stringify(w.unscanned('en', 8))}; return event.detail + label.length * ${i}; }`,
  );
  const script = `<script>\n${code.join('\n')}\n</script>`;
  const cards = Array.from(
    { length: 2600 },
    () =>
      `<div class="card"><h3>${w.sentence('en', 0.04, false)}</h3><p class="meta"><span>${w.int(1, 500)} €</span> · <span>${escapeHtml(w.plain('en', 2))}</span></p><p>${w.sentence('en', 0.04)}</p><button type="button">${escapeHtml(w.plain('en', 1))}</button></div>`,
  );
  const skipped = `<pre><code>${escapeHtml(w.unscanned('en', 400))}</code></pre>
<template><p>${escapeHtml(w.unscanned('en', 300))}</p></template>
<textarea>${escapeHtml(w.unscanned('en', 200))}</textarea>
<div hidden><p>${escapeHtml(w.unscanned('en', 300))}</p></div>
<noscript><p>${escapeHtml(w.unscanned('en', 100))}</p></noscript>
<svg width="200" height="40"><text x="0" y="20">${escapeHtml(w.unscanned('en', 12))}</text></svg>`;
  const body = `${navigation(w, 'en', 30)}
<main>
<div id="app">
<h1>${w.sentence('en', 0.5, false)}</h1>
${skipped}
<div class="grid">
${cards.join('\n')}
</div>
</div>
<aside>${skipped}</aside>
</main>
${footer(w, 'en', 30)}`;
  return page('en', 'App shell', `${json}\n${script}`, body);
}

export function multilingualPage(w: Writer): string {
  const langs: Lang[] = ['en', 'de', 'fr', 'es', 'ru', 'ko', 'ja', 'zh'];
  const sections = langs.map((lang) => {
    const paragraphs = Array.from({ length: 700 }, () => `<p lang="${lang}">${w.paragraph(lang, w.int(2, 4), 0.22)}</p>`);
    return `<section lang="${lang}">\n<h2>${w.sentence(lang, 0.5, false)}</h2>\n${paragraphs.join('\n')}\n</section>`;
  });
  return page(
    'en',
    'Multilingual',
    analyticsScript(w, 30),
    `${navigation(w, 'en', 30)}\n<main>\n<div>\n${sections.join('\n')}\n</div>\n</main>\n${footer(w, 'en', 30)}`,
  );
}

export function archivePage(w: Writer): string {
  const items = Array.from({ length: 10_000 }, () => {
    const lang: Lang = w.chance(0.9) ? 'en' : w.pick(['de', 'fr', 'ru'] as const);
    return `<li class="item"><h3><a href="#">${w.sentence(lang, 0.12, false)}</a></h3><div class="meta"><span>${w.int(2001, 2024)}-${w.int(10, 12)}-${w.int(10, 28)}</span> · <a href="#">${escapeHtml(w.plain(lang, 2))}</a> · <span>${w.int(0, 999)}</span></div><p>${w.sentence(lang, 0.08)} <b>${escapeHtml(w.plain(lang, 2))}</b> ${w.sentence(lang, 0.08, false)}</p></li>`;
  });
  return page(
    'en',
    'Archive',
    analyticsScript(w, 30),
    `${navigation(w, 'en', 30)}\n<main>\n<ol class="archive">\n${items.join('\n')}\n</ol>\n</main>\n${footer(w, 'en', 30)}`,
  );
}

/** The page script of adding-nodes: 50 paragraphs (100 nodes) every 10 ms for 3 s, every 10th with a mention. */
function addingScript(w: Writer): string {
  const sentences = Array.from({ length: 200 }, () => w.plain('en', w.int(8, 14)));
  const mentions = ['North Korea', 'UN Security Council', 'Kim Jong Un', 'Human Rights Watch', 'United States', 'DPRK', 'Otto Warmbier', 'Security Council'];
  return `<script>
(() => {
  const sentences = ${JSON.stringify(sentences)};
  const mentions = ${JSON.stringify(mentions)};
  const state = { added: 0, planted: 0, ticks: 0, started: 0, ended: 0, longestTick: 0 };
  window.__adding = state;
  let seed = 12345;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  function tick() {
    const begun = performance.now();
    const box = document.getElementById('stream');
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 50; i++) {
      const p = document.createElement('p');
      const text = sentences[Math.floor(next() * sentences.length)];
      if ((state.ticks * 50 + i) % 10 === 0) {
        p.textContent = text + ' ' + mentions[Math.floor(next() * mentions.length)] + ' ' + text + '.';
        state.planted++;
      } else {
        p.textContent = text + '.';
      }
      fragment.append(p);
    }
    box.append(fragment);
    state.added += 100;
    state.ticks++;
    const now = performance.now();
    state.longestTick = Math.max(state.longestTick, now - begun);
    if (now - state.started < 3000) setTimeout(tick, 10);
    else state.ended = now;
  }
  document.addEventListener('DOMContentLoaded', () => { state.started = performance.now(); tick(); });
})();
</script>`;
}

export function addingPage(w: Writer): string {
  const html = newsPage(w, 'en', 'Live blog');
  return html.replace('</main>', '</main>\n<section id="stream"></section>').replace('</head>', `${addingScript(w)}\n</head>`);
}
