/**
 * Reads a page's text as a reader reads it: in blocks of text that run across
 * inline markup ("North <b>Korea</b>"), skipping what nobody is reading or
 * what someone is editing. Reads the DOM; writes nothing.
 */
import { isCjk, isWordChar } from '../../utils/matcher/fold';

/** A run of text nodes that read as one phrase, and their joined text. */
export type TextBlock = { nodes: Text[]; starts: number[]; text: string };

/** The attribute (on any element) with which a page keeps the extension away from a part of it; page-consent.ts has the `<meta>`. */
export const OPT_OUT_ATTRIBUTE = 'data-peninsula-lens';
export const OPT_OUT_VALUE = 'off';

/** Node types, read once: `Node.TEXT_NODE` at each use is a property read the minifier cannot shorten. */
export const { TEXT_NODE, ELEMENT_NODE } = Node;

/** Elements whose text the scanner never reads, by local name alone (lower case in HTML and XHTML pages alike: `tagName` is upper case only in HTML). */
export const SKIPPED_TAGS = new Set(
  'script style noscript template textarea input select option button pre code kbd samp svg math iframe object canvas video audio head title rt rp'.split(' '),
);

/** Elements a phrase flows through without a break; not `<sup>` or `<sub>`: a footnote mark ("Council<sup>2</sup>") is no letter of the name before it. */
const INLINE_TAGS = new Set('a abbr b bdi bdo cite data dfn em font i ins del label mark q rb ruby s small span strong time u var wbr'.split(' '));

/** True for elements whose text the scanner must not read (and whose subtree it skips). */
export function isSkippedElement(element: Element): boolean {
  // Most elements carry no attribute at all: one call answers for them.
  return SKIPPED_TAGS.has(element.localName) || (element.hasAttributes() && isSkippedByAttributes(element));
}

