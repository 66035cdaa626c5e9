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

const SKIPPED_TAGS = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA INPUT SELECT OPTION BUTTON PRE CODE KBD SAMP svg math IFRAME OBJECT CANVAS VIDEO AUDIO HEAD TITLE'.split(' '),
);

/** Elements a phrase flows through without a break. */
const INLINE_TAGS = new Set('A ABBR B BDI BDO CITE DATA DFN EM FONT I INS DEL LABEL MARK Q S SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(' '));

/** True for elements whose text the scanner must not read (and whose subtree it skips). */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.getAttribute(OPT_OUT_ATTRIBUTE) === OPT_OUT_VALUE) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function blockParentOf(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent instanceof Element && INLINE_TAGS.has(parent.tagName)) parent = parent.parentNode;
  return parent;
}

/**
 * Yields the blocks of text under `root`, in document order, and reports each
 * open shadow root met on the way (their text is scanned as roots of their own).
 */
export function* textBlocks(root: Node, onShadowRoot: (shadow: ShadowRoot) => void = () => undefined): Generator<TextBlock> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (isSkippedElement(element)) return NodeFilter.FILTER_REJECT;
      if (element.shadowRoot) onShadowRoot(element.shadowRoot);
      return INLINE_TAGS.has(element.tagName) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
    },
  });
  let block: TextBlock = { nodes: [], starts: [], text: '' };
  let blockParent: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      if (block.nodes.length > 0) yield block;
      block = { nodes: [], starts: [], text: '' };
      blockParent = null;
      continue;
    }
    const parent = blockParentOf(node);
    if (parent !== blockParent && block.nodes.length > 0) {
      yield block;
      block = { nodes: [], starts: [], text: '' };
    }
    blockParent = parent;
    block.starts.push(block.text.length);
    block.nodes.push(node as Text);
    block.text += (node as Text).data;
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
