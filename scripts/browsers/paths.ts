/**
 * Finds the browsers the tests and `npm start` drive, and installs a missing
 * one from Debian's packages when running as root; otherwise says exactly
 * what to install. No browser is ever downloaded by a test tool.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; debianPackage: string }> = {
  chromium: { env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], debianPackage: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], debianPackage: 'firefox-esr' },
};

function find(name: BrowserName): string | undefined {
  const { env, paths } = CANDIDATES[name];
  const override = process.env[env];
  if (override) return existsSync(override) ? override : undefined;
  return paths.find((path) => existsSync(path));
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Paths of the named browsers, installing missing ones when possible; exits with instructions otherwise. */
export function ensureBrowsers(names: BrowserName[]): Record<BrowserName, string> {
  const missing = names.filter((name) => !find(name));
  if (missing.length > 0) {
    const packages = missing.map((name) => CANDIDATES[name].debianPackage);
    if (isRoot() && existsSync('/usr/bin/apt-get')) {
      console.log(`Installing ${packages.join(' and ')} from Debian's packages…`);
      execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-q', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } else {
      const envs = missing.map((name) => CANDIDATES[name].env).join(' or ');
      console.error(
        `Missing browser(s): ${missing.join(', ')}.\nInstall them with:  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\nor point ${envs} at an installed binary.`,
      );
      process.exit(1);
    }
  }
  const found = {} as Record<BrowserName, string>;
  for (const name of names) {
    const path = find(name);
    if (!path) {
      console.error(`${name} is still missing after installing it; set ${CANDIDATES[name].env}.`);
      process.exit(1);
    }
    found[name] = path;
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = process.argv.slice(2) as BrowserName[];
  const paths = ensureBrowsers(wanted.length > 0 ? wanted : ['chromium', 'firefox']);
  for (const [name, path] of Object.entries(paths)) console.log(`${name}: ${path}`);
}
