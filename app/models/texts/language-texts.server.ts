import { placeholderOf, type PlaceholderMode } from "~/editor/text-placeholder";
import { draftTitle } from "~/i18n/localized-name";
import type { TextLanguage } from "~/i18n/text-languages";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { loadDocument } from "../documents/document-log.server";
import { readDocumentJSON } from "../documents/unreadable-document.server";
import { createDraftText } from "./draft-texts.server";

/**
 * Texts of a draft in other languages (an agreement in Georgian and the partner city's
 * language): each starts as the main text's structure with the same stable article ids, so
 * the texts align article by article. The route has authorized `draft.changeTextLanguage`
 * (whoever may edit the text while it may be edited).
 */
export type NewLanguageText = {
  actorId: string;
  clientAddress: string;
  draftId: string;
  language: TextLanguage;
  mode: PlaceholderMode;
};

/** Why a language cannot be added (the language field's message), or null. */
export async function languageTextRefusal(draftId: string, language: TextLanguage): Promise<string | null> {
  const draft = await db().draft.findUniqueOrThrow({ where: { id: draftId }, select: { textLanguage: true } });
  if (draft.textLanguage === language) return "texts.errors.sameLanguage";
  const taken = await db().draftText.count({ where: { draftId, role: "LANGUAGE", textLanguage: language } });
  return taken > 0 ? "texts.errors.languageTaken" : null;
}

export async function addLanguageText(input: NewLanguageText) {
  // Read before the transaction: a main text can be large, and SQLite has one writer.
  const { doc } = await loadDocument(input.draftId);
  const main = (() => {
    try {
      return readDocumentJSON(input.draftId, doc, "version");
    } finally {
      doc.destroy();
    }
  })();
  return db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "draftText", { account: input.actorId, address: input.clientAddress });
    const draft = await tx.draft.findUniqueOrThrow({ where: { id: input.draftId } });
    const text = await createDraftText(tx, {
      draftId: input.draftId,
      role: "LANGUAGE",
      // The title in that language where the draft has one, else its first title.
      title: draftTitle(draft, input.language),
      textLanguage: input.language,
      createdById: input.actorId,
      content: placeholderOf(main, input.mode),
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "draft.addLanguageText",
      objectType: "Draft",
      objectId: input.draftId,
      details: { textId: text.id, language: input.language, mode: input.mode },
    });
    return text;
  });
}

export function listLanguageTexts(draftId: string) {
  return db().draftText.findMany({
    where: { draftId, role: "LANGUAGE" },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, textLanguage: true, createdAt: true },
  });
}
