import * as Y from "yjs";

/** What an update item sits in: a root type ("root"), another type's item, or unknown. */
type ParentRef = "root" | Y.ID | null;

/** An update refers to changes the server does not have; its depth cannot be known. */
export const UNRESOLVED = Number.POSITIVE_INFINITY;

const keyOf = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * How deep the deepest shared type (element or text) an update adds would sit in `doc`,
 * decided before the update is applied: 1 for a paragraph in the root fragment, 2 for its
 * text, and so on. The update is decoded, not applied: an item names its parent either as a
 * root type, as the id of another type's item (in the update or already in the document), or
 * not at all, and then shares the parent of its left (else right) neighbour. Depth is
 * depth(parent) + 1. Everything is walked with loops, not recursion, because the attack this
 * guards against is a nesting deep enough to overflow the stack.
 *
 * Returns UNRESOLVED when the update refers to items neither it nor the document holds: Yjs
 * would park it until they arrive, and a deep chain sent in pieces, last piece first, would
 * then escape the check. Clients only refer to what they received from this server.
 */
export function deepestNewNesting(doc: Y.Doc, update: Uint8Array): number {
  const { structs } = Y.decodeUpdate(update);
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = list[mid]!;
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return undefined;
  };
  const inDocument = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const list = doc.store.clients.get(id.client);
    if (!list || id.clock >= Y.getState(doc.store, id.client)) return undefined;
    return list[Y.findIndexSS(list, id.clock)];
  };
  let unresolved = false;

  const parents = new Map<Y.Item, ParentRef>();
  const parentOf = (item: Y.Item): ParentRef => {
    const chain: Y.Item[] = [];
    const seen = new Set<Y.Item>();
    let current = item;
    let result: ParentRef = null;
    for (;;) {
      const known = parents.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(current);
      seen.add(current);
      const parent = current.parent as unknown;
      if (typeof parent === "string") {
        result = "root";
        break;
      }
      if (parent instanceof Y.ID) {
        result = parent;
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (!neighbour) break;
      const next = inUpdate(neighbour);
      if (next) {
        if (seen.has(next)) break;
        current = next;
        continue;
      }
      const existing = inDocument(neighbour);
      if (existing instanceof Y.Item) {
        const type = existing.parent as Y.AbstractType<unknown> | null;
        result = type?._item ? type._item.id : "root";
      } else if (!existing) {
        unresolved = true;
      }
      // A garbage-collected neighbour: Yjs drops the item too, it adds no depth.
      break;
    }
    for (const entry of chain) parents.set(entry, result);
    return result;
  };

  const depths = new Map<string, number>();
  const existingDepth = (item: Y.Item): number => {
    let depth = 1;
    let type = item.parent as Y.AbstractType<unknown> | null;
    while (type?._item) {
      depth++;
      type = type._item.parent as Y.AbstractType<unknown> | null;
    }
    return depth;
  };
  const depthOf = (start: Y.ID): number => {
    const stack: string[] = [];
    const onStack = new Set<string>();
    let ref: ParentRef = start;
    let base = 0;
    for (;;) {
      if (ref === null || ref === "root") break;
      const key = keyOf(ref);
      const known = depths.get(key);
      if (known !== undefined) {
        base = known;
        break;
      }
      const item = inUpdate(ref);
      if (item) {
        if (onStack.has(key)) break;
        stack.push(key);
        onStack.add(key);
        ref = parentOf(item);
        continue;
      }
      const existing = inDocument(ref);
      if (existing instanceof Y.Item) base = existingDepth(existing);
      else if (!existing) unresolved = true;
      break;
    }
    for (let i = stack.length - 1; i >= 0; i--) depths.set(stack[i]!, ++base);
    return base;
  };

  let deepest = 0;
  for (const list of byClient.values()) {
    for (const item of list) {
      // Only a shared type (element, text, map) opens a level; strings and marks sit in one.
      if (item.content instanceof Y.ContentType) deepest = Math.max(deepest, depthOf(item.id));
      else parentOf(item);
    }
  }
  return unresolved ? UNRESOLVED : deepest;
}
