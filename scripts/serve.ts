/**
 * Serves the demo page and the test and benchmark pages on 127.0.0.1 only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { renderDemoPage } from './demo-page';

const root = resolve(import.meta.dirname, '..');
/** URL prefixes and the folders they serve. */
const FOLDERS: Record<string, string> = {
  '/pages/': join(root, 'tests/pages'),
  '/golden/': join(root, 'tests/golden'),
  '/bench/': join(root, 'bench/pages'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

export type PageServer = { origin: string; close: () => Promise<void> };

function fileFor(pathname: string): string | undefined {
  for (const [prefix, folder] of Object.entries(FOLDERS)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(folder, decodeURIComponent(pathname.slice(prefix.length))));
    if (file.startsWith(folder) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function servePages(port = 0): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/demo') {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string }).end(renderDemoPage());
      return;
    }
    const file = fileFor(url.pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // A test page may ask for a strict CSP to prove the extension works under one.
    if (url.searchParams.has('csp')) headers['content-security-policy'] = "default-src 'self'; style-src 'self'; script-src 'self'";
    // A frame may ask for an agent cluster of its own origin: Chromium then draws it in a process of its own,
    // as it does a frame from another site, while it is still served from 127.0.0.1.
    if (url.searchParams.has('own-process')) headers['origin-agent-cluster'] = '?1';
    response.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
