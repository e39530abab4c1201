import { createHash } from "node:crypto";
import * as Y from "yjs";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { loadDocument } from "./document-log.server";
import { readDocumentJSON } from "./unreadable-document.server";
import { readStoredDocument } from "~/editor/stored-document";
import { freezeAttachments } from "~/models/attachments/frozen-attachments.server";
import {
  freezeWrittenAttachments,
  type FrozenWrittenAttachment,
} from "~/models/attachments/written-attachments.server";
import { freezeLanguageTexts, versionSetOf, writeVersionTexts, type FrozenLanguageText } from "./version-texts.server";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * A draft's text as it stands, ready to be written as a version: read before any transaction,
 * with its texts in other languages and the attachments written in the editor (their text and
 * Word file), by attachment id. It reads what the database holds, which includes every
 * acknowledged edit (the collab server writes within milliseconds). Versions are never updated
 * afterwards: there is no function here that would.
 */
export type FrozenText = {
  content: DocNode;
  state: Uint8Array<ArrayBuffer>;
  plainText: string;
  writtenAttachments?: Map<string, FrozenWrittenAttachment>;
  /** Every text in another language: a version freezes all texts together (decision 024). */
  languageTexts?: FrozenLanguageText[];
};

export async function freezeText(draftId: string): Promise<FrozenText> {
  const { doc } = await loadDocument(draftId);
  let main: Omit<FrozenText, "writtenAttachments">;
  try {
    const content = readDocumentJSON(draftId, doc, "version");
    main = { content, state: new Uint8Array(Y.encodeStateAsUpdate(doc)), plainText: plainTextOf(content) };
  } finally {
    doc.destroy();
  }
  return {
    ...main,
    languageTexts: await freezeLanguageTexts(draftId),
    writtenAttachments: await freezeWrittenAttachments(draftId),
  };
}

/**
 * Writes a frozen text as the draft's next version inside the caller's transaction, so a
 * step that freezes a version on the way (opening a round) leaves none behind if it fails.
 */
export async function writeVersion(tx: Tx, actorId: string, draftId: string, name: string, frozen: FrozenText) {
  const last = await tx.draftVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" } });
  const sha256 = sha256Hex(frozen.plainText);
  const languageTexts = frozen.languageTexts ?? [];
  const set = await versionSetOf(tx, { draftId, mainSha256: sha256, texts: languageTexts });
  const version = await tx.draftVersion.create({
    data: {
      draftId,
      number: (last?.number ?? 0) + 1,
      name,
      state: frozen.state,
      content: frozen.content as object,
      plainText: frozen.plainText,
      sha256,
      ...set,
      createdById: actorId,
    },
  });
  // Every text with it: the set hash above is over them all.
  await writeVersionTexts(tx, version.id, languageTexts);
  // The dossier freezes with the text: a round or review on this version shows these files.
  const attachments = await freezeAttachments(tx, draftId, version.id, frozen.writtenAttachments);
  await audit(tx, {
    actorId,
    action: "version.create",
    objectType: "DraftVersion",
    objectId: version.id,
    details: {
      draftId,
      number: version.number,
      name,
      sha256: version.sha256,
      setSha256: version.setSha256,
      texts: languageTexts.map((text) => ({ language: text.language, sha256: text.sha256 })),
      attachments,
    },
  });
  return version;
}

export async function createVersion(actorId: string, draftId: string, name: string) {
  const frozen = await freezeText(draftId);
  return db().$transaction((tx) => writeVersion(tx, actorId, draftId, name, frozen));
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
      setSha256: true,
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
  textLanguage: true,
  setSha256: true,
  createdAt: true,
} as const;

export async function getVersion(draftId: string, versionId: string) {
  const version = await db().draftVersion.findFirst({
    where: { id: versionId, draftId },
    select: { ...VERSION_TEXT_FIELDS, createdBy: { select: { name: true } } },
  });
  return version ? { ...version, content: readStoredDocument(version.content) } : null;
}
