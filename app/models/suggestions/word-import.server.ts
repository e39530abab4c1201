import { documentIdOf } from "~/editor/document-id";
import { writeLiveDocument, type CollabEndpoint } from "~/models/documents/live-document.server";
import { MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { suggestionsFromWord, type WordSuggestionsResult } from "./word-suggestions";
import { readTrackedParagraphs } from "./word-tracked-changes.server";

export type WordImportInput = {
  draftId: string;
  /** The uploader: every suggestion is theirs (the collab server checks it for a suggester). */
  person: { id: string; name: string };
  clientAddress: string;
  fileName: string;
  data: Buffer;
  endpoint: CollabEndpoint;
};

/**
 * A Word file with tracked changes, reviewed outside the platform, becomes pending suggestions
 * in the draft's live text: each `w:ins`/`w:del` in a paragraph that matches one of the
 * draft's, by the uploader, with Word's author and date kept as its source. Throws an
 * ImportError (the message for the file field) for a file that is not a DOCX, too large,
 * or without any tracked change.
 */
export async function importWordSuggestions(input: WordImportInput): Promise<WordSuggestionsResult> {
  if (input.data.length > MAX_IMPORT_BYTES) throw new ImportError("errors.fileTooLarge");
  if (!input.fileName.toLowerCase().endsWith(".docx")) throw new ImportError("faults.importNotDocx");
  const paragraphs = readTrackedParagraphs(input.data);
  if (paragraphs.length === 0) throw new ImportError("suggestions.wordImport.noChanges");
  // Each change is work for the editors: the file counts once, its suggestions as the gate allows.
  await enforceRateLimit(db(), "wordImport", { account: input.person.id, address: input.clientAddress });
  return writeLiveDocument(input.endpoint, documentIdOf(input.draftId, null), (doc) =>
    suggestionsFromWord(doc, paragraphs, input.person),
  );
}
