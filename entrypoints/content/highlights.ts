/**
 * Paints mentions with the CSS Custom Highlight API: one named highlight per
 * kind of entity, so pages and readers can style them apart, and no change to
 * the page's DOM. Also answers "which mention is at this text position?".
 */
import { ENTITY_KINDS, type EntityKind } from '../../data/schema';
import type { Mention } from './scan';

/** The `::highlight()` name of a kind, e.g. `peninsula-lens-person`. */
export function highlightName(kind: EntityKind): string {
  return `peninsula-lens-${kind}`;
}

export type PaintedMention = Mention & { range: Range };

export type MentionHighlights = {
  /** Paints mentions; returns them with the ranges that track them. */
  add(mentions: readonly Mention[]): PaintedMention[];
  /** Unpaints the mentions whose text lies inside `node` or has left the page. */
  removeWithin(node: Node): void;
  /** Unpaints everything and unregisters the highlights. */
  clear(): void;
  /** The mention that covers a text position, if any. */
  at(node: Node, offset: number): PaintedMention | undefined;
  /** Every painted mention in document order. */
  all(): PaintedMention[];
  count(): number;
};

function rangeOf(mention: Mention): Range {
  const range = mention.startNode.ownerDocument.createRange();
  range.setStart(mention.startNode, mention.startOffset);
  range.setEnd(mention.endNode, mention.endOffset);
  return range;
}

/** Creates the highlights of one document (the page or a shadow tree's host document). */
export function createMentionHighlights(): MentionHighlights {
  const byKind = new Map<EntityKind, Highlight>();
  const byNode = new Map<Text, PaintedMention[]>();

  function highlightFor(kind: EntityKind): Highlight {
    let highlight = byKind.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      byKind.set(kind, highlight);
      CSS.highlights.set(highlightName(kind), highlight);
    }
    return highlight;
  }

  function forget(painted: PaintedMention): void {
    byKind.get(painted.kind)?.delete(painted.range);
    for (const node of new Set([painted.startNode, painted.endNode])) {
      const list = byNode.get(node)?.filter((other) => other !== painted);
      if (list && list.length > 0) byNode.set(node, list);
      else byNode.delete(node);
    }
  }

  return {
    add(mentions) {
      return mentions.flatMap((mention) => {
        // A subtree queued twice (a change during the first scan) must not paint twice.
        const known = byNode
          .get(mention.startNode)
          ?.some((other) => other.startOffset === mention.startOffset && other.endNode === mention.endNode && other.endOffset === mention.endOffset);
        if (known) return [];
        const painted = { ...mention, range: rangeOf(mention) };
        highlightFor(mention.kind).add(painted.range);
        for (const node of new Set([mention.startNode, mention.endNode])) {
          const list = byNode.get(node);
          if (list) list.push(painted);
          else byNode.set(node, [painted]);
        }
        return [painted];
      });
    },
    removeWithin(node) {
      const gone = new Set<PaintedMention>();
      for (const [text, list] of byNode) {
        if (!text.isConnected || node.contains(text)) for (const painted of list) gone.add(painted);
      }
      for (const painted of gone) forget(painted);
    },
    clear() {
      for (const kind of ENTITY_KINDS) {
        const highlight = byKind.get(kind);
        if (highlight && CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
      }
      byKind.clear();
      byNode.clear();
    },
    at(node, offset) {
      if (!(node instanceof Text)) return undefined;
      // A mention's end point belongs to whatever follows it: where one mention ends the next may begin.
      return byNode
        .get(node)
        ?.find(
          (painted) => painted.range.isPointInRange(node, offset) && !(painted.endNode === node && painted.endOffset === offset) && !painted.range.collapsed,
        );
    },
    all() {
      const unique = new Set<PaintedMention>();
      for (const list of byNode.values()) for (const painted of list) unique.add(painted);
      return [...unique].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    },
    count() {
      return byKind.size === 0 ? 0 : [...byKind.values()].reduce((sum, highlight) => sum + highlight.size, 0);
    },
  };
}
