/**
 * What the in-page probes need: their bundled script, the one combined RegExp
 * of every alias for (a'), and the alias lists for mark.js (c).
 */
import { loadAliases } from './aliases';
import type { ProbeKit } from './measure';
import { bundleProbes } from './probes-bundle';

/** Punctuation that may stand right next to a mark.js match ("exactly" accuracy). */
const MARKJS_LIMITERS = [...',.;:!?()[]{}"\'’‘“”«»-–—/…、。，：；！？（）「」『』・'];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function buildProbeKit(): Promise<ProbeKit & { aliasCount: number }> {
  const { aliases } = loadAliases();
  const byLength = [...aliases].sort((a, b) => b.text.length - a.text.length);
  const pattern = (text: string): string => escapeRegex(text).replace(/ /g, '\\s+');
  const regexSource = byLength.map((alias) => (alias.caseSensitive ? pattern(alias.text) : `(?i:${pattern(alias.text)})`)).join('|');
  const regexFallback = byLength.map((alias) => pattern(alias.text)).join('|');
  return {
    script: await bundleProbes(),
    regexSource,
    regexFallback,
    markjs: {
      caseSensitive: aliases.filter((alias) => alias.caseSensitive).map((alias) => alias.text),
      caseInsensitive: aliases.filter((alias) => !alias.caseSensitive).map((alias) => alias.text),
      limiters: MARKJS_LIMITERS,
    },
    aliasCount: aliases.length,
  };
}
