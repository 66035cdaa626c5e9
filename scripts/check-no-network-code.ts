/**
 * Fails when the built extension's code holds a way to reach the network or
 * to run code made from text (network-code.ts says what is looked for): the
 * README promises it sends nothing and runs no remote code and no `eval`. It
 * reads the bundles as shipped, so a dependency that starts phoning home fails
 * here, not in a review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { forbiddenUses } from './network-code';

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return scriptsUnder(path);
    return /\.(m?js|html|css)$/.test(entry.name) ? [path] : [];
  });
}

const root = resolve(import.meta.dirname, '../.output');
let found = 0;
for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const files = scriptsUnder(join(root, target));
  const before = found;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const { what, at } of forbiddenUses(code)) {
      found++;
      console.error(`${relative(root, file)}: ${what} at ${at}: …${code.slice(Math.max(0, at - 40), at + 40)}…`);
    }
  }
  const here = found - before;
  console.log(`${target}: ${files.length} files read, ${here === 0 ? 'no network or eval code' : `${here} uses of a forbidden API`}`);
}
process.exit(found > 0 ? 1 : 0);
