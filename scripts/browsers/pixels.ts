/**
 * Reads the colours of a screenshot the way a person sees them: decoded by
 * the browser itself (no image library), then compared with an expected
 * colour.
 */

export type Rgb = [number, number, number];

/** The colour a translucent highlight shows over a background. */
export function blend(over: Rgb, alpha: number, background: Rgb): Rgb {
  return over.map((channel, index) => Math.round((background[index] as number) + (channel - (background[index] as number)) * alpha)) as Rgb;
}

type PixelArgs = { dataUrl: string; colour: Rgb; tolerance: number };
/** A page's `evaluate`, as Playwright and Puppeteer both offer it. */
export type PageEvaluate = (fn: (args: PixelArgs) => Promise<number>, args: PixelArgs) => Promise<number>;

/**
 * The share (0..1) of a PNG's pixels within `tolerance` of `colour` on every
 * channel, computed in a page of the browser under test.
 */
export async function shareOfPixelsNear(evaluate: PageEvaluate, png: Uint8Array, colour: Rgb, tolerance = 14): Promise<number> {
  const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  return evaluate(
    async ({ dataUrl: url, colour: wanted, tolerance: within }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs((data[i] as number) - wanted[0]) <= within &&
          Math.abs((data[i + 1] as number) - wanted[1]) <= within &&
          Math.abs((data[i + 2] as number) - wanted[2]) <= within
        )
          near++;
      }
      return near / (data.length / 4);
    },
    { dataUrl, colour, tolerance },
  );
}
