/** Which mentions a first tap only shows the card of, keeping from the page what the tap would set going. */
import { afterEach, describe, expect, it } from 'vitest';
import { actsOnTap } from '../../entrypoints/content/taps';

/** The text node "North Korea" inside `html`, put on the page. */
function nameIn(html: string): Text {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.body.append(template.content);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) if (walker.currentNode.nodeValue === 'North Korea') return walker.currentNode as Text;
  throw new Error('no name in the markup');
}

afterEach(() => document.body.replaceChildren());

describe('actsOnTap', () => {
  it.each([
    ['a link', '<p><a href="/n"><b>North Korea</b></a></p>'],
    ['the summary of a <details>', '<details><summary>North Korea</summary>…</details>'],
    ['a label, which ticks its box', '<label><input type="checkbox">North Korea</label>'],
    ['a teaser a page made a link', '<div role="link" tabindex="0"><h3>North Korea</h3></div>'],
    ['an element a page made a button', '<div role="button">North Korea</div>'],
    ['a teaser with a click handler in its markup', '<article onclick="go()"><h3>North Korea</h3></article>'],
  ])('is true in %s', (_what, html) => {
    expect(actsOnTap(nameIn(html))).toBe(true);
  });

  it.each([
    ['a paragraph', '<p>North Korea</p>'],
    ['an anchor with no address', '<p><a id="top">North Korea</a></p>'],
    ['the body of an open <details>', '<details open><summary>More</summary><p>North Korea</p></details>'],
  ])('is false in %s', (_what, html) => {
    expect(actsOnTap(nameIn(html))).toBe(false);
  });
});
