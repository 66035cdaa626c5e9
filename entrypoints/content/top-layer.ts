/**
 * What the browser draws above the rest of the page: a modal dialog, an open
 * popover, an element shown full screen (Chrome 128 and Firefox 140, our
 * minimum versions, know each of these pseudo-classes). The card goes into
 * one that holds its name; a keyboard step counts a name inside one as where
 * the reader is, though browsers draw them fixed.
 */
export const TOP_LAYER = ':modal,:popover-open,:fullscreen';
