/**
 * Paints mentions with the CSS Custom Highlight API: one named highlight per
 * kind of entity, so pages and readers can style them apart, and no change to
 * the page's DOM. Also answers "which mention is at this text position?".
 */
import type { EntityKind } from '../../data/schema';
import type { Mention } from './scan';
import { composedParent } from './text-blocks';

/** The `::highlight()` name of a kind, e.g. `peninsula-lens-person`. */
export function highlightName(kind: EntityKind): string {
  return `peninsula-lens-${kind}`;
}

/** The `::highlight()` name of the dotted line under every mark, whatever its kind. */
export const UNDERLINE_HIGHLIGHT = 'peninsula-lens-underline';

/**
 * Above this many marks the underline is left out, and it comes back at
 * `UNDERLINE_BACK_AT` or fewer (apart, so a page hovering at the limit does not
 * flip it at every change). Chromium recomputes the ink overflow of every
 * underlined text node at each change to any highlight and at each change the
 * page makes to its DOM: on the bench's pages of 1,600 and 3,400 marks that
 * made two or three frames of 90-150 ms per scan, and none or one of 50-90 ms
 * without it. The colours alone still mark every mention.
 */
export const UNDERLINE_LIMIT = 300;
export const UNDERLINE_BACK_AT = 200;

export type PaintedMention = Mention & {
  range: Range;
  /** Every text node the mention covers, first to last ("United Nations <a>Security</a> Council"). */
  textNodes: Text[];
};

export type MentionHighlights = {
  /** Records mentions (hit testing finds them at once); they are painted at the next `flush`. */
  add(mentions: readonly Mention[]): PaintedMention[];
  /**
   * Paints what was added since the last flush, and registers again any of
   * our highlights the page took out of the registry. Every change to a
   * registered highlight makes the browser restyle the page, so additions are
   * batched. The underline is first drawn by the flush at the end of a
   * reading (`readingEnded`): a huge page's progress paints would draw it
   * under its first few hundred marks, only to take it away again.
   */
  flush(readingEnded: boolean): void;
  /** Unpaints the mentions whose text lies inside any of `nodes` or has left the page. */
  removeWithin(nodes: Iterable<Node>): void;
  /**
   * Before a part of the page is read again whole: unpaints what has left the
   * page or whose text was replaced, and keeps the rest inside `roots`
   * painted until `endSweep`.
   */
  beginSweep(roots: Iterable<Node>): void;
  /** Unpaints what was kept by `beginSweep` and not added again since. */
  endSweep(): void;
  /** Unpaints everything and unregisters the highlights. */
  clear(): void;
  /** The mention that covers a text position, if any. */
  at(node: Node, offset: number): PaintedMention | undefined;
  /** The mentions in a text node. */
  in(node: Text): readonly PaintedMention[];
  /** Every mention in document order. */
  all(): PaintedMention[];
  count(): number;
};

function rangeOf(mention: Mention): Range {
  const range = mention.startNode.ownerDocument.createRange();
  range.setStart(mention.startNode, mention.startOffset);
  range.setEnd(mention.endNode, mention.endOffset);
  return range;
}

/** The text nodes from a mention's first to its last, in document order. */
function textNodesOf(mention: Mention): Text[] {
  if (mention.startNode === mention.endNode) return [mention.startNode];
  const nodes: Text[] = [];
  const walker = mention.startNode.ownerDocument.createTreeWalker(mention.startNode.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = mention.startNode;
  for (let node: Node | null = mention.startNode; node; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === mention.endNode) break;
  }
  return nodes;
}

/** True when a painted mention still covers exactly what `found` covers, with the same text. */
function coversTheSame(painted: PaintedMention, found: Mention): boolean {
  // The live range, not the offsets it was made with: the page may have changed the text under it since.
  const { range } = painted;
  return (
    range.startContainer === found.startNode &&
    range.startOffset === found.startOffset &&
    range.endContainer === found.endNode &&
    range.endOffset === found.endOffset &&
    painted.text === found.text
  );
}

/** True for a node inside any of `containers`, also from inside a component whose host is in one. */
function isInside(node: Node, containers: Set<Node>): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) if (containers.has(current)) return true;
  return false;
}

/** The node and the shadow hosts it sits in, outermost first: where it stands at each level of nesting. */
function placesOf(node: Node): Node[] {
  const places = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) places.unshift(root.host);
  return places;
}

/**
 * Document order of two mentions, so the keyboard steps through them as a
 * reader sees them. Mentions in different trees are ordered where their
 * trees part: by where their components stand in the tree both are in.
 */
