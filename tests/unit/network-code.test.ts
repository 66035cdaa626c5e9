/**
 * The no-network gate's search (scripts/network-code.ts): each way to reach the network or to run code made
 * from text that a built file may hold is found, and our own methods of the same names are let through.
 */
import { describe, expect, it } from 'vitest';
import { forbiddenUses } from '../../scripts/network-code';

const found = (code: string): string[] => forbiddenUses(code).map((use) => use.what);

describe('forbiddenUses', () => {
  it.each([
    ['fetch()', 'fetch("/x")'],
    ['fetch()', 'globalThis.fetch(u)'],
    ['eval()', '(0,eval)("1")'],
    ['Function from text', 'new Function("return 1")'],
    ['a style sheet or file to load', '.a{background:url(https://evil.example/p.png)}'],
    ['a URL to load from', 'const u="https://evil.example/p"'],
    // A style sheet adopted into a page (the card's) reads an address without a scheme against the page's.
    ['a style sheet or file to load', '.a{background:url(//evil.example/p.png)}'],
    ['a style sheet or file to load', '.a{background:url( "p.png" )}'],
    ['a style sheet or file to load', '@font-face{src:url(font.woff2)}'],
    ['a URL to load from', 'img.src="//evil.example/p.gif"'],
    ['a URL to load from', "new Image().src = '//evil.example/p.gif'"],
    ['code as text for a timer', 'setTimeout("alert(1)",0)'],
    ['code as text for a timer', 'window.setInterval(`tick()`, 10)'],
    ['import() of a module', 'await import("https://evil.example/m.js")'],
    ['import() of a module', 'await import(u)'],
    // An extension's address made from a value, not a file named in the code.
    ['import() of a module', 'await import(e.runtime.getURL(n))'],
    ['import() of a module', 'await import(e.runtime.getURL("/a.js")+n)'],
    // Another file of the extension: only the card's bundle is imported.
    ['import() of a module', 'await import(e.runtime.getURL("/other.js"))'],
  ])('finds %s in %s', (what, code) => {
    expect(found(code)).toContain(what);
  });

  it.each([
    ['MiniSearch’s own fetch method', 'fetch(e,t){return this._index.fetch(e)}'],
    ['a data: image', '.a{background:url(data:image/png;base64,AAAA)}'],
    ['a timer given a function', 'setTimeout(()=>n(),0);setInterval(f,10)'],
    ['an XML namespace', 'i="http://www.w3.org/2000/svg"'],
    ['a regular expression with a double slash', 'const r=/a\\/\\/b/g'],
    ['a division after a call', 'x=a()//2'],
    ['the import of a file of the extension named in the code', 'await(import(Be.runtime.getURL("/card.js")))'],
  ])('lets %s through', (_name, code) => {
    expect(found(code)).toEqual([]);
  });
});
