import { documentIdOf } from "~/editor/document-id";
import type { DocNode } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { db, type Tx } from "~/utils/db.server";
import { initializeDocument } from "../documents/document-log.server";

/**
 * The other live texts of a draft (decision 024): an attachment written in the editor, or the
 * act in another language. Each is its own Yjs document in the one document log, under the
 * document id "<draft id>.<text id>"; the main text keeps the draft's id. A text has its
 * draft's access (the collab server and the pages ask `can()` about the draft).
 */
export type NewDraftText = {
  draftId: string;
  role: "ATTACHMENT" | "LANGUAGE";
  title: string;
  /** A code of TEXT_LANGUAGES; null: the draft's own text language. */
  textLanguage: string | null;
  createdById: string;
  content: DocNode;
};

/** Creates the text and its first stored state together, in the caller's transaction. */
export async function createDraftText(tx: Tx, input: NewDraftText) {
  const { content, ...row } = input;
  const text = await tx.draftText.create({ data: row });
  await initializeDocument(documentIdOf(input.draftId, text.id), jsonToYUpdate(content), tx);
  return text;
}

/** One text of this draft, with the attachment it is the text of (if any); null when not this draft's. */
export function getDraftText(draftId: string, textId: string) {
  return db().draftText.findFirst({
    where: { id: textId, draftId },
    select: {
      id: true,
      draftId: true,
      role: true,
      title: true,
      textLanguage: true,
      attachment: { select: { id: true, kind: true, title: true } },
    },
  });
}
