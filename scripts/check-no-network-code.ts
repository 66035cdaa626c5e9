/**
 * Fails when the built extension's code holds a way to reach the network or
 * to run code made from text: the README promises it sends nothing and runs
 * no remote code and no `eval`. It reads the bundles as shipped, so a
 * dependency that starts phoning home fails here, not in a review. Methods
 * of the same name on our own objects (MiniSearch's `fetch(key, …) {…}` and
 * its calls `index.fetch(…)`) are not the global API and are let through.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Where a global is reached: bare, or through one of the global objects (not as another object's method). */
const GLOBAL = String.raw`(?:(?<![\w$.])|\b(?:globalThis|window|self)\.)`;

/** Global APIs that reach the network or turn text into code, called or constructed, and ways to load from a URL. */
const FORBIDDEN = [
  { what: 'fetch()', pattern: new RegExp(`${GLOBAL}fetch\\s*[(.]`, 'g') },
  { what: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { what: 'WebSocket', pattern: /\bWebSocket\b/g },
  { what: 'EventSource', pattern: /\bEventSource\b/g },
  { what: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { what: 'RTCPeerConnection', pattern: /\bRTCPeerConnection\b/g },
  { what: 'eval()', pattern: new RegExp(`${GLOBAL}eval\\s*[(.]|\\(0,\\s*eval\\)`, 'g') },
  { what: 'Function from text', pattern: new RegExp(`${GLOBAL}Function\\s*\\(|\\bnew Function\\b`, 'g') },
  { what: 'a worker', pattern: /\bnew (?:Shared)?Worker\b/g },
  { what: 'importScripts', pattern: /\bimportScripts\b/g },
  { what: 'import() of a module', pattern: /(?<![\w$.])import\s*\(/g },
  { what: 'a style sheet or file to load', pattern: /@import\b|\burl\(\s*['"]?(?!data:)[a-z]+:/gi },
  { what: 'a URL to load from', pattern: /\bhttps?:\/\/(?!www\.w3\.org\/)[\w.-]+/g },
];

/** True when the parentheses opened at `open` close before a `{`: a method's definition, not a call. */
function isDefinition(code: string, open: number): boolean {
  let depth = 0;
  for (let at = open; at < code.length; at++) {
    if (code[at] === '(') depth++;
    else if (code[at] === ')' && --depth === 0) return code[at + 1] === '{';
  }
  return false;
}

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scriptsUnder(path);
    return /\.(m?js|html|css)$/.test(entry.name) ? [path] : [];
  });
}

const root = resolve(import.meta.dirname, '../.output');
let found = 0;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const files = scriptsUnder(join(root, target));
  const before = found;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const { what, pattern } of FORBIDDEN) {
      for (const match of code.matchAll(pattern)) {
        const at = match.index ?? 0;
        if (match[0].endsWith('(') && isDefinition(code, at + match[0].length - 1)) continue;
        found++;
        console.error(`${relative(root, file)}: ${what} at ${at}: …${code.slice(Math.max(0, at - 40), at + 40)}…`);
      }
    }
  }
  const here = found - before;
  console.log(`${target}: ${files.length} files read, ${here === 0 ? 'no network or eval code' : `${here} uses of a forbidden API`}`);
}
process.exit(found > 0 ? 1 : 0);
