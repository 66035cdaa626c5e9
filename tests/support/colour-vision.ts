/**
 * How a colour looks to a reader with one of the common colour-vision
 * deficiencies: the full (severity 1) protanopia, deuteranopia and tritanopia
 * of Machado, Oliveira and Fernandes (2009), applied to linear-light sRGB.
 * For the tests of the marks' colours only; no shipped code uses it.
 */
export type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

export const COLOUR_VISIONS: Record<'normal vision' | 'protanopia' | 'deuteranopia' | 'tritanopia', Matrix | null> = {
  'normal vision': null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** An sRGB channel (0..255) as linear light (0..1). */
export function linear(channel: number): number {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function encoded(light: number): number {
  const value = Math.min(1, Math.max(0, light));
  return 255 * (value <= 0.0031308 ? 12.92 * value : 1.055 * value ** (1 / 2.4) - 0.055);
}

/** The colour as a reader with that vision sees it (unchanged for normal vision). */
export function seenWith(vision: Matrix | null, rgb: Rgb): Rgb {
  if (!vision) return rgb;
  const light = rgb.map(linear) as Rgb;
  return vision.map(([red, green, blue]) => encoded(red * light[0] + green * light[1] + blue * light[2])) as Rgb;
}
