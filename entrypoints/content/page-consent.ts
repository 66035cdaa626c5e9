/**
 * Whether a page lets the extension in: a page that opted out (the `<meta>`
 * or the attribute on its root element) or that is one big editor
 * (`designMode`) is left alone. Checked when the script starts, and again as
 * the page changes: either can be switched on later.
 */
import { OPT_OUT_ATTRIBUTE, OPT_OUT_VALUE } from './text-blocks';

/** The `<meta>` with which a whole page opts out: `<meta name="peninsula-lens" content="off">`. */
export const OPT_OUT_META_NAME = 'peninsula-lens';

/** True when the page's `<meta>` asks to be left alone. */
function metaOptedOut(doc: Document): boolean {
  // The whole document, not only the head: a parser or a CMS may leave the meta in the body. A page's
  // consent is worth the 3 ms this takes on a 100,000-node page.
  const meta = doc.querySelector(`meta[name="${OPT_OUT_META_NAME}"]`);
  return meta?.getAttribute('content')?.trim().toLowerCase() === OPT_OUT_VALUE;
}

/** True when the page is to be left alone now, whatever the `<meta>` says. */
function closedWithoutMeta(doc: Document): boolean {
  return doc.designMode === 'on' || doc.documentElement?.getAttribute(OPT_OUT_ATTRIBUTE) === OPT_OUT_VALUE;
}

/** True when the page is to be left alone now: opted out, or editable as a whole. */
export function pageClosed(doc: Document): boolean {
  return closedWithoutMeta(doc) || metaOptedOut(doc);
}

export type PageConsent = {
  /**
   * Whether the page is to be left alone, after a batch of its changes:
   * `designMode` and the root element's attribute are read every time
   * (setting `designMode` leaves no trace in the DOM, but typing into the
   * page does), the `<meta>` only when one came, went or changed.
   */
  closedAfter(metaChanged: boolean): boolean;
};

/** Follows the consent of a page the extension runs on. */
export function followPageConsent(doc: Document): PageConsent {
  let optedOutByMeta = metaOptedOut(doc);
  return {
    closedAfter(metaChanged) {
      if (metaChanged) optedOutByMeta = metaOptedOut(doc);
      return optedOutByMeta || closedWithoutMeta(doc);
    },
  };
}
