/**
 * Reads the colours of a screenshot the way a person sees them: decoded by
 * the browser itself (no image library), then compared with an expected
 * colour, or with another screenshot of the same place.
 */

export type Rgb = [number, number, number];

/** The colour a translucent highlight shows over a background. */
export function blend(over: Rgb, alpha: number, background: Rgb): Rgb {
  return over.map((channel, index) => Math.round((background[index] as number) + (channel - (background[index] as number)) * alpha)) as Rgb;
}

/** One or two PNGs as data URLs; with a `colour`, the first is compared with it, else with the second. */
type PixelArgs = { dataUrls: string[]; colour: Rgb | null; tolerance: number };
/** A page's `evaluate`, as Playwright and Puppeteer both offer it. */
export type PageEvaluate = (fn: (args: PixelArgs) => Promise<number>, args: PixelArgs) => Promise<number>;

/** Runs in the page: the share of the first image's pixels near the colour, or off from the second image's, on some channel. */
async function shareOfPixels({ dataUrls, colour, tolerance }: PixelArgs): Promise<number> {
  const images = await Promise.all(
    dataUrls.map(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, canvas.width, canvas.height).data;
    }),
  );
  const [data, other] = images;
  if (!data) throw new Error('no image');
  let counted = 0;
  for (let i = 0; i < data.length; i += 4) {
    let within = true;
    for (let channel = 0; channel < 3; channel++) {
      const wanted = colour ? colour[channel] : other?.[i + channel];
      if (wanted === undefined || Math.abs((data[i + channel] as number) - wanted) > tolerance) within = false;
    }
    if (colour ? within : !within) counted++;
  }
  return counted / (data.length / 4);
}

function dataUrlOf(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
}

/**
 * The share (0..1) of a PNG's pixels within `tolerance` of `colour` on every
 * channel, computed in a page of the browser under test.
 */
export function shareOfPixelsNear(evaluate: PageEvaluate, png: Uint8Array, colour: Rgb, tolerance = 14): Promise<number> {
  return evaluate(shareOfPixels, { dataUrls: [dataUrlOf(png)], colour, tolerance });
}

/** The share (0..1) of pixels that differ by more than `tolerance` on some channel between two PNGs of one place. */
export function shareOfPixelsChanged(evaluate: PageEvaluate, before: Uint8Array, after: Uint8Array, tolerance = 24): Promise<number> {
  return evaluate(shareOfPixels, { dataUrls: [dataUrlOf(before), dataUrlOf(after)], colour: null, tolerance });
}
