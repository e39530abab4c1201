import { createHash } from "node:crypto";
import { documentIdOf } from "~/editor/document-id";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { EMPTY_DOCUMENT } from "~/editor/templates";
import { writtenAttachmentDocx } from "~/exports/act/attachment-docx.server";
import { storedTextLanguage } from "~/i18n/text-languages";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { loadDocument } from "../documents/document-log.server";
import { appendAttachment } from "./attachments.server";
import { readDocumentJSON } from "../documents/unreadable-document.server";
import { getDraft } from "../drafts/drafts.server";
import { createDraftText } from "../texts/draft-texts.server";
import type { AttachmentKindName } from "./attachment-kinds";

/**
 * Attachments written in the editor instead of uploaded (decision 024): each is a text of the
 * draft (DraftText, role ATTACHMENT) with its own live document, edited through the collab
 * server like the main text. While the draft is written it has no file; freezing a version
 * freezes its text (JSON, and the SHA-256 of its plain text like the version's own) and the
 * Word file made from it at that moment, stored by its SHA-256 like an uploaded one, so rounds,
 * reviews, the register and the package show and hash it as they do every other attachment.
 */

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const sha256Of = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

export type NewWrittenAttachment = {
  actorId: string;
  clientAddress: string;
  draftId: string;
  kind: AttachmentKindName;
  title: string;
};

/** A new, empty attachment text on the draft; counts against the same budget as uploads. */
export async function writeAttachment(input: NewWrittenAttachment) {
  return db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "attachment", { account: input.actorId, address: input.clientAddress });
    const text = await createDraftText(tx, {
      draftId: input.draftId,
      role: "ATTACHMENT",
      title: input.title,
      textLanguage: null,
      createdById: input.actorId,
      content: EMPTY_DOCUMENT,
    });
    const attachment = await appendAttachment(tx, {
      draftId: input.draftId,
      kind: input.kind,
      title: input.title,
      fileName: `${input.title}.docx`,
      mediaType: DOCX_MEDIA_TYPE,
      sha256: null,
      textId: text.id,
      createdById: input.actorId,
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "attachment.write",
      objectType: "DraftAttachment",
      objectId: attachment.id,
      details: { draftId: input.draftId, kind: input.kind, textId: text.id },
    });
    return attachment;
  });
}

/** The live text of a written attachment as a document (the reading of a version's text). */
async function liveTextOf(draftId: string, textId: string): Promise<DocNode> {
  const documentId = documentIdOf(draftId, textId);
  const { doc } = await loadDocument(documentId);
  try {
    return readDocumentJSON(documentId, doc, "version");
  } finally {
    doc.destroy();
  }
}

/** What freezing a written attachment keeps: its text, its plain text's hash, and its Word file. */
export type FrozenWrittenAttachment = { content: DocNode; textSha256: string; docx: Buffer; sha256: string };

/**
 * Freezes every written attachment of a draft as it stands, before the version's transaction
 * (rendering Word takes longer than a transaction should stay open), keyed by attachment id.
 * The Word file's labels follow the text's language, never the reader's, so the bytes do not
 * depend on who froze the version.
 */
export async function freezeWrittenAttachments(draftId: string): Promise<Map<string, FrozenWrittenAttachment>> {
  const written = await db().draftAttachment.findMany({
    where: { draftId, textId: { not: null } },
    select: { id: true, kind: true, title: true, textId: true },
  });
  const frozen = new Map<string, FrozenWrittenAttachment>();
  if (written.length === 0) return frozen;
  const draft = await getDraft(draftId);
  if (!draft) return frozen;
  const now = new Date();
  for (const attachment of written) {
    const content = await liveTextOf(draftId, attachment.textId!);
    const docx = await writtenAttachmentDocx({
      draft,
      attachment,
      doc: content,
      date: now,
      // Nothing of the reader's: Word's labels follow the text's language.
      locale: storedTextLanguage(draft.textLanguage),
    });
    frozen.set(attachment.id, { content, textSha256: sha256Of(plainTextOf(content)), docx, sha256: sha256Of(docx) });
  }
  return frozen;
}

/** The Word file of a written attachment's live text, for its download; null when not this draft's. */
export async function liveWrittenAttachmentDocx(draftId: string, attachmentId: string) {
  const attachment = await db().draftAttachment.findFirst({
    where: { id: attachmentId, draftId, textId: { not: null } },
    select: { kind: true, title: true, textId: true },
  });
  const draft = attachment ? await getDraft(draftId) : null;
  if (!attachment || !draft) return null;
  const doc = await liveTextOf(draftId, attachment.textId!);
  const locale = storedTextLanguage(draft.textLanguage);
  const data = await writtenAttachmentDocx({ draft, attachment, doc, date: new Date(), locale });
  return { title: attachment.title, data, sha256: sha256Of(data) };
}
