/**
 * The popup's key to the marks' colours is also the choice of what is marked:
 * clearing a kind's box takes that kind's marks off the pages already open
 * and keeps them off pages opened after; ticking it brings them back.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';

const STATE = 'peninsula-lens-state';
const PERSON = 'peninsula-lens-person';
const STATE_BOX = '.colour-key input:has(+ [data-kind=state])';

describe.each(browsersUnderTest())('%s: the kinds of names marked', (name) => {
  const e2e = useExtensionBrowser(name);

  const kindsOn = async () => new Set((await highlightsOn(e2e.tab)).map((range) => range.name));
  const underlined = () => e2e.tab.evaluate(() => CSS.highlights.get('peninsula-lens-underline')?.size ?? 0, undefined);

  it('takes a kind’s marks away when its box is cleared, keeps them off a page loaded then, and brings them back', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    const before = await waitForHighlights(e2e.tab, (found) => found.some((range) => range.name === STATE), 'the page to be marked');
    const states = before.filter((range) => range.name === STATE).length;
    expect(states).toBeGreaterThan(0);
    expect(before.some((range) => range.name === PERSON)).toBe(true);
    const popup = await e2e.browser.openPopup('127.0.0.1');
    let cleared = false;
    try {
      await waitFor(
        async () => popup.evaluate(() => document.querySelector<HTMLInputElement>('.colour-key input')?.disabled === false),
        'the boxes to be ready',
      );
      await popup.click(STATE_BOX);
      cleared = true;
      const without = await waitForHighlights(e2e.tab, (found) => !found.some((range) => range.name === STATE), 'the states’ marks to go');
      expect(without.length).toBe(before.length - states);
      expect(without.some((range) => range.name === PERSON)).toBe(true);
      expect(await underlined()).toBe(without.length);
      // A page loaded while the box is clear is marked without them from the start.
      await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
      await waitForHighlights(e2e.tab, (found) => found.some((range) => range.name === PERSON), 'the page loaded again to be marked');
      expect((await kindsOn()).has(STATE)).toBe(false);
      await popup.click(STATE_BOX);
      cleared = false;
      const back = await waitForHighlights(e2e.tab, (found) => found.length === before.length, 'the states’ marks to come back');
      expect(back.filter((range) => range.name === STATE).length).toBe(states);
    } finally {
      // The choice holds in every test after this one: put it back.
      if (cleared) await popup.click(STATE_BOX);
      await popup.close();
    }
  });
});
