/**
 * Finds the mentions in a part of the page. Pure: it reads the DOM and writes
 * nothing, so it is tested on plain documents.
 */
import type { EntityKind } from '../../data/schema';
import type { Matcher } from '../../utils/matcher/matcher';
import { locate, type TextBlock, textBlocks } from './text-blocks';

export type Mention = {
  entityId: string;
  kind: EntityKind;
  text: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
};

/** The mentions of one block; elements hidden by CSS are checked only where a match is. */
export function mentionsInBlock(block: TextBlock, matcher: Matcher, visible: (element: Element) => boolean): Mention[] {
  const mentions: Mention[] = [];
  for (const match of matcher.findIn(block.text)) {
    const start = locate(block, match.start, false);
    const end = locate(block, match.end, true);
    const parent = start.node.parentElement;
    if (parent && !visible(parent)) continue;
    mentions.push({
      entityId: match.entityId,
      kind: match.kind,
      text: block.text.slice(match.start, match.end),
      startNode: start.node,
      startOffset: start.offset,
      endNode: end.node,
      endOffset: end.offset,
    });
  }
  return mentions;
}

/** A visibility check that asks the browser once per element. */
export function visibilityCache(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    let visible = known.get(element);
    if (visible === undefined) {
      // checkVisibility() is missing in test DOMs; there, everything counts as visible.
      visible = typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
      known.set(element, visible);
    }
    return visible;
  };
}

/** Every mention under `root` and in the open shadow roots inside it, in document order per root. */
export function findMentions(root: Node, matcher: Matcher): Mention[] {
  const mentions: Mention[] = [];
  const visible = visibilityCache();
  const roots: Node[] = [root];
  for (let current = roots.pop(); current; current = roots.pop()) {
    for (const block of textBlocks(current, (shadow) => roots.push(shadow))) {
      mentions.push(...mentionsInBlock(block, matcher, visible));
    }
  }
  return mentions;
}
