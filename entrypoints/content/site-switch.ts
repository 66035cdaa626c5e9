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

/**
 * Waits before asking the background again. A browser restoring a session of
 * many tabs may take tens of seconds to start it; past the last wait the page
 * stays unmarked until the settings change.
 */
const RETRY_DELAYS_MS = [300, 1500, 5000, 15_000, 30_000];

/** Calls `onStatus` with the current status now (or once shown) and after every settings change; returns a stop function. */
export function followSiteSwitch(onStatus: (status: PageStatus) => void, doc: Document = document): () => void {
  let asked = 0;
  const ask = async (): Promise<void> => {
    const id = ++asked;
    let status: PageStatus | undefined;
    for (let attempt = 0; !status; attempt++) {
      try {
        status = await sendRequest({ type: 'site-status' }, PageStatusSchema);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined) {
          console.warn('Peninsula Lens: no answer on this site.', error);
          return;
        }
        await new Promise((done) => setTimeout(done, delay));
      }
      if (id !== asked) return;
    }
    // Outside the loop: a failure to act on the answer is not a missing answer, and asking again would act twice.
    try {
      onStatus(status);
    } catch (error) {
      console.warn('Peninsula Lens: nothing is marked on this page:', error);
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
  // Only the browser's own events: a page that fires its own would stop the switch reaching it (a pagehide),
  // ask for a site it is not yet shown on (prerenderingchange) or flood the background (pageshow).
  if ((doc as PrerenderingDocument).prerendering === true)
    doc.addEventListener('prerenderingchange', (event) => event.isTrusted && follow(), { signal: shown.signal });
  else follow();
  // A page kept in the back-forward cache hears no settings change: back, it asks afresh. Its listener goes
  // meanwhile, as Firefox, taking one left at unload away itself, logs an error for each frame's.
  const view = doc.defaultView;
  view?.addEventListener('pagehide', (event) => event.isTrusted && browser.storage.onChanged.removeListener(onChanged), { signal: shown.signal });
  view?.addEventListener(
    'pageshow',
    (event) => {
      try {
        if (event.isTrusted && event.persisted) follow();
      } catch {
        // The extension was reloaded while the page was cached: its APIs are gone, and the check for that stops this script.
      }
    },
    { signal: shown.signal },
  );
  return () => {
    asked++;
    shown.abort();
    browser.storage.onChanged.removeListener(onChanged);
  };
}
