import type * as Y from "yjs";
import type { DocNode } from "~/editor/document-json";
import { yDocToJSON } from "~/editor/yjs-document";

/**
 * A draft whose stored text cannot be read as a legal act: reading it through the editor's
 * schema throws (e.g. elements nested thousands of levels deep, stored before the collab
 * server refused such updates). Its raw Yjs state is still stored and loads; only the steps
 * derived from the text (versions, exports, comparison, outline and search text) refuse it.
 */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly draftId: string,
    cause: unknown,
  ) {
    super(`the text of draft ${draftId} cannot be read: ${String(cause)}`);
    this.name = "UnreadableDocumentError";
  }
}

const warned = new Set<string>();

/**
 * Logs a draft's derivation failure once per process, as a warning: it fails the same way
 * every time, and an error every few seconds forever would drown everything else.
 */
export function warnUnreadableOnce(draftId: string, step: string, error: unknown): void {
  if (warned.has(draftId)) return;
  warned.add(draftId);
  console.warn(
    `documents: the text of draft ${draftId} cannot be derived (${step}); storing it as it is:`,
    String(error),
  );
}

/** The document as ProseMirror JSON, or UnreadableDocumentError. */
export function readDocumentJSON(draftId: string, doc: Y.Doc, step: string): DocNode {
  try {
    return yDocToJSON(doc);
  } catch (error) {
    warnUnreadableOnce(draftId, step, error);
    throw new UnreadableDocumentError(draftId, error);
  }
}
