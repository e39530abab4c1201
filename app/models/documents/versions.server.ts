import { createHash } from "node:crypto";
import * as Y from "yjs";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { loadDocument } from "./documents.server";
import { readDocumentJSON } from "./unreadable-document.server";
import { readStoredDocument } from "~/editor/stored-document";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Freezes the draft's current text as a named version. It reads what the database holds,
 * which includes every acknowledged edit (the collab server writes within milliseconds).
 * Versions are never updated afterwards: there is no function here that would.
 */
export async function createVersion(actorId: string, draftId: string, name: string) {
  const { doc } = await loadDocument(draftId);
  let content: DocNode;
  let state: Uint8Array<ArrayBuffer>;
  try {
    content = readDocumentJSON(draftId, doc, "version");
    state = new Uint8Array(Y.encodeStateAsUpdate(doc));
  } finally {
    doc.destroy();
  }
  const plainText = plainTextOf(content);
  return db().$transaction(async (tx) => {
    const last = await tx.draftVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" } });
    const version = await tx.draftVersion.create({
      data: {
        draftId,
        number: (last?.number ?? 0) + 1,
        name,
        state,
        content: content as object,
        plainText,
        sha256: sha256Hex(plainText),
        createdById: actorId,
      },
    });
    await audit(tx, {
      actorId,
      action: "version.create",
      objectType: "DraftVersion",
      objectId: version.id,
      details: { draftId, number: version.number, name, sha256: version.sha256 },
    });
    return version;
  });
}

export function listVersions(draftId: string) {
  return db().draftVersion.findMany({
    where: { draftId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      name: true,
      sha256: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}

/** What a page or an export shows of a frozen version: its identity, text and checksum. */
export const VERSION_TEXT_FIELDS = {
  id: true,
  number: true,
  name: true,
  content: true,
  plainText: true,
  sha256: true,
  createdAt: true,
} as const;

export async function getVersion(draftId: string, versionId: string) {
  const version = await db().draftVersion.findFirst({
    where: { id: versionId, draftId },
    select: { ...VERSION_TEXT_FIELDS, createdBy: { select: { name: true } } },
  });
  return version ? { ...version, content: readStoredDocument(version.content) } : null;
}
