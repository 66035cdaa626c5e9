/**
 * The popup as it is drawn in each browser: controls a finger can hit
 * (WCAG 2.5.8, 24 CSS px) and blocks of text that stand apart.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser, waitFor } from './support/extension-browser';

/** The smallest target WCAG 2.5.8 allows, in CSS pixels. */
const TARGET = 24;
/** Space that sets two blocks apart to the eye. */
const GAP = 6;

describe.each(browsersUnderTest())('%s: the popup’s layout', (name) => {
  const e2e = useExtensionBrowser(name);

  it('makes the site switch’s row a target of 24 px at least', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    const height = await popup.evaluate(() => document.querySelector('.site-switch')?.getBoundingClientRect().height ?? 0);
    await popup.close();
    expect(height).toBeGreaterThanOrEqual(TARGET);
  });

  it('makes each kind’s box in the colour key, with its name, a target of 24 px at least', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    const heights = await popup.evaluate(() => [...document.querySelectorAll('.colour-key label')].map((label) => label.getBoundingClientRect().height));
    await popup.close();
    expect(heights).toHaveLength(6);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(TARGET);
  });

  it('sets the keyboard hint apart from the colour key', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    const gap = await popup.evaluate(() => {
      const hint = document.querySelector('.hint')?.getBoundingClientRect();
      const key = document.querySelector('.colour-key')?.getBoundingClientRect();
      return hint && key ? key.top - hint.bottom : -1;
    });
    await popup.close();
    expect(gap).toBeGreaterThanOrEqual(GAP);
  });

  it('sets each fact of the timeline apart from the next', async () => {
    const popup = await e2e.browser.openPopup('news.example');
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.timeline-toggle')?.click());
    await waitFor(async () => (await popup.evaluate(() => document.querySelectorAll('.timeline .fact').length)) > 2, 'the timeline');
    const gaps = await popup.evaluate(() => {
      const facts = [...document.querySelectorAll('.timeline .fact')].map((fact) => fact.getBoundingClientRect());
      return facts.slice(1).map((fact, index) => fact.top - (facts[index]?.bottom ?? 0));
    });
    await popup.close();
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(GAP);
  });

  /** The popup with the first results of "council": more than fit in one list, so "Show all" is there. */
  async function popupWithCouncil() {
    const popup = await e2e.browser.openPopup('news.example');
    await popup.type('.search-input', 'council');
    await waitFor(async () => popup.evaluate(() => document.querySelector('.show-all') !== null), 'the first results of “council”');
    return popup;
  }

  it('sets each fact found apart from the next', async () => {
    const popup = await popupWithCouncil();
    const gaps = await popup.evaluate(() =>
      [...document.querySelectorAll('.hit')].flatMap((hit) => {
        const facts = [...hit.querySelectorAll('.fact')].map((fact) => fact.getBoundingClientRect());
        return facts.slice(1).map((fact, index) => fact.top - (facts[index]?.bottom ?? 0));
      }),
    );
    await popup.close();
    expect(gaps.length).toBeGreaterThan(0);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(GAP);
  });

  it('marks each fact found with a filled bullet, not the hollow one of a list inside a list', async () => {
    const popup = await popupWithCouncil();
    const marker = await popup.evaluate(() => {
      const facts = document.querySelector('.hit .facts');
      return facts ? getComputedStyle(facts).listStyleType : '';
    });
    await popup.close();
    expect(marker).toBe('disc');
  });
});