/** True for an element that an attribute takes out of reading: an opt-out, `hidden`, an editor. */
function isSkippedByAttributes(element: Element): boolean {
  if (element.getAttribute(OPT_OUT_ATTRIBUTE) === OPT_OUT_VALUE) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** The parent of a node, and for a shadow root its host: the way out of a component. */
export function composedParent(node: Node): Node | null {
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/** True for a node in a part the scanner skips, also from inside a component whose host is in one. */
export function isInsideSkipped(node: Node): boolean {
  for (let current: Node | null = node; current; current = composedParent(current)) {
    if (current instanceof Element && isSkippedElement(current)) return true;
  }
  return false;
}

/** True for an element that ends the phrase before it and starts a new one: anything not inline. */
export function isPhraseBreak(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && !INLINE_TAGS.has((node as Element).localName);
}

/**
 * True where two texts of more than a letter each meet inside a word of a script written with spaces: only
 * the layout can part them there. A single letter in a box of its own is a drop cap ("N" of "North Korea")
 * or a heading split into letters for an animation: read on.
 */
function meetInWord(before: string, after: string): boolean {
  const last = before.at(-1);
  const first = after[0];
  return before.length > 1 && after.length > 1 && isWordChar(last) && isWordChar(first) && !isCjk(last) && !isCjk(first);
}

/**
 * True for an element drawn as a box of its own (a block, a flex or grid item, an inline-block): words on
 * either side read apart. An element with no style known (in a document no window shows) is inline.
 */
function standsApart(element: Element): boolean {
  return !/^(inline|contents|)$/.test(getComputedStyle(element).display);
}

/**
 * How often one walk starts again because the page moved what it was reading
 * (each time from the part around it where that stayed, else from the root).
 */
const MAX_RESTARTS = 8;

/** True while `node` is still where the walk left it: inside `root`, and `root` still on the page. */
function isStillIn(root: Node, node: Node): boolean {
  return root.isConnected && root.contains(node);
}

/**
 * Where a walk resumed in a later task stands: whether each element between
 * `root` and `node` ends a phrase, outermost first, and the outermost of them
 * the page has since hidden, made editable or opted out (with `node` itself
 * when `withNode`), with how many of those breaks are its own and below it
 * (the walk leaves them with it); null when the page took `node` out of `root`.
 */
function standingOf(root: Node, node: Node, withNode: boolean): { breaks: boolean[]; skipped: { element: Element; within: number } | null } | null {
  if (!isStillIn(root, node)) return null;
  const breaks: boolean[] = [];
  let skipped: { element: Element; within: number } | null = null;
  if (withNode && node instanceof Element && isSkippedElement(node)) skipped = { element: node, within: 0 };
  for (let current = node.parentNode; current && current !== root; current = current.parentNode) {
    breaks.push(isPhraseBreak(current));
    if (current instanceof Element && isSkippedElement(current)) skipped = { element: current, within: breaks.length };
  }
  breaks.reverse();
  return { breaks, skipped };
}

function emptyBlock(): TextBlock {
  return { nodes: [], starts: [], text: '' };
}

/** What a walk tells as it goes, and how it knows whether the page may have moved it. */
export type WalkOptions = {
  /** An open shadow root met on the way (its text is scanned as a root of its own). */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /** A custom element with no shadow root yet: one may be attached when its definition loads. */
  onBareCustomElement?: (element: Element) => void;
  /**
   * Numbers the caller's tasks: no page code runs between two blocks read in
   * one task, so only a walk resumed in a later one checks whether the page
   * moved it (by default, every time).
   */
  currentTask?: () => number;
};

/**
 * Yields the blocks of text under `root`, in document order, and reports the
 * open shadow roots and bare custom elements met on the way. A hand-written
 * walk, not a TreeWalker: a filter callback for every node cost several times
 * the walk itself, and the walk knows where blocks start and end without
 * looking up each text node's ancestors. It reads each element's tag once.
 */
export function* textBlocks(root: Node, options: WalkOptions = {}): Generator<TextBlock> {
  const { onShadowRoot = () => undefined, onBareCustomElement, currentTask = () => Number.NaN } = options;
  // A part queued before the page took it out of reading (an editor mounting on it) is not read.
  if (isInsideSkipped(root)) return;
  // A root is often a part the page just added: a component among them may have no shadow root yet.
  if (root instanceof Element && root.shadowRoot) onShadowRoot(root.shadowRoot);
  else if (root instanceof Element && onBareCustomElement && root.localName.includes('-')) onBareCustomElement(root);
  let block = emptyBlock();
  let node: Node | null = root.firstChild;
  /** Whether each element the walk is inside ends a phrase, innermost last: climbing out reads no tag. */
  let breaks: boolean[] = [];
  /** The inline elements the walk went into or out of since the last text it read. */
  const crossed: Element[] = [];
  let restarts = 0;
  let lost = false;
  /** The parent of where the walk stood at its last yield: where it reads again if the page took that place away. */
  // Typed as it is set (in `ending`): TypeScript would otherwise take it for null at the restart below.
  let around = null as Node | null;
  /** Set when the walk stands on an element it must leave without reading it. */
  let leave = false;
  let task: number;
  /** The block that ends at `at`, to yield; notes where the walk stands and in which task, and starts the next block. */
  const ending = (at: Node): TextBlock => {
    task = currentTask();
    around = at.parentNode;
    const ended = block;
    block = emptyBlock();
    return ended;
  };
  /**
   * After a yield: 'lost' when the page took the walk's node out of its root,
   * 'skip' when it hid, made editable or opted out an element around it (or
   * `at` itself, with `withNode`): the walk then stands on that element, to
   * leave it unread; 'end' when it did so to the root or anything around it,
   * a component's host included (an editor mounting in a part being read).
   * Only a walk resumed in a later task can have been moved; it learns its
   * ancestors' phrase breaks afresh.
   */
  const resumed = (at: Node, withNode: boolean): 'lost' | 'skip' | 'end' | 'on' => {
    if (task === currentTask()) return 'on';
    if (isInsideSkipped(root)) return 'end';
    const standing = standingOf(root, at, withNode);
    if (!standing) return 'lost';
    breaks = standing.breaks;
    if (!standing.skipped) return 'on';
    node = standing.skipped.element;
    // Standing on the skipped element: the breaks left are those above it.
    breaks.length -= standing.skipped.within;
    return 'skip';
  };
  while (node) {
    // The page may have moved or replaced the subtree we were in while we
    // yielded: read again from the part around where the walk stood, or else
    // from the root's start (mentions already painted are not painted twice),
    // a few times at most.
    if (lost) {
      // A root the page took out is not read any further; its replacement is watched for.
      if (!root.isConnected || ++restarts > MAX_RESTARTS) return;
      lost = false;
      block = emptyBlock();
      // A carousel or a ticker re-renders the children of one element: read that element again, not
      // everything before it (mentions already painted are not painted twice).
      const standing = around && around !== root ? standingOf(root, around, true) : null;
      if (around && standing && !standing.skipped) {
        breaks = [...standing.breaks, isPhraseBreak(around)];
        node = around.firstChild;
        if (!node) {
          // Emptied: go on after it.
          breaks.pop();
          node = around;
          leave = true;
        }
      } else {
        node = root.firstChild;
        breaks = [];
      }
      continue;
    }
    let enter = false;
    const type = node.nodeType;
    if (leave) leave = false;
    else if (type === TEXT_NODE) {
      const { data } = node as Text;
      let skip = false;
      // Words that meet at an element drawn apart are two ("World</a><a>Security Council", a menu of flex
      // items written without spaces): the phrase ends there. Markup inside a word ("No<i>rth</i>") is inline.
      if (crossed.length > 0 && block.nodes.length > 0 && meetInWord((block.nodes.at(-1) as Text).data, data) && crossed.some(standsApart)) {
        yield ending(node);
        const standing = resumed(node, false);
        if (standing === 'end') return;
        lost = standing === 'lost';
        if (lost) continue;
        skip = standing === 'skip';
      }
      if (!skip) {
        crossed.length = 0;
        block.starts.push(block.text.length);
        block.nodes.push(node as Text);
        block.text += data;
      }
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName;
      if (!SKIPPED_TAGS.has(tag) && !(element.hasAttributes() && isSkippedByAttributes(element))) {
        if (element.shadowRoot) onShadowRoot(element.shadowRoot);
        else if (onBareCustomElement && tag.includes('-')) onBareCustomElement(element);
        // A block element (or a <br>, an <img>) ends the phrase before it.
        const phraseBreak = !INLINE_TAGS.has(tag);
        if (!phraseBreak) crossed.push(element);
        let skip = false;
        if (phraseBreak && block.nodes.length > 0) {
          yield ending(node);
          const standing = resumed(node, true);
          if (standing === 'end') return;
          lost = standing === 'lost';
          if (lost) continue;
          skip = standing === 'skip';
        }
        if (!skip && element.firstChild !== null) {
          enter = true;
          breaks.push(phraseBreak);
        }
      }
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // Climb out of finished elements; leaving a block element ends the phrase too.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) break;
      if (!breaks.pop()) crossed.push(node as Element);
      else if (block.nodes.length > 0) {
        yield ending(node);
        const standing = resumed(node, false);
        if (standing === 'end') return;
        lost = standing === 'lost';
        if (lost) break;
      }
    }
    if (lost) continue;
    node = node && node !== root ? node.nextSibling : null;
  }
  if (block.nodes.length > 0) yield block;
}

/** The text node and offset at a position of a block's joined text. */
export function locate(block: TextBlock, position: number, preferEnd: boolean): { node: Text; offset: number } {
  let index = block.starts.length - 1;
  // An end position at a node boundary belongs to the node before it.
  while (index > 0 && ((block.starts[index] as number) > position || (preferEnd && block.starts[index] === position))) index--;
  return { node: block.nodes[index] as Text, offset: position - (block.starts[index] as number) };
}
