import { createHash } from "node:crypto";
import { documentIdOf } from "~/editor/document-id";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import { readStoredDocument } from "~/editor/stored-document";
import { storedTextLanguage, type TextLanguage } from "~/i18n/text-languages";
import { authorityOf, type Authority } from "~/models/texts/authenticity.server";
import { db, type Tx } from "~/utils/db.server";
import { loadDocument } from "./document-log.server";
import { readDocumentJSON } from "./unreadable-document.server";

/**
 * Versions freeze every text of a draft together (decision 024): the main text is the
 * version's own content, each text in another language a `VersionText` with its words, its
 * language and title, and the SHA-256 of its plain text computed as the version's own. The
 * authority (equally authentic, or one authoritative text) is frozen on the version as the
 * document id of the authoritative text, and the set hash binds all of it.
 */
export type FrozenLanguageText = {
  textId: string;
  documentId: string;
  language: string;
  title: string;
  content: DocNode;
  plainText: string;
  sha256: string;
};

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Reads every language text of the draft from its live document, before any transaction. */
export async function freezeLanguageTexts(draftId: string): Promise<FrozenLanguageText[]> {
  const draft = await db().draft.findUniqueOrThrow({
    where: { id: draftId },
    select: {
      textLanguage: true,
      texts: {
        where: { role: "LANGUAGE" },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, textLanguage: true },
      },
    },
  });
  const frozen: FrozenLanguageText[] = [];
  for (const text of draft.texts) {
    const documentId = documentIdOf(draftId, text.id);
    const { doc } = await loadDocument(documentId);
    try {
      const content = readDocumentJSON(documentId, doc, "version");
      const plainText = plainTextOf(content);
      frozen.push({
        textId: text.id,
        documentId,
        language: storedTextLanguage(text.textLanguage ?? draft.textLanguage),
        title: text.title,
        content,
        plainText,
        sha256: sha256Hex(plainText),
      });
    } finally {
      doc.destroy();
    }
  }
  return frozen;
}

export type SetLine = { language: string; authority: Authority; sha256: string };

/**
 * The set hash (docs/exports.md): SHA-256 over one line per text, "<language>:<authority>:<sha256>"
 * (authority "equal", "authoritative" or "translation"), sorted by code point and joined by "\n"
 * with no final newline. Sorting makes it independent of the order texts were added in; the
 * authority makes a change of which text is authentic a different set.
 */
export function setLines(texts: SetLine[]): string {
  return texts
    .map((text) => `${text.language}:${text.authority}:${text.sha256}`)
    .sort()
    .join("\n");
}

export function setSha256Of(texts: SetLine[]): string {
  return sha256Hex(setLines(texts));
}

/**
 * What the version row records of its set: the main text's language, the authority and the
 * set hash. The draft's language and authority are read in the caller's transaction, so a
 * change of either made while the texts were read is frozen as it was committed.
 */
export async function versionSetOf(
  tx: Tx,
  input: { draftId: string; mainSha256: string; texts: FrozenLanguageText[] },
) {
  const draft = await tx.draft.findUniqueOrThrow({
    where: { id: input.draftId },
    select: { textLanguage: true, authoritativeDocumentId: true },
  });
  // An authoritative text created after the texts were read is not in this version: the
  // version then records its texts as equally authentic rather than naming a missing one.
  const known = [input.draftId, ...input.texts.map((text) => text.documentId)];
  const authoritative =
    draft.authoritativeDocumentId && known.includes(draft.authoritativeDocumentId)
      ? draft.authoritativeDocumentId
      : null;
  const textLanguage = storedTextLanguage(draft.textLanguage);
  const lines: SetLine[] = [
    { language: textLanguage, authority: authorityOf(input.draftId, authoritative), sha256: input.mainSha256 },
    ...input.texts.map((text) => ({
      language: text.language,
      authority: authorityOf(text.documentId, authoritative),
      sha256: text.sha256,
    })),
  ];
  return { textLanguage, authoritativeDocumentId: authoritative, setSha256: setSha256Of(lines) };
}

/** Writes the frozen language texts of a version just created, in the caller's transaction. */
export async function writeVersionTexts(tx: Tx, versionId: string, texts: FrozenLanguageText[]) {
  if (texts.length === 0) return;
  await tx.versionText.createMany({
    data: texts.map((text, position) => ({
      versionId,
      textId: text.textId,
      documentId: text.documentId,
      textLanguage: text.language,
      title: text.title,
      content: text.content as object,
      plainText: text.plainText,
      sha256: text.sha256,
      position,
    })),
  });
}

/** A version's texts as frozen: the main text first, then the others in the order they were added. */
export type FrozenVersionText = {
  /** Null for the main text; the live text's id (its frozen row's if that text is gone). */
  textId: string | null;
  /** The VersionText id; null for the main text. */
  versionTextId: string | null;
  documentId: string;
  language: TextLanguage;
  title: string | null;
  authority: Authority;
  sha256: string;
  content: DocNode;
};

/**
 * The texts of a version. `frozen` false for a version frozen before versions froze every
 * text: it holds its main text alone (with the draft's language and authority of today).
 */
export async function versionTexts(
  versionId: string,
): Promise<{ frozen: boolean; setSha256: string | null; texts: FrozenVersionText[] }> {
  const version = await db().draftVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      draftId: true,
      sha256: true,
      content: true,
      textLanguage: true,
      authoritativeDocumentId: true,
      setSha256: true,
      draft: { select: { textLanguage: true, authoritativeDocumentId: true } },
      texts: { orderBy: { position: "asc" } },
    },
  });
  const frozen = version.setSha256 !== null;
  const authoritative = frozen ? version.authoritativeDocumentId : version.draft.authoritativeDocumentId;
  const main: FrozenVersionText = {
    textId: null,
    versionTextId: null,
    documentId: version.draftId,
    language: storedTextLanguage(version.textLanguage ?? version.draft.textLanguage),
    title: null,
    authority: authorityOf(version.draftId, authoritative),
    sha256: version.sha256,
    content: readStoredDocument(version.content),
  };
  const others = version.texts.map((text) => ({
    // A text whose live row is gone keeps its place under its frozen row's id.
    textId: text.textId ?? text.id,
    versionTextId: text.id,
    documentId: text.documentId,
    language: storedTextLanguage(text.textLanguage),
    title: text.title,
    authority: authorityOf(text.documentId, authoritative),
    sha256: text.sha256,
    content: readStoredDocument(text.content),
  }));
  return { frozen, setSha256: version.setSha256, texts: [main, ...others] };
}
