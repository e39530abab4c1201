import * as Y from "yjs";
import { documentIdOf, documentRefOf } from "../app/editor/document-id";
import { alignStructure, articleLayout, layoutChanged } from "../app/texts/structure-sync";
import { db } from "../app/utils/db.server";
import { Connection } from "./connection";
import type { Room } from "./room";

/** Origin of the changes this server makes to keep the texts aligned: never propagated again. */
export const STRUCTURE_SYNC = Symbol("article structure kept aligned");

/** The other texts of an act whose articles follow this one: the main text and its language texts. */
async function siblingsOf(documentId: string): Promise<string[]> {
  const { draftId, textId } = documentRefOf(documentId);
  const texts = await db().draftText.findMany({ where: { draftId, role: "LANGUAGE" }, select: { id: true } });
  // An attachment written in the editor has its own structure: it neither leads nor follows.
  if (textId !== null && !texts.some((text) => text.id === textId)) return [];
  return [draftId, ...texts.map((text) => documentIdOf(draftId, text.id))].filter((id) => id !== documentId);
}

/**
 * Watches a room's article structure (decision 024): when an editor's update adds, removes or
 * moves an article, the collab server makes the same change in every other text of the act as a
 * server-side transaction on that text's room, so it is stored in that text's log and reaches
 * whoever has it open, whichever page the edit came from. Only editors' updates lead (a
 * suggestion is not a change of the text yet); the server's own and other nodes' changes never
 * propagate again (the node that took the edit does it). A failure is logged; the side-by-side
 * view still shows an article missing in one text.
 */
export function watchStructure(room: Room, roomFor: (documentId: string) => Promise<Room>): void {
  const { doc, documentId } = room;
  let layout = articleLayout(doc);
  doc.on("afterTransaction", (transaction: Y.Transaction) => {
    if (!structural(transaction, doc)) return;
    const before = layout;
    layout = articleLayout(doc);
    const origin = transaction.origin;
    if (!(origin instanceof Connection) || origin.access !== "edit") return;
    if (!layoutChanged(before, layout)) return;
    void propagate(before).catch((error: unknown) => {
      console.warn(`collab: aligning the texts of document ${documentId} failed:`, String(error));
    });
  });

  async function propagate(before: ReturnType<typeof articleLayout>) {
    for (const sibling of await siblingsOf(documentId)) {
      const target = await roomFor(sibling);
      alignStructure(doc, before, target.doc, STRUCTURE_SYNC);
    }
  }
}

/** Whether a transaction changed the children of the document or of a chapter (typing does not). */
function structural(transaction: Y.Transaction, doc: Y.Doc): boolean {
  const fragment: unknown = doc.getXmlFragment("default");
  for (const type of transaction.changed.keys()) {
    if ((type as unknown) === fragment) return true;
    if (type instanceof Y.XmlElement && type.nodeName === "chapter") return true;
  }
  return false;
}
