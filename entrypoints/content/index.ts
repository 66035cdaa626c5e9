import { defineContentScript } from 'wxt/utils/define-content-script';
import { createMatcher } from '../../utils/matcher/matcher';
import { parseShippedMatcher } from '../../utils/matcher/shipped';
import { NotedSchema, type PageStatus } from '../../utils/protocol';
import { sendRequest } from '../../utils/request-client';
import { type Annotator, startAnnotator } from './annotator';
import { removeLeftoverCards } from './card-host-element';
import { isEmptyFrame, whenFrameFilled } from './frame-filling';
import './highlights.css';
import { pageClosed } from './page-consent';
import { followSiteSwitch } from './site-switch';
import { SKIPPED_TAGS } from './text-blocks';
import { benchEnd, benchStart } from './timing';

/** How often the script checks whether its extension was reloaded or updated under it. */
const INVALIDATION_CHECK_MS = 2000;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // Frames a page fills itself (about:blank written by script, srcdoc) hold text a reader reads as the page's.
  matchAboutBlank: true,
  runAt: 'document_idle',
  // WXT tells an older copy of this script to stop with a DOM event, and also, for its own older versions,
  // with window.postMessage: that message took 5-30 ms on a fresh page and told every page's scripts that the
  // extension is there. The DOM event is enough, as this build's scripts all listen for it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    benchStart();
    // An HTML page, also one served as XHTML (an XML document in Chromium); not an SVG or other XML document.
    if (!(document.documentElement instanceof HTMLHtmlElement) || pageClosed(document)) {
      // Chromium's list of tabs open at install keeps a tab until its script is heard from: this page reloaded,
      // it runs here. Its top frame says so (Firefox keeps no such list).
      if (!import.meta.env.FIREFOX && window === window.top) sendRequest({ type: 'page-not-read' }, NotedSchema).catch(() => undefined);
      return;
    }
    removeLeftoverCards(document);
    // The browser shows a plain-text file (a statement saved as .txt) in one <pre>: that is its text, not code.
    if (document.contentType === 'text/plain') SKIPPED_TAGS.delete('pre');
    let annotator: Annotator | undefined;
    /** The key of the matcher the annotator marks with: the reader's choice of kinds to mark changes it. */
    let inUse: string | undefined;
    const onStatus = ({ enabled, matcher: shipped, matcherKey }: PageStatus): void => {
      if (annotator && !(enabled && matcherKey === inUse)) {
        annotator.stop();
        annotator = undefined;
      }
      if (enabled && !annotator) {
        // Bench builds only (timing.ts): the bundler keeps every statement here, so literal marks the minifier can drop.
        if (import.meta.env.WXT_PENINSULA_BENCH === 'true') performance.mark('peninsula-lens:enable');
        // A matcher that cannot be built throws: site-switch.ts tells why nothing is marked.
        const ready = createMatcher(parseShippedMatcher(shipped));
        inUse = matcherKey;
        if (import.meta.env.WXT_PENINSULA_BENCH === 'true') performance.mark('peninsula-lens:matcher-ready');
        const start = (): Annotator =>
          startAnnotator(document, ready, () => {
            annotator?.stop();
            annotator = start();
          });
        annotator = start();
        if (import.meta.env.WXT_PENINSULA_BENCH === 'true') performance.mark('peninsula-lens:enabled');
      }
    };
    let stopFollowing = (): void => undefined;
    const follow = (): void => {
      stopFollowing = followSiteSwitch(onStatus);
    };
    // A frame with nothing in it yet asks about its site once something is put in it.
    let stopWaiting: (() => void) | undefined;
    if (isEmptyFrame(document)) stopWaiting = whenFrameFilled(document, follow);
    else follow();
    ctx.onInvalidated(() => {
      stopWaiting?.();
      annotator?.stop();
      annotator = undefined;
      try {
        stopFollowing();
      } catch {
        // The extension's APIs may already be gone with the old context; nothing is left to undo.
      }
    });
    // Chrome keeps an updated or reloaded extension's old content script running in open tabs, with
    // its extension APIs gone; WXT notices only when asked, so ask now and then and clean up then.
    ctx.setInterval(() => void ctx.isInvalid, INVALIDATION_CHECK_MS);
    benchEnd('main');
  },
});
