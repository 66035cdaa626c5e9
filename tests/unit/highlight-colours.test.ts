/**
 * The marks' colours (entrypoints/content/highlights.css) tell the kinds of
 * entity apart: each pair of kinds, painted over a white and a dark page,
 * differs by a colour difference a reader sees at a glance (CIE ΔE 2000 of
 * 10 or more; 2.3 is the least a trained eye tells apart side by side), with
 * normal colour vision and as readers with protanopia, deuteranopia or
 * tritanopia see them (simulated: tests/support/colour-vision.ts); each mark
 * stands out from the page by as much; the dotted underline stands out from
 * each mark (3:1, as a control's parts must); and the text under each mark
 * stays readable (WCAG 4.5:1 for black text on white, white text on the dark
 * page).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../data/schema';
import { COLOUR_VISIONS, linear, type Rgb, seenWith } from '../support/colour-vision';

const css = readFileSync(resolve(import.meta.dirname, '../../entrypoints/content/highlights.css'), 'utf8');

/** The colour and opacity of a kind's mark: `background-color: rgb(r g b / a)`. */
function markOf(kind: string): { colour: Rgb; alpha: number } {
  const rule = new RegExp(`::highlight\\(peninsula-lens-${kind}\\)\\s*\\{\\s*background-color:\\s*rgb\\((\\d+) (\\d+) (\\d+) / ([\\d.]+)\\)`).exec(css);
  if (!rule) throw new Error(`no colour for ${kind}`);
  return { colour: [Number(rule[1]), Number(rule[2]), Number(rule[3])], alpha: Number(rule[4]) };
}

/** The underline's colour and opacity, `rgb(r g b / a)`; null where it is left to the text's colour. */
function underline(): { colour: Rgb; alpha: number } | null {
  const rule = /::highlight\(peninsula-lens-underline\)\s*\{[^}]*?text-decoration:\s*([^;]+);/.exec(css);
  if (!rule) throw new Error('no underline');
  const colour = /rgb\((\d+) (\d+) (\d+) \/ ([\d.]+)\)/.exec(rule[1] as string);
  if (colour) return { colour: [Number(colour[1]), Number(colour[2]), Number(colour[3])], alpha: Number(colour[4]) };
  if ((rule[1] as string).replace(/underline|dotted/g, '').trim() !== '') throw new Error(`an underline this test cannot read: ${rule[1]}`);
  return null;
}

function over({ colour, alpha }: { colour: Rgb; alpha: number }, page: Rgb): Rgb {
  return colour.map((channel, at) => channel * alpha + (page[at] as number) * (1 - alpha)) as Rgb;
}

function luminance([red, green, blue]: Rgb): number {
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

function lab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(linear) as Rgb;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const [fx, fy, fz] = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29)) as Rgb;
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 colour difference. */
function deltaE2000(one: Rgb, two: Rgb): number {
  const [l1, a1, b1] = lab(one);
  const [l2, a2, b2] = lab(two);
  const rad = Math.PI / 180;
  const meanC = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(meanC ** 7 / (meanC ** 7 + 25 ** 7)));
  const [ap1, ap2] = [a1 * (1 + g), a2 * (1 + g)];
  const [c1, c2] = [Math.hypot(ap1, b1), Math.hypot(ap2, b2)];
  const hue = (b: number, a: number) => (Math.atan2(b, a) / rad + 360) % 360;
  const [h1, h2] = [hue(b1, ap1), hue(b2, ap2)];
  const dL = l2 - l1;
  const dC = c2 - c1;
  let dh = h2 - h1;
  if (c1 * c2 !== 0 && Math.abs(dh) > 180) dh -= Math.sign(dh) * 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh / 2) * rad);
  const meanL = (l1 + l2) / 2;
  const meanCp = (c1 + c2) / 2;
  let meanH = h1 + h2;
  if (c1 * c2 !== 0) meanH = Math.abs(h1 - h2) > 180 ? (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2 : (h1 + h2) / 2;
  const t =
    1 -
    0.17 * Math.cos((meanH - 30) * rad) +
    0.24 * Math.cos(2 * meanH * rad) +
    0.32 * Math.cos((3 * meanH + 6) * rad) -
    0.2 * Math.cos((4 * meanH - 63) * rad);
  const sL = 1 + (0.015 * (meanL - 50) ** 2) / Math.sqrt(20 + (meanL - 50) ** 2);
  const sC = 1 + 0.045 * meanCp;
  const sH = 1 + 0.015 * meanCp * t;
  const rT = -2 * Math.sqrt(meanCp ** 7 / (meanCp ** 7 + 25 ** 7)) * Math.sin(60 * Math.exp(-(((meanH - 275) / 25) ** 2)) * rad);
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

const PAGES: [string, Rgb, Rgb][] = [
  ['a white page', [255, 255, 255], [0, 0, 0]],
  ['a dark page', [18, 18, 18], [255, 255, 255]],
];

const VISIONS = Object.entries(COLOUR_VISIONS);

describe.each(PAGES)('the marks on %s', (_page, background, text) => {
  const pairs = ENTITY_KINDS.flatMap((one, at) => ENTITY_KINDS.slice(at + 1).map((two) => [one, two] as const));

  describe.each(VISIONS)('seen with %s', (_vision, vision) => {
    const seen = (rgb: Rgb) => seenWith(vision, rgb);

    it.each(pairs)('tell %s from %s at a glance', (one, two) => {
      expect(deltaE2000(seen(over(markOf(one), background)), seen(over(markOf(two), background)))).toBeGreaterThanOrEqual(10);
    });

    it.each([...ENTITY_KINDS])('show a %s mark on the page at a glance', (kind) => {
      expect(deltaE2000(seen(over(markOf(kind), background)), seen(background))).toBeGreaterThanOrEqual(10);
    });
  });

  it.each([...ENTITY_KINDS])('draw the underline on a %s mark at 3:1 or more against it', (kind) => {
    const mark = over(markOf(kind), background);
    const line = underline();
    // No colour given: the line takes the text's.
    const drawn = line ? over(line, mark) : text;
    const [lighter, darker] = [luminance(drawn), luminance(mark)].sort((x, y) => y - x) as [number, number];
    expect((lighter + 0.05) / (darker + 0.05)).toBeGreaterThanOrEqual(3);
  });

  it.each([...ENTITY_KINDS])('keep the text on a %s mark readable', (kind) => {
    const [lighter, darker] = [luminance(over(markOf(kind), background)), luminance(text)].sort((x, y) => y - x) as [number, number];
    expect((lighter + 0.05) / (darker + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
