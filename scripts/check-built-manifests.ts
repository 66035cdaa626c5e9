/**
 * Fails when a built manifest asks for more than the README's "Privacy and
 * permissions" says: other permissions, host permissions, web-accessible
 * files, a looser content security policy, or other content scripts; or
 * when the minimum browser versions the features need are gone.
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

/** Keys that would widen what the extension may do or expose; none may appear. */
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'web_accessible_resources',
  'content_security_policy',
  'externally_connectable',
];

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
  for (const key of FORBIDDEN_KEYS) if (key in manifest) problems.push(`${target}: "${key}" must not be in the manifest (README, Privacy and permissions)`);
  console.log(
    `${target} manifest: ${problems.some((problem) => problem.startsWith(target)) ? 'NOT as the README says' : 'permissions and exposure as the README says'}`,
  );
}
for (const problem of problems) console.error(problem);
process.exit(problems.length > 0 ? 1 : 0);