function inDocumentOrder(a: PaintedMention, b: PaintedMention): number {
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  const first = placesOf(a.startNode);
  const second = placesOf(b.startNode);
  // A text node is never a host, so the two lists part at some level, where both places share a tree.
  let level = 0;
  while (first[level] === second[level]) level++;
  return (first[level] as Node).compareDocumentPosition(second[level] as Node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Registers `highlight` under `name`, unless it is already (each change to the registry restyles the page). */
function register(name: string, highlight: Highlight): void {
  if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
}

/** Unregisters `highlight` where it is still the one under `name`: a page may have put its own there since. */
function unregister(name: string, highlight: Highlight | undefined): void {
  if (highlight && CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
}

/** Creates the highlights of one document and the open shadow roots in it. */
export function createMentionHighlights(): MentionHighlights {
  const byKind = new Map<EntityKind, Highlight>();
  const pending = new Map<EntityKind, Set<Range>>();
  const byNode = new Map<Text, PaintedMention[]>();
  let painted = 0;
  /** Every painted range, while there are few enough to underline. */
  let underline: Highlight | undefined;
  let underlineLeftOut = false;
  /** Mentions a sweep keeps painted until it ends, unless they are found again. */
  let unconfirmed: Set<PaintedMention> | undefined;

  /** The painted mentions whose text nodes `matches` picks. */
  function paintedWhere(matches: (text: Text) => boolean): Set<PaintedMention> {
    const found = new Set<PaintedMention>();
    for (const [text, list] of byNode) if (matches(text)) for (const mention of list) found.add(mention);
    return found;
  }

  function highlightFor(kind: EntityKind): Highlight {
    let highlight = byKind.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      byKind.set(kind, highlight);
      register(highlightName(kind), highlight);
    }
    return highlight;
  }

  /** Whether the marks are few enough to underline: over the limit they are not, until they are back at `UNDERLINE_BACK_AT`. */
  function fewEnoughToUnderline(): boolean {
    underlineLeftOut = painted > UNDERLINE_LIMIT || (underlineLeftOut && painted > UNDERLINE_BACK_AT);
    return !underlineLeftOut;
  }

  /** Underlines what `flush` is about to paint; takes the underline away when the marks grow past the limit. */
  function underlineForFlush(readingEnded: boolean): void {
    if (!fewEnoughToUnderline()) {
      unregister(UNDERLINE_HIGHLIGHT, underline);
      underline = undefined;
      return;
    }
    if (underline) for (const ranges of pending.values()) for (const range of ranges) underline.add(range);
    else if (painted > 0 && readingEnded) underline = new Highlight(...everyRange());
    if (underline) register(UNDERLINE_HIGHLIGHT, underline);
  }

  /**
   * After marks were taken away, which needs no flush: brings the underline back, once they are few enough.
   * One left out has no highlight (`underlineForFlush` drops it), so it comes back as at the end of a reading.
   */
  function underlineAfterRemoval(): void {
    if (underlineLeftOut) underlineForFlush(true);
  }

  /**
   * The range of every mention added, painted or about to be. Read from our own records: a content
   * script in Firefox sees the page's Highlight objects through a wrapper that cannot iterate them.
   */
  function everyRange(): Range[] {
    return [...paintedWhere(() => true)].map((mention) => mention.range);
  }

  function forget(mention: PaintedMention): void {
    unconfirmed?.delete(mention);
    underline?.delete(mention.range);
    if (!pending.get(mention.kind)?.delete(mention.range)) byKind.get(mention.kind)?.delete(mention.range);
    painted--;
    for (const node of mention.textNodes) {
      const list = byNode.get(node)?.filter((other) => other !== mention);
      if (list && list.length > 0) byNode.set(node, list);
      else byNode.delete(node);
    }
  }

  return {
    add(mentions) {
      return mentions.flatMap((mention) => {
        // A subtree queued twice (a change during the first scan) must not paint twice; one read
        // again whole keeps the marks found again.
        const known = byNode.get(mention.startNode)?.find((other) => coversTheSame(other, mention));
        if (known) {
          unconfirmed?.delete(known);
          return [];
        }
        const added = { ...mention, range: rangeOf(mention), textNodes: textNodesOf(mention) };
        let ranges = pending.get(mention.kind);
        if (!ranges) {
          ranges = new Set();
          pending.set(mention.kind, ranges);
        }
        ranges.add(added.range);
        painted++;
        for (const node of added.textNodes) {
          const list = byNode.get(node);
          if (list) list.push(added);
          else byNode.set(node, [added]);
        }
        return [added];
      });
    },
    flush(readingEnded) {
      underlineForFlush(readingEnded);
      for (const [kind, ranges] of pending) {
        const highlight = highlightFor(kind);
        for (const range of ranges) highlight.add(range);
      }
      pending.clear();
      // The registry is the page's too: a page script that cleared it (its own find-in-page widget
      // calling CSS.highlights.clear()) took our marks with it. Put back what is ours.
      for (const [kind, highlight] of byKind) register(highlightName(kind), highlight);
    },
    removeWithin(nodes) {
      const containers = new Set(nodes);
      for (const mention of paintedWhere((text) => !text.isConnected || isInside(text, containers))) forget(mention);
      underlineAfterRemoval();
    },
    beginSweep(roots) {
      for (const mention of paintedWhere((text) => !text.isConnected)) forget(mention);
      const containers = new Set(roots);
      unconfirmed ??= new Set();
      for (const mention of paintedWhere((text) => isInside(text, containers))) {
        // A mark whose text the page replaced (the browser collapsed its range) goes now: the sweep may
        // end late if the page keeps changing. (Its range's text is not compared with the mention's: a
        // ruby annotation or a skipped element inside a mention is in the one and not the other.)
        if (mention.range.collapsed) forget(mention);
        else unconfirmed.add(mention);
      }
    },
    endSweep() {
      const stale = unconfirmed;
      unconfirmed = undefined;
      for (const mention of stale ?? []) forget(mention);
    },
    clear() {
      for (const [kind, highlight] of byKind) unregister(highlightName(kind), highlight);
      unregister(UNDERLINE_HIGHLIGHT, underline);
      underline = undefined;
      underlineLeftOut = false;
      byKind.clear();
      pending.clear();
      byNode.clear();
      unconfirmed = undefined;
      painted = 0;
    },
    at(node, offset) {
      if (!(node instanceof Text)) return undefined;
      // A mention's end point belongs to whatever follows it: where one mention ends the next may begin.
      return byNode
        .get(node)
        ?.find(
          (mention) => mention.range.isPointInRange(node, offset) && !(mention.endNode === node && mention.endOffset === offset) && !mention.range.collapsed,
        );
    },
    in: (node) => byNode.get(node) ?? [],
    all: () => [...paintedWhere(() => true)].sort(inDocumentOrder),
    count: () => painted,
  };
}
