/**
 * The demo page `npm start` opens: the bundled article laid out as a news
 * page, with the landmarks a screen reader moves by (axe-core's WCAG 2.1 A
 * and AA rules and its best practices; colour contrast needs a layout).
 */
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { renderDemoPage } from '../../scripts/demo-page';

afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

it('breaks no rule, and holds the article in its main landmark', async () => {
  const page = new DOMParser().parseFromString(renderDemoPage(), 'text/html');
  document.documentElement.lang = page.documentElement.lang;
  document.documentElement.innerHTML = page.documentElement.innerHTML;
  const { violations } = await axe.run(document, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.html.slice(0, 80) ?? ''}`)).toEqual([]);
  expect(document.querySelector('main article h1')?.textContent).toBeTruthy();
});
