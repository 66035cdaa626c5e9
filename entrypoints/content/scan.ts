/**
 * Finds the mentions in a part of the page. Pure: it reads the DOM and writes
 * nothing, so it is tested on plain documents.
 */
import type { EntityKind } from '../../data/schema';
import type { Matcher } from '../../utils/matcher/matcher';
import { locate, type TextBlock } from './text-blocks';

export type Mention = {
  entityId: string;
  kind: EntityKind;
  text: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
};

/**
 * Ends one block's text where blocks are matched together: no alias contains
 * it and it is neither a letter nor a space, so no mention and no look-alike
 * rule reaches across it.
 */
const BLOCK_SEPARATOR = '\u0000';

/**
 * The mentions of several blocks, matched in one pass over their texts joined
 * (one call per block cost more than the matching on pages of many small
 * blocks). Elements hidden by CSS are checked only where a match is.
 */
export function mentionsInBlocks(blocks: readonly TextBlock[], matcher: Matcher, visible: (element: Element) => boolean): Mention[] {
  const offsets: number[] = [];
  let joined = '';
  for (const block of blocks) {
    offsets.push(joined.length);
    joined += block.text + BLOCK_SEPARATOR;
  }
  const mentions: Mention[] = [];
  let at = 0;
  for (const match of matcher.findIn(joined)) {
    while (at + 1 < blocks.length && (offsets[at + 1] as number) <= match.start) at++;
    const block = blocks[at] as TextBlock;
    const base = offsets[at] as number;
    const start = locate(block, match.start - base, false);
    const end = locate(block, match.end - base, true);
    const parent = start.node.parentElement;
    if (parent && !visible(parent)) continue;
    mentions.push({
      entityId: match.entityId,
      kind: match.kind,
      text: joined.slice(match.start, match.end),
      startNode: start.node,
      startOffset: start.offset,
      endNode: end.node,
      endOffset: end.offset,
    });
  }
  return mentions;
}

/**
 * How far up from a mention's element a box that clips it to a pixel is looked for: text for screen
 * readers only is such a box's own text or its child's (`<h2 class="sr-only"><a>…`); each step asks for a box.
 */
const CLIPPING_BOX_DEPTH = 3;

/**
 * False for an element the page hides with CSS (display, visibility, content-visibility, opacity 0: text
 * faded out, and its marks with it, is not seen, and a card opened on it pointed at nothing), or that a box
 * a pixel wide or a pixel high clips away: text for screen readers only (`.sr-only`, `.visually-hidden`,
 * also with a theme's padding, or Drupal's, only a pixel high) and a collapsed accordion (`max-height: 0`).
 */
export function isShown(element: Element): boolean {
  if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
  for (let around: Element | null = element, depth = 0; around && depth < CLIPPING_BOX_DEPTH; around = around.parentElement, depth++) {
    // Its size first, two numbers the browser has at hand once the page is laid out; the style of a box of a
    // pixel only. An element drawn as its children (`display: contents`, sized 0) clips nothing.
    if (around instanceof HTMLElement && (around.offsetWidth <= 1 || around.offsetHeight <= 1)) {
      const { overflow, display } = getComputedStyle(around);
      if (/hidden|clip/.test(overflow) && display !== 'contents') return false;
    }
  }
  return true;
}

/** A visibility check that asks the browser once per element, and tells `onHidden` of each hidden one. */
export function visibilityCache(onHidden?: (element: Element) => void): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    let visible = known.get(element);
    if (visible === undefined) {
      visible = isShown(element);
      known.set(element, visible);
      if (!visible) onHidden?.(element);
    }
    return visible;
  };
}
