import { db, type Tx } from "~/utils/db.server";
import type { FrozenWrittenAttachment } from "./written-attachments.server";

/**
 * The dossier as a version froze it. Freezing copies the list of the draft's attachments
 * (kind, title, name, SHA-256) in the transaction that writes the version, so a round or a
 * review opened on that version shows exactly those files, whatever is replaced later; the
 * bytes are shared by SHA-256 and never change. Rows here are never updated.
 *
 * An attachment written in the editor is frozen from `written` (freezeWrittenAttachments, read
 * before the transaction): its Word file is stored by its SHA-256 like an upload, its text and
 * its text's SHA-256 go with the row. One written since that reading has no frozen text yet and
 * is left out rather than frozen empty.
 */
export async function freezeAttachments(
  tx: Tx,
  draftId: string,
  versionId: string,
  written: Map<string, FrozenWrittenAttachment> = new Map(),
) {
  const live = await tx.draftAttachment.findMany({ where: { draftId }, orderBy: { position: "asc" } });
  const rows = [];
  for (const attachment of live) {
    const text = attachment.textId ? written.get(attachment.id) : undefined;
    if (attachment.textId && !text) continue;
    if (text) {
      await tx.attachmentFile.upsert({
        where: { sha256: text.sha256 },
        create: { sha256: text.sha256, size: text.docx.length, data: new Uint8Array(text.docx) },
        update: {},
      });
    }
    rows.push({
      versionId,
      kind: attachment.kind,
      title: attachment.title,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      sha256: text ? text.sha256 : attachment.sha256!,
      position: rows.length + 1,
      ...(text ? { content: text.content as object, textSha256: text.textSha256 } : {}),
    });
  }
  if (rows.length === 0) return [];
  await tx.versionAttachment.createMany({ data: rows });
  return rows.map((row) => ({
    kind: row.kind,
    sha256: row.sha256,
    ...(row.textSha256 ? { textSha256: row.textSha256 } : {}),
  }));
}

export const FROZEN_ATTACHMENT_FIELDS = {
  id: true,
  kind: true,
  title: true,
  fileName: true,
  mediaType: true,
  sha256: true,
  position: true,
  /** Set for an attachment written in the editor: the SHA-256 of its frozen plain text. */
  textSha256: true,
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
