/**
 * The popup's search in each browser: from the keyboard (↓ from the box to
 * the names found, ↓ and ↑ between them, back to the box; the name reached
 * shows where the reader stands), a query with a word the article does
 * not hold, and one whose words no fact holds together.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser, waitFor } from './support/extension-browser';

describe.each(browsersUnderTest())('%s: the popup’s search', (name) => {
  const e2e = useExtensionBrowser(name);

  it('moves from the box to the names found and back with ↓ and ↑, and outlines the name reached', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    try {
      await popup.type('input[type=search]', 'korea');
      await waitFor(async () => (await popup.evaluate(() => document.querySelectorAll('.hit-entity').length)) >= 2, 'two names found');
      const focused = () =>
        popup.evaluate(() => {
          const active = document.activeElement;
          if (!(active instanceof HTMLElement)) return { what: '', outline: '' };
          const style = getComputedStyle(active);
          return {
            what: active.matches('.hit-entity') ? `name:${active.textContent}` : active.localName,
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
          };
        });
      const names = await popup.evaluate(() => [...document.querySelectorAll('.hit-entity')].map((heading) => heading.textContent));
      await popup.press('ArrowDown');
      expect(await focused()).toEqual({ what: `name:${names[0]}`, outline: 'solid 2px' });
      await popup.press('ArrowDown');
      expect((await focused()).what).toBe(`name:${names[1]}`);
      await popup.press('ArrowUp');
      await popup.press('ArrowUp');
      expect((await focused()).what).toBe('input');
    } finally {
      await popup.close();
    }
  });

  it('finds the facts of the other words where one is nowhere in the article, and says which it left out', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    try {
      await popup.type('input[type=search]', 'covid-19');
      await waitFor(async () => (await popup.text()).includes('Nothing in the article holds “19”'), 'the word left out to be named');
      expect(await popup.text()).toMatch(/Nothing in the article holds “19”: \d+ (names?|facts?)( and \d+ facts?)? match(es)? the other words\./);
      expect(await popup.evaluate(() => document.querySelectorAll('.hits .fact').length)).toBeGreaterThan(0);
    } finally {
      await popup.close();
    }
  });

  it('lists what holds some of the words where no fact holds them all, and says so', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    try {
      await popup.type('input[type=search]', 'Warmbier Hanoi Stockholm');
      await waitFor(async () => (await popup.text()).includes('No fact holds all the words'), 'the partial answer to be said');
      expect(await popup.text()).toMatch(/No fact holds all the words: \d+ names? and \d+ facts? hold some of them, those with the most first\./);
      const names = await popup.evaluate(() => [...document.querySelectorAll('.hit-entity')].map((heading) => heading.textContent));
      expect(names).toEqual(expect.arrayContaining(['Otto Warmbier', 'Hanoi summit']));
      expect(names.some((heading) => heading?.startsWith('Stockholm talks'))).toBe(true);
    } finally {
      await popup.close();
    }
  });
});
