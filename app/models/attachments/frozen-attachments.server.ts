import { db, type Tx } from "~/utils/db.server";

/**
 * The dossier as a version froze it. Freezing copies the list of the draft's attachments
 * (kind, title, name, SHA-256) in the transaction that writes the version, so a round or a
 * review opened on that version shows exactly those files, whatever is replaced later; the
 * bytes are shared by SHA-256 and never change. Rows here are never updated.
 */
export async function freezeAttachments(tx: Tx, draftId: string, versionId: string) {
  const live = await tx.draftAttachment.findMany({ where: { draftId }, orderBy: { position: "asc" } });
  if (live.length === 0) return [];
  await tx.versionAttachment.createMany({
    data: live.map((attachment, index) => ({
      versionId,
      kind: attachment.kind,
      title: attachment.title,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sha256: attachment.sha256,
      position: index + 1,
    })),
  });
  return live.map((attachment) => ({ kind: attachment.kind, sha256: attachment.sha256 }));
}

export const FROZEN_ATTACHMENT_FIELDS = {
  id: true,
  kind: true,
  title: true,
  fileName: true,
  mediaType: true,
  sha256: true,
  position: true,
  file: { select: { size: true } },
} as const;

export function versionAttachments(versionId: string) {
  return db().versionAttachment.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: FROZEN_ATTACHMENT_FIELDS,
  });
}

export type FrozenAttachment = Awaited<ReturnType<typeof versionAttachments>>[number];

/** One frozen attachment with its bytes; null when that version has no such attachment. */
export async function versionAttachmentFile(versionId: string, attachmentId: string) {
  const row = await db().versionAttachment.findFirst({
    where: { id: attachmentId, versionId },
    select: { ...FROZEN_ATTACHMENT_FIELDS, file: { select: { size: true, data: true } } },
  });
  return row ? { ...row, data: Buffer.from(row.file.data) } : null;
}

/** Every frozen attachment of a version with its bytes, for the package. */
export async function versionAttachmentFiles(versionId: string) {
  const rows = await db().versionAttachment.findMany({
    where: { versionId },
    orderBy: { position: "asc" },
    select: { ...FROZEN_ATTACHMENT_FIELDS, file: { select: { size: true, data: true } } },
  });
  return rows.map((row) => ({ ...row, data: Buffer.from(row.file.data) }));
}
