import * as Y from "yjs";
import { keyPrefixOf, parseSuggestion, SUGGESTIONS_FIELD } from "../app/editor/suggestions";

/** Why a suggester's update was refused (null: it only adds or withdraws the person's own suggestions). */
export type SuggestionRefusal =
  | "touches the text"
  | "touches another person's suggestion"
  | "not a suggestion"
  | "refers to unknown changes"
  | "too many open suggestions";

type Place = { root: string; key: string | null } | "nested" | "unknown";

/**
 * Decides, before it is applied, whether a suggester's update only adds or withdraws that
 * person's own suggestions (decision "suggestions"). The update is decoded, not applied:
 *
 * - every new item must be a value of the root map `suggestions` under a key starting with
 *   the person's id, holding one plain JSON value that is a well-formed suggestion by that
 *   person (its parent is named in the item, or it overwrites an earlier value of the same
 *   key, found through its left neighbour in the update or the document);
 * - every deletion must hit only such entries (or what is already deleted);
 * - anything the server does not hold (a neighbour, an earlier clock of the same client) makes
 *   the update uncheckable, so it is refused too: Yjs would park it and apply it later, unchecked.
 */
export function refuseSuggesterUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  userId: string,
  maxOpen: number,
): SuggestionRefusal | null {
  const prefix = keyPrefixOf(userId);
  const map = doc.getMap(SUGGESTIONS_FIELD);
  const { structs, ds } = Y.decodeUpdate(update);
  const items = new Map<string, Y.Item>();
  const firstClock = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    firstClock.set(client, Math.min(firstClock.get(client) ?? clock, clock));
    if (struct instanceof Y.Item) items.set(`${client}:${clock}`, struct);
  }
  for (const [client, clock] of firstClock)
    if (clock > Y.getState(doc.store, client)) return "refers to unknown changes";

  const inDocument = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const list = doc.store.clients.get(id.client);
    if (!list || id.clock >= Y.getState(doc.store, id.client)) return undefined;
    return list[Y.findIndexSS(list, id.clock)] as Y.Item | Y.GC;
  };
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    for (const item of items.values())
      if (item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length)
        return item;
    return undefined;
  };
  const placeOfExisting = (item: Y.Item): Place =>
    item.parent === map ? { root: SUGGESTIONS_FIELD, key: item.parentSub } : "nested";

  const placeOf = (start: Y.Item): Place => {
    let item = start;
    for (let steps = 0; steps <= items.size; steps++) {
      if (typeof item.parent === "string") return { root: item.parent, key: item.parentSub };
      if (item.parent instanceof Y.ID) return "nested";
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) return "unknown";
      const next = inUpdate(neighbour);
      if (next) {
        item = next;
        continue;
      }
      const existing = inDocument(neighbour);
      if (existing instanceof Y.Item) return placeOfExisting(existing);
      // A garbage-collected neighbour would be text or an entry whose value is gone: not checkable.
      return "unknown";
    }
    return "unknown";
  };

  let added = 0;
  for (const item of items.values()) {
    const place = placeOf(item);
    if (place === "unknown") return "refers to unknown changes";
    if (place === "nested" || place.root !== SUGGESTIONS_FIELD || place.key === null) return "touches the text";
    if (!place.key.startsWith(prefix)) return "touches another person's suggestion";
    if (item.content instanceof Y.ContentDeleted) continue; // added and withdrawn before it was sent
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return "not a suggestion";
    const suggestion = parseSuggestion(item.content.arr[0]);
    if (!suggestion || suggestion.authorId !== userId || suggestion.id !== place.key) return "not a suggestion";
    if (!map.has(place.key)) added++;
  }

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      let at = clock;
      while (at < clock + len) {
        const id = Y.createID(client, at);
        const struct = inDocument(id) ?? inUpdate(id);
        if (!struct) return "refers to unknown changes";
        if (
          struct instanceof Y.Item &&
          !struct.deleted &&
          struct.parent !== null &&
          !items.has(`${client}:${struct.id.clock}`)
        ) {
          const place = placeOfExisting(struct);
          if (place === "nested" || place === "unknown" || place.key === null) return "touches the text";
          if (!place.key.startsWith(prefix)) return "touches another person's suggestion";
        }
        at = struct.id.clock + struct.length;
      }
    }
  }

  if (added > 0) {
    let open = 0;
    for (const key of map.keys()) if (key.startsWith(prefix)) open++;
    if (open + added > maxOpen) return "too many open suggestions";
  }
  return null;
}
