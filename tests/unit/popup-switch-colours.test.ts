/**
 * The site switch, off, stays visible in both colour schemes: its track
 * against the popup's canvas, and its white knob against the track, at the
 * 3:1 WCAG asks of the parts of a control (1.4.11). The canvases: light
 * (#fff), Chrome's dark (#121212) and Firefox's dark (#1c1b22).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from './support/contrast';

const css = readFileSync(resolve(import.meta.dirname, '../../entrypoints/popup/popup.css'), 'utf8');

/** The off track's light and dark colours: the light-dark() pair in the switch's background. */
function offTrack(): { light: string; dark: string } {
  const body = /\n\.site-switch input\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const pair = /light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/i.exec(body);
  expect(pair, 'the off track’s light-dark() colours').not.toBeNull();
  return { light: pair?.[1] ?? '', dark: pair?.[2] ?? '' };
}

describe('the site switch, off', () => {
  const { light, dark } = offTrack();

  it('shows its track on the light canvas, and its white knob on the track', () => {
    expect(contrast(light, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it.each(['#121212', '#1c1b22'])('shows its track on the dark canvas %s', (canvas) => {
    expect(contrast(dark, canvas)).toBeGreaterThanOrEqual(3);
  });

  it('shows its white knob on the dark track', () => {
    expect(contrast('#ffffff', dark)).toBeGreaterThanOrEqual(3);
  });
});
