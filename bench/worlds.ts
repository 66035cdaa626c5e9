/**
 * `tsx bench/worlds.ts [page-id] [loads]`: what walking a page's DOM costs in
 * the page's own world and in an isolated world (where a content script
 * runs), each on a freshly loaded page without the extension. Explains the
 * floor of `b/a` in `npm run bench`: (a) walks in the page's world; a content
 * script cannot. Not part of `npm run bench`.
 */
import { servePages } from '../scripts/serve';
import { launchBenchBrowser } from './browser';
import { generatePages } from './generate-pages';

/** Each walk returns its time in ms. */
const WALKS: Record<string, string> = {
  'text nodes (TreeWalker)': `(() => {
    const started = performance.now();
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    let chars = 0;
    while (walker.nextNode()) chars += walker.currentNode.data.length;
    return performance.now() - started;
  })()`,
  'every node (firstChild/nextSibling)': `(() => {
    const started = performance.now();
    let node = document.firstChild;
    let chars = 0;
    while (node) {
      if (node.nodeType === 3) chars += node.data.length;
      else if (node.nodeType === 1 && node.tagName && node.firstChild) { node = node.firstChild; continue; }
      let next = null;
      while (node && (next = node.nextSibling) === null) node = node.parentNode;
      node = next;
    }
    return performance.now() - started;
  })()`,
};

async function main(): Promise<void> {
  const id = process.argv[2] ?? 'archive-100k';
  const loads = Number(process.argv[3] ?? 3);
  generatePages();
  const server = await servePages();
  const browser = await launchBenchBrowser(null);
  const url = id === 'seed-article' ? `${server.origin}/demo` : `${server.origin}/bench/generated/${id}.html`;
  try {
    console.log(`${id}, ${loads} fresh loads each: ms, fastest to slowest`);
    for (const [name, expression] of Object.entries(WALKS)) {
      for (const world of ['page', 'isolated'] as const) {
        const times: number[] = [];
        for (let load = 0; load < loads; load++) {
          const page = await browser.context.newPage();
          await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
          const cdp = await browser.context.newCDPSession(page);
          let contextId: number | undefined;
          if (world === 'isolated') {
            const { frameTree } = await cdp.send('Page.getFrameTree');
            ({ executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `walk-${load}` }));
          }
          const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, ...(contextId === undefined ? {} : { contextId }) });
          times.push(Number(result.value));
          await page.close();
        }
        times.sort((x, y) => x - y);
        console.log(`  ${name.padEnd(38)} ${world.padEnd(9)} ${times.map((time) => time.toFixed(1)).join('  ')}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
