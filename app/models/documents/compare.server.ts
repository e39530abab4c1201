import type { DocNode } from "~/editor/document-json";
import { loadDocument } from "./document-log.server";
import { readDocumentJSON } from "./unreadable-document.server";
import { getVersion } from "./versions.server";

/** "live" for the current text, else a version id of this draft. */
export type TextChoice = "live" | string;

/** The text of a version of this draft, or the live text (every acknowledged edit). */
export async function textOf(draftId: string, choice: TextChoice): Promise<DocNode | null> {
  if (choice === "live") {
    const { doc } = await loadDocument(draftId);
    try {
      return readDocumentJSON(draftId, doc, "live text");
    } finally {
      doc.destroy();
    }
  }
  return (await getVersion(draftId, choice))?.content ?? null;
}
