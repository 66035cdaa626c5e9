/**
 * Bundles bench/in-page/probes.ts (and the scanner's own `isSkippedElement`
 * it imports) into one script the bench evaluates in each page.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

export async function bundleProbes(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'in-page/probes.ts'), formats: ['iife'], name: 'peninsulaBenchProbes' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    for (const chunk of result.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Bundling the in-page probes gave no script.');
}
