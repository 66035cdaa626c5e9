/**
 * The compiled matcher on its way to a page. It is built into the background,
 * not into the content script that every page and frame loads (it was a fifth
 * of that script's 30 kB budget), and travels as JSON text with the answer to
 * the first question each content script asks: is this site on? A page where
 * the extension is off never receives it.
 */
import * as v from 'valibot';
import type { CompactRule, CompiledMatcher, PackedNode } from './compile';

/**
 * The matcher's top level: its parts are the arrays and strings the matcher
 * indexes. What lies inside them is not checked: only the extension's own
 * background can answer a content script's runtime message, and it sends the
 * tree its build compiled from data checked at build time. The check catches
 * an answer of the wrong kind (another version's, a damaged one); checking
 * every node and rule as well made the matcher's start on a fresh page take
 * twice as long.
 */
/** The prefilter's two patterns and its flags (compile.ts): checked by hand: a tuple schema took 44 of the content script's budget's bytes. */
const isPrefilter = (value: unknown): value is CompiledMatcher['prefilter'] =>
  Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && typeof value[2] === 'number' && value.length === 3;

const ShippedMatcherSchema = v.strictObject({
  tree: v.custom<PackedNode>(Array.isArray),
  rules: v.custom<CompactRule[]>(Array.isArray),
  entities: v.custom<CompiledMatcher['entities']>(Array.isArray),
  prefilter: v.custom<CompiledMatcher['prefilter']>(isPrefilter),
  capitalWords: v.array(v.string()),
  koreanParticles: v.array(v.string()),
});

/** Parses the matcher the background sent; throws, saying what is wrong, when there is none or it is not one. */
export function parseShippedMatcher(json: string | undefined): CompiledMatcher {
  if (json === undefined) throw new Error('the background sent no matcher');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('the matcher the background sent is not JSON');
  }
  const result = v.safeParse(ShippedMatcherSchema, data);
  if (!result.success) throw new Error(`the matcher the background sent is malformed: ${result.issues[0].message}`);
  return result.output;
}
