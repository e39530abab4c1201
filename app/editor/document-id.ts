/**
 * Which live document of a draft: its main text, or one of its other texts (an attachment
 * written in the editor, a text in another language). The main text's document id is the
 * draft's id, as it was when a draft had one document, so stored logs, collab room names and
 * the copies browsers keep offline stay valid; another text's is "<draft id>.<text id>".
 * Draft and text ids are cuids (letters and digits), so the dot cannot be part of either.
 */
export type DocumentRef = { draftId: string; textId: string | null };

const ID = "[A-Za-z0-9_-]{1,64}";
const DOCUMENT_ID = new RegExp(`^(${ID})(?:\\.(${ID}))?$`);

export function documentIdOf(draftId: string, textId?: string | null): string {
  return textId ? `${draftId}.${textId}` : draftId;
}

/** Null for anything that is not a document id. */
export function parseDocumentId(documentId: string): DocumentRef | null {
  const match = DOCUMENT_ID.exec(documentId);
  return match ? { draftId: match[1]!, textId: match[2] ?? null } : null;
}

/** For ids the platform made itself: a malformed one is a programming error. */
export function documentRefOf(documentId: string): DocumentRef {
  const ref = parseDocumentId(documentId);
  if (!ref) throw new Error(`not a document id: ${documentId}`);
  return ref;
}
