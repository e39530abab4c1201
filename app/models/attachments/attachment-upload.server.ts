import { MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { checkOfficeContainer } from "~/models/drafts/docx-container.server";
import { ImportError } from "~/models/drafts/import-error.server";
import type { AttachmentExtension } from "./attachment-kinds";

/** An attachment is as large as an imported draft may be: the same 5 MB. */
export const MAX_ATTACHMENT_BYTES = MAX_IMPORT_BYTES;

export const MEDIA_TYPES: Record<AttachmentExtension, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  pdf: "application/pdf",
};

/** The part that makes a ZIP that kind of office file. */
const REQUIRED_PART: Record<"docx" | "odt", string> = { docx: "word/document.xml", odt: "content.xml" };

/** The import's messages speak of Word documents; an attachment's name the file it is. */
const ATTACHMENT_MESSAGES: Record<string, string> = {
  "faults.importNotDocx": "attachments.errors.notWhatItClaims",
  "faults.importTooLargeUnpacked": "attachments.errors.tooLargeUnpacked",
  "faults.importExternalEntities": "attachments.errors.entities",
};

/**
 * Checks an uploaded attachment as an import is checked, before anything is stored: the
 * size, the type by its name, the magic bytes of that type, and for DOCX and ODT the
 * container checks of the import (zip bombs inflated against a hard limit, no DOCTYPE or
 * entity declarations). Throws an ImportError with the message for the file field.
 */
export function checkAttachmentUpload(
  fileName: string,
  data: Buffer,
): { extension: AttachmentExtension; mediaType: string } {
  if (data.length === 0) throw new ImportError("attachments.errors.fileRequired");
  if (data.length > MAX_ATTACHMENT_BYTES) throw new ImportError("errors.fileTooLarge");
  const extension = extensionOf(fileName);
  if (!extension) throw new ImportError("attachments.errors.type");
  if (extension === "pdf") {
    // "%PDF-" opens every PDF; a file that only claims the name is refused.
    if (data.subarray(0, 5).toString("latin1") !== "%PDF-") throw new ImportError("attachments.errors.notWhatItClaims");
  } else {
    try {
      checkOfficeContainer(data, REQUIRED_PART[extension]);
    } catch (error) {
      if (error instanceof ImportError)
        throw new ImportError(ATTACHMENT_MESSAGES[error.messageKey] ?? error.messageKey);
      throw error;
    }
  }
  return { extension, mediaType: MEDIA_TYPES[extension] };
}

function extensionOf(fileName: string): AttachmentExtension | null {
  const match = /\.(docx|pdf|odt)$/i.exec(fileName.trim());
  return match ? (match[1]!.toLowerCase() as AttachmentExtension) : null;
}
