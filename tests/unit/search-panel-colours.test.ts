/**
 * The search panel's error text (.problem in the popup's stylesheet) stays
 * readable in both colour schemes: WCAG AA, 4.5:1, against the light canvas
 * and the dark canvases of Chrome (#121212) and Firefox (#1c1b22).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from './support/contrast';

const css = readFileSync(resolve(import.meta.dirname, '../../entrypoints/popup/popup.css'), 'utf8');

/** The light and the dark colour of a rule's `color`: light-dark(a, b), or one colour for both. */
function schemeColours(selector: string): { light: string; dark: string } {
  const body = new RegExp(`(?:^|\\n)${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(css)?.[1] ?? '';
  const value = /(?:^|[;\s])color:\s*([^;]+);/.exec(body)?.[1]?.trim() ?? '';
  const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
  if (pair?.[1] && pair[2]) return { light: pair[1], dark: pair[2] };
  expect(value, `the color of ${selector}`).toMatch(/^#[0-9a-f]{6}$/i);
  return { light: value, dark: value };
}

describe('popup colours', () => {
  const { light, dark } = schemeColours('.problem');

  it('makes error text readable on the light canvas', () => {
    expect(contrast(light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['#121212', '#1c1b22'])('makes error text readable on the dark canvas %s', (background) => {
    expect(contrast(dark, background)).toBeGreaterThanOrEqual(4.5);
  });
});
