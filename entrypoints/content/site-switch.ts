/**
 * Follows whether the extension is on for this tab's site: asks the
 * background (which knows the tab, so frames follow their top page) and asks
 * again whenever the site settings change. A page the browser loads ahead of
 * time (prerendering) is asked about once it is shown: until then its tab is
 * still the page before it, whose site may be switched otherwise.
 */
import { browser } from 'wxt/browser';
import { type PageStatus, PageStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { SETTINGS_KEY } from '../../utils/settings-store';

/** `document.prerendering` (Chrome 108, Firefox has none yet), not in TypeScript's DOM types. */
type PrerenderingDocument = Document & { prerendering?: boolean };

/** Waits between attempts to ask the background; the last entry only ends the list. */
const RETRY_DELAYS_MS = [300, 1500, 0];

/** Calls `onStatus` with the current status now (or once shown) and after every settings change; returns a stop function. */
export function followSiteSwitch(onStatus: (status: PageStatus) => void, doc: Document = document): () => void {
  let asked = 0;
  const ask = async (): Promise<void> => {
    const id = ++asked;
    // The background may not be ready yet (a browser restoring its session): try again a little later.
    for (const [attempt, delay] of RETRY_DELAYS_MS.entries()) {
      try {
        const status = await sendRequest({ type: 'site-status' }, PageStatusSchema);
        if (id === asked) onStatus(status);
        return;
      } catch (error) {
        if (attempt === RETRY_DELAYS_MS.length - 1) console.warn('Peninsula Lens: no answer on this site.', error);
        else await new Promise((done) => setTimeout(done, delay));
        if (id !== asked) return;
      }
    }
  };
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes) void ask();
  };
  const follow = (): void => {
    browser.storage.onChanged.addListener(onChanged);
    void ask();
  };
  const shown = new AbortController();
  if ((doc as PrerenderingDocument).prerendering === true) doc.addEventListener('prerenderingchange', follow, { once: true, signal: shown.signal });
  else follow();
  return () => {
    asked++;
    shown.abort();
    browser.storage.onChanged.removeListener(onChanged);
  };
}
