import { BROWSERS, type BrowserName } from './extension-browser';

/** The browsers this run tests: all, or those named in E2E_BROWSERS (the gates run one browser each). */
export function browsersUnderTest(): BrowserName[] {
  const named = process.env.E2E_BROWSERS?.split(',').map((name) => name.trim());
  return named ? BROWSERS.filter((name) => named.includes(name)) : BROWSERS;
}
