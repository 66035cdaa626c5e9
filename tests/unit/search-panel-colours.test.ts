/**
 * The search panel's error text (.problem in the popup's stylesheet) stays
 * readable in both colour schemes: WCAG AA, 4.5:1, against the light canvas
 * and the dark canvases of Chrome (#121212) and Firefox (#1c1b22).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../../entrypoints/popup/popup.css'), 'utf8');

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

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
