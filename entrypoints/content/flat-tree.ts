/**
 * The tree as the browser renders it: a node slotted into a component is
 * inside the component's slot, not only inside its light-DOM parent. What
 * a reader sees around a mention (a dialog, a link) is found along it.
 */

/** The node's parent in the flat tree: its slot if it is slotted, else its parent, or the shadow root's host. */
export function flatTreeParent(node: Node): Node | null {
  const slot = node instanceof Element || node instanceof Text ? node.assignedSlot : null;
  if (slot) return slot;
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/** The elements around `node` in the flat tree, nearest first, `node` itself first if it is one. */
export function* flatTreeAncestors(node: Node): Generator<Element> {
  for (let current: Node | null = node; current; current = flatTreeParent(current)) {
    if (current instanceof Element) yield current;
  }
}
