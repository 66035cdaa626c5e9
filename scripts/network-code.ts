/**
 * What check-no-network-code.ts looks for in the built extension's code: a way to reach the network or to
 * run code made from text. Methods of the same name on our own objects (MiniSearch's `fetch(key, …) {…}`
 * and its calls `index.fetch(…)`) are not the global API and are let through.
 */

/** Where a global is reached: bare, or through one of the global objects (not as another object's method). */
const GLOBAL = String.raw`(?:(?<![\w$.])|\b(?:globalThis|window|self)\.)`;

/** Global APIs that reach the network or turn text into code, called or constructed, and ways to load from a URL. */
/** The one module the extension imports, as the minified content script writes it: `x.runtime.getURL("/card.js")`. */
export const CARD_BUNDLE_ADDRESS = String.raw`[\w$]+\.runtime\.getURL\("\/card\.js"\)`;

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
  // Except a file of the extension's own, named in the code (the card's bundle: content/lazy-card-host.ts).
  { what: 'import() of a module', pattern: new RegExp(String.raw`(?<![\w$.])import\s*\((?!${CARD_BUNDLE_ADDRESS}\))`, 'g') },
  { what: 'code as text for a timer', pattern: new RegExp(`${GLOBAL}set(?:Timeout|Interval)\\s*\\(\\s*["'\`]`, 'g') },
  // Any address but data: (a relative one too: in a style sheet adopted into a page, the card's, it is read
  // against the page's address, and loads from the page's server).
  { what: 'a style sheet or file to load', pattern: /@import\b|\burl\(\s*(?!['"]?data:)/g },
  // With its scheme, or without one in a string ("//host/p.gif", read against the page's or extension's).
  { what: 'a URL to load from', pattern: /\bhttps?:\/\/(?!www\.w3\.org\/)[\w.-]+|["'`]\/\/[\w-]+\.[\w.-]+/g },
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

export type ForbiddenUse = { what: string; at: number };

/** Every forbidden use in one built file's text (a script, a style sheet or a page). */
export function forbiddenUses(code: string): ForbiddenUse[] {
  const uses: ForbiddenUse[] = [];
  for (const { what, pattern } of FORBIDDEN) {
    for (const match of code.matchAll(pattern)) {
      const at = match.index ?? 0;
      if (match[0].endsWith('(') && isDefinition(code, at + match[0].length - 1)) continue;
      uses.push({ what, at });
    }
  }
  return uses;
}
