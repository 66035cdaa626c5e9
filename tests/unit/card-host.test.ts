/**
 * The card's host element: its tag ends in a random suffix, so a page cannot
 * define that tag as its own custom element ahead of time and run its code
 * inside the card's (README: the card cannot be reached by the page).
 */
import { describe, expect, it } from 'vitest';
import { attachCardHost, isCardHost } from '../../entrypoints/content/card-host-element';

/** What card-host.tsx makes: the fixed start, then 8 characters of base 36 (36^8, about 2.8 × 10^12 names). */
const CARD_TAG = /^peninsula-lens-card-[a-z0-9]{8}$/;

describe('attachCardHost', () => {
  it('gives each host a tag of its own, with a suffix a page cannot guess', () => {
    const [first] = attachCardHost(document);
    const [second] = attachCardHost(document);
    expect(first.localName).toMatch(CARD_TAG);
    expect(second.localName).toMatch(CARD_TAG);
    expect(second.localName).not.toBe(first.localName);
  });

  it('draws the suffix afresh every time, not from a short list', () => {
    const names = new Set(Array.from({ length: 50 }, () => attachCardHost(document)[0].localName));
    expect(names.size).toBe(50);
  });

  it('gives the host a closed shadow root, and knows the host as its own by identity, not by its name', () => {
    const [host, shadow] = attachCardHost(document);
    expect(shadow.mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
    expect(isCardHost(host)).toBe(true);
    // A page element with the very same tag is not ours.
    expect(isCardHost(document.createElement(host.localName))).toBe(false);
  });
});
