/**
 * Follows whether the extension is on for this tab's site: asks the
 * background (which knows the tab, so frames follow their top page) and asks
 * again whenever the site settings change.
 */
import { browser } from 'wxt/browser';
import { SiteStatusSchema } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { SETTINGS_KEY } from '../../utils/settings-store';

/** Calls `onStatus` with the current state now and after every settings change; returns a stop function. */
export function followSiteSwitch(onStatus: (enabled: boolean) => void): () => void {
  let asked = 0;
  const ask = async (): Promise<void> => {
    const id = ++asked;
    try {
      const status = await sendRequest({ type: 'site-status' }, SiteStatusSchema);
      if (id === asked) onStatus(status.enabled);
    } catch (error) {
      console.warn('Peninsula Lens: could not learn whether it is on for this site.', error);
    }
  };
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && SETTINGS_KEY in changes) void ask();
  };
  browser.storage.onChanged.addListener(onChanged);
  void ask();
  return () => {
    asked++;
    browser.storage.onChanged.removeListener(onChanged);
  };
}
