/**
 * Fails when a built manifest asks for more than the README's "Privacy and
 * permissions" says: other permissions, other content scripts, or any key
 * beyond the few it needs (host permissions, web-accessible files other
 * than the card's bundle, a content security policy…); or when the minimum browser versions the
 * features need are gone; or when an icon it names (assets/icon.svg drawn at
 * each size) is missing from the build or not a PNG of that size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

type Manifest = Record<string, unknown>;

/** What both builds must hold, key by key. */
const SHARED: Manifest = {
  manifest_version: 3,
  permissions: ['storage', 'activeTab'],
  content_scripts: [
    {
      matches: ['<all_urls>'],
      all_frames: true,
      match_about_blank: true,
      run_at: 'document_idle',
      css: ['content-scripts/content.css'],
      js: ['content-scripts/content.js'],
    },
  ],
};

/**
 * Every top-level key a build may have. Any other (host permissions,
 * a content security policy, pages that override the
 * browser's own, network rules…) would widen what the extension may do or
 * what a page can see of it, and must come with a README change first.
 */
const ALLOWED_KEYS = new Set([
  'manifest_version',
  'name',
  'description',
  'version',
  'permissions',
  'action',
  'icons',
  'background',
  'content_scripts',
  'minimum_chrome_version',
  'browser_specific_settings',
  'web_accessible_resources',
]);

/** The one web-accessible file, the card's bundle, which the content script imports (README "What a page can observe"). */
const CARD_BUNDLE = { resources: ['card.js'], matches: ['<all_urls>'] };

const PER_BROWSER: Record<string, Manifest> = {
  'chrome-mv3': { minimum_chrome_version: '128', web_accessible_resources: [CARD_BUNDLE] },
  'firefox-mv3': {
    web_accessible_resources: [CARD_BUNDLE],
    browser_specific_settings: {
      gecko: { id: 'peninsula-lens@peninsula-lens.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
};

/** The sizes the extension's own pages list, and those its toolbar button draws from. */
const ICON_SIZES = ['16', '32', '48', '128'];
const TOOLBAR_ICON_SIZES = ['16', '32', '48'];

/** What is wrong with the icons a manifest names, sized as its keys say (a PNG's width and height stand at bytes 16 to 23). */
function iconProblems(buildDir: string, icons: unknown, sizes: readonly string[], where: string): string[] {
  if (typeof icons !== 'object' || icons === null) return [`"${where}" names no icons`];
  const named = icons as Record<string, unknown>;
  if (!isDeepStrictEqual(Object.keys(named).sort(), [...sizes].sort()))
    return [`"${where}" names sizes ${Object.keys(named).join(', ')}, expected ${sizes.join(', ')}`];
  return Object.entries(named).flatMap(([size, path]) => {
    const file = resolve(buildDir, String(path));
    if (!existsSync(file)) return [`"${where}" ${size}: ${String(path)} is not in the build`];
    const png = readFileSync(file);
    const isPng = png.subarray(1, 4).toString('latin1') === 'PNG';
    const [width, height] = isPng ? [png.readUInt32BE(16), png.readUInt32BE(20)] : [0, 0];
    return isPng && width === Number(size) && height === Number(size) ? [] : [`"${where}" ${size}: ${String(path)} is not a ${size} by ${size} PNG`];
  });
}

const problems: string[] = [];
for (const [target, own] of Object.entries(PER_BROWSER)) {
  const buildDir = resolve(import.meta.dirname, `../.output/${target}`);
  const manifest = JSON.parse(readFileSync(resolve(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const action = (manifest.action ?? {}) as Manifest;
  for (const problem of [
    ...iconProblems(buildDir, manifest.icons, ICON_SIZES, 'icons'),
    ...iconProblems(buildDir, action.default_icon, TOOLBAR_ICON_SIZES, 'action.default_icon'),
  ])
    problems.push(`${target}: ${problem}`);
  for (const [key, expected] of Object.entries({ ...SHARED, ...own })) {
    if (!isDeepStrictEqual(manifest[key], expected))
      problems.push(`${target}: "${key}" is ${JSON.stringify(manifest[key])}, expected ${JSON.stringify(expected)}`);
  }
  for (const key of Object.keys(manifest)) {
    if (!ALLOWED_KEYS.has(key)) problems.push(`${target}: "${key}" is not among the keys the README's "Privacy and permissions" allows`);
  }
  console.log(
    `${target} manifest: ${problems.some((problem) => problem.startsWith(target)) ? 'NOT as the README says' : 'permissions and exposure as the README says'}`,
  );
}
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
