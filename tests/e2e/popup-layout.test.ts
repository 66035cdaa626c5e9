/**
 * The popup as it is drawn in each browser: controls a finger can hit
 * (WCAG 2.5.8, 24 CSS px) and blocks of text that stand apart.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser } from './support/extension-browser';

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
});
