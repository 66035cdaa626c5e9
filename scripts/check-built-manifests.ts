/**
 * Fails when a built manifest asks for more than the README's "Privacy and
 * permissions" says: other permissions, other content scripts, or any key
 * beyond the few it needs (host permissions, web-accessible files, a
 * content security policy…); or when the minimum browser versions the
 * features need are gone.
 */
import { readFileSync } from 'node:fs';
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
 * web-accessible files, a content security policy, pages that override the
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
  'background',
  'content_scripts',
  'minimum_chrome_version',
  'browser_specific_settings',
]);

const PER_BROWSER: Record<string, Manifest> = {
  'chrome-mv3': { minimum_chrome_version: '128' },
  'firefox-mv3': {
    browser_specific_settings: {
      gecko: { id: 'peninsula-lens@peninsula-lens.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
};

const problems: string[] = [];
for (const [target, own] of Object.entries(PER_BROWSER)) {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, `../.output/${target}/manifest.json`), 'utf8')) as Manifest;
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
