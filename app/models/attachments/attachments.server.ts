import { createHash } from "node:crypto";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import type { AttachmentKindName } from "./attachment-kinds";
import { checkAttachmentUpload } from "./attachment-upload.server";

/**
 * The dossier as it is being written: the attachments on a draft now. Adding and replacing
 * check the file as an import is checked, count against the upload budget and store the
 * bytes once by their SHA-256; freezing a version copies the list (frozen-attachments).
 * The route has authorized `draft.manageAttachments` before any of this runs.
 */

export type UploadedFile = { fileName: string; data: Buffer };

export type NewAttachment = UploadedFile & {
  actorId: string;
  clientAddress: string;
  draftId: string;
  kind: AttachmentKindName;
  title: string;
};

/**
 * A dossier entry as lists show it: what a frozen copy keeps, when it last changed, and for
 * one written in the editor its text (it has no file until a version freezes it).
 */
export const ATTACHMENT_LIST_FIELDS = {
  id: true,
  kind: true,
  title: true,
  fileName: true,
  mediaType: true,
  sha256: true,
  position: true,
  file: { select: { size: true } },
  updatedAt: true,
  textId: true,
} as const;

export function listAttachments(draftId: string) {
  return db().draftAttachment.findMany({
    where: { draftId },
    orderBy: { position: "asc" },
    select: ATTACHMENT_LIST_FIELDS,
  });
}

/** Stores the bytes under their SHA-256 (once, whoever uploads the same file again). */
async function storeFile(tx: Tx, data: Buffer): Promise<string> {
  const sha256 = createHash("sha256").update(data).digest("hex");
  await tx.attachmentFile.upsert({
    where: { sha256 },
    create: { sha256, size: data.length, data: new Uint8Array(data) },
    update: {},
  });
  return sha256;
}

/** A safe display name: the path a browser may send is dropped, control characters too. */
function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return (
    base
      .replace(/\p{Cc}/gu, "")
      .trim()
      .slice(0, 200) || "file"
  );
}

/** A new entry at the end of the draft's dossier, uploaded (`sha256`) or written (`textId`). */
export async function appendAttachment(
  tx: Tx,
  entry: {
    draftId: string;
    kind: AttachmentKindName;
    title: string;
    fileName: string;
    mediaType: string;
    sha256: string | null;
    textId?: string;
    createdById: string;
  },
) {
  const last = await tx.draftAttachment.findFirst({
    where: { draftId: entry.draftId },
    orderBy: { position: "desc" },
  });
  return tx.draftAttachment.create({ data: { ...entry, position: (last?.position ?? 0) + 1 } });
}

export async function addAttachment(input: NewAttachment) {
  const { mediaType } = checkAttachmentUpload(input.fileName, input.data);
  return db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "attachment", { account: input.actorId, address: input.clientAddress });
    const sha256 = await storeFile(tx, input.data);
    const attachment = await appendAttachment(tx, {
      draftId: input.draftId,
      kind: input.kind,
      title: input.title,
      fileName: displayName(input.fileName),
      mediaType,
      sha256,
      createdById: input.actorId,
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "attachment.add",
      objectType: "DraftAttachment",
      objectId: attachment.id,
      details: { draftId: input.draftId, kind: input.kind, sha256 },
    });
    return attachment;
  });
}

/**
 * A new file for an existing attachment. The versions frozen before keep the old file: they
 * point at its bytes by SHA-256, and those rows are never changed.
 */
export async function replaceAttachment(
  input: UploadedFile & { actorId: string; clientAddress: string; draftId: string; attachmentId: string },
) {
  const { mediaType } = checkAttachmentUpload(input.fileName, input.data);
  return db().$transaction(async (tx) => {
    // A written attachment changes in the editor; only an uploaded file is replaced by a file.
    const existing = await tx.draftAttachment.findFirst({
      where: { id: input.attachmentId, draftId: input.draftId, textId: null },
    });
    if (!existing) return null;
    await enforceRateLimit(tx, "attachment", { account: input.actorId, address: input.clientAddress });
    const sha256 = await storeFile(tx, input.data);
    const attachment = await tx.draftAttachment.update({
      where: { id: existing.id },
      data: { fileName: displayName(input.fileName), mediaType, sha256 },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "attachment.replace",
      objectType: "DraftAttachment",
      objectId: attachment.id,
      details: { draftId: input.draftId, previousSha256: existing.sha256, sha256 },
    });
    return attachment;
  });
}

/**
 * Takes an attachment off the draft; versions that froze it keep their copy. A written one
 * goes with its text (and the text's stored document, by cascade).
 */
export async function removeAttachment(input: { actorId: string; draftId: string; attachmentId: string }) {
  return db().$transaction(async (tx) => {
    const existing = await tx.draftAttachment.findFirst({ where: { id: input.attachmentId, draftId: input.draftId } });
    if (!existing) return false;
    if (existing.textId) await tx.draftText.delete({ where: { id: existing.textId } });
    else await tx.draftAttachment.delete({ where: { id: existing.id } });
    await audit(tx, {
      actorId: input.actorId,
      action: "attachment.remove",
      objectType: "DraftAttachment",
      objectId: existing.id,
      details: { draftId: input.draftId, kind: existing.kind, sha256: existing.sha256 },
    });
    return true;
  });
}

/** One uploaded attachment with its bytes, for its download; null when not on this draft. */
export async function liveAttachmentFile(draftId: string, attachmentId: string) {
  const row = await db().draftAttachment.findFirst({
    where: { id: attachmentId, draftId, textId: null },
    select: {
      kind: true,
      title: true,
      fileName: true,
      mediaType: true,
      sha256: true,
      file: { select: { data: true } },
    },
  });
  return row?.file && row.sha256 ? { ...row, sha256: row.sha256, data: Buffer.from(row.file.data) } : null;
}
