/**
 * Reads a page's text as a reader reads it: in blocks of text that run across
 * inline markup ("North <b>Korea</b>"), skipping what nobody is reading or
 * what someone is editing. Reads the DOM; writes nothing.
 */

/** A run of text nodes that read as one phrase, and their joined text. */
export type TextBlock = { nodes: Text[]; starts: number[]; text: string };

/** The attribute (on any element) and meta name with which a page keeps the extension away. */
export const OPT_OUT_ATTRIBUTE = 'data-peninsula-lens';
export const OPT_OUT_VALUE = 'off';

/** Elements whose text the scanner never reads, by tag alone. */
export const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION BUTTON PRE CODE KBD SAMP svg math IFRAME OBJECT CANVAS VIDEO AUDIO HEAD TITLE RT RP'.split(' '),
);

/** Elements a phrase flows through without a break. */
const INLINE_TAGS = new Set('A ABBR B BDI BDO CITE DATA DFN EM FONT I INS DEL LABEL MARK Q RB RUBY S SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(' '));

/** True for elements whose text the scanner must not read (and whose subtree it skips). */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  // Most elements carry no attribute at all: one call answers for them.
  if (!element.hasAttributes()) return false;
  if (element.getAttribute(OPT_OUT_ATTRIBUTE) === OPT_OUT_VALUE) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True for an element that ends the phrase before it and starts a new one: anything not inline. */
export function isPhraseBreak(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !INLINE_TAGS.has((node as Element).tagName);
}

/** How often one walk starts again because the page moved what it was reading. */
const MAX_RESTARTS = 3;

/** True while `node` is still where the walk left it: inside `root`, and `root` still on the page. */
function isStillIn(root: Node, node: Node): boolean {
  return root.isConnected && root.contains(node);
}

function emptyBlock(): TextBlock {
  return { nodes: [], starts: [], text: '' };
}

/**
 * Yields the blocks of text under `root`, in document order, and reports each
 * open shadow root met on the way (their text is scanned as roots of their own).
 * A hand-written walk, not a TreeWalker: a filter callback for every node cost
 * several times the walk itself, and the walk knows where blocks start and end
 * without looking up each text node's ancestors.
 */
export function* textBlocks(root: Node, onShadowRoot: (shadow: ShadowRoot) => void = () => undefined): Generator<TextBlock> {
  if (root instanceof Element && root.shadowRoot) onShadowRoot(root.shadowRoot);
  let block = emptyBlock();
  let node: Node | null = root.firstChild;
  let restarts = 0;
  let lost = false;
  while (node) {
    // The page may have moved or replaced the subtree we were in while we
    // yielded: read the root again from its start (mentions already painted
    // are not painted twice), a few times at most.
    if (lost) {
      // A root the page took out is not read any further; its replacement is watched for.
      if (!root.isConnected || ++restarts > MAX_RESTARTS) return;
      lost = false;
      node = root.firstChild;
      block = emptyBlock();
      continue;
    }
    let enter = false;
    if (node.nodeType === Node.TEXT_NODE) {
      block.starts.push(block.text.length);
      block.nodes.push(node as Text);
      block.text += (node as Text).data;
    } else if (node.nodeType === Node.ELEMENT_NODE && !isSkippedElement(node as Element)) {
      const element = node as Element;
      if (element.shadowRoot) onShadowRoot(element.shadowRoot);
      // A block element (or a <br>, an <img>) ends the phrase before it.
      if (isPhraseBreak(element) && block.nodes.length > 0) {
        yield block;
        block = emptyBlock();
        lost = !isStillIn(root, node);
        if (lost) continue;
      }
      enter = element.firstChild !== null;
    }
    if (enter) {
      node = node.firstChild;
      continue;
    }
    // Climb out of finished elements; leaving a block element ends the phrase too.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && isPhraseBreak(node) && block.nodes.length > 0) {
        yield block;
        block = emptyBlock();
        lost = !isStillIn(root, node);
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
