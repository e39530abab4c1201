import { documentIdOf } from "~/editor/document-id";
import { storedTextLanguage, type TextLanguage } from "~/i18n/text-languages";
import { EDITABLE_STATUSES } from "~/policies";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";

/**
 * Which texts of an act are authentic (decision 024). Agreements signed in two or three
 * languages usually say "each text being equally authentic"; some name one text as
 * authoritative and the others as translations. The draft stores it once, as the document id
 * of the authoritative text (null: all equally authentic), so a text added later is authentic
 * or a translation without a second write.
 */
export type Authority = "equal" | "authoritative" | "translation";

export type AuthenticText = {
  /** The draft's id for the main text, "<draft id>.<text id>" for a language text. */
  documentId: string;
  /** Null for the main text. */
  textId: string | null;
  language: TextLanguage;
  title: string | null;
  authority: Authority;
};

export function authorityOf(documentId: string, authoritativeDocumentId: string | null): Authority {
  if (authoritativeDocumentId === null) return "equal";
  return documentId === authoritativeDocumentId ? "authoritative" : "translation";
}

/** The main text first, then the language texts in the order they were added, each with its authority. */
export async function authenticTexts(draftId: string): Promise<AuthenticText[]> {
  const draft = await db().draft.findUniqueOrThrow({
    where: { id: draftId },
    select: {
      textLanguage: true,
      authoritativeDocumentId: true,
      texts: {
        where: { role: "LANGUAGE" },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, textLanguage: true },
      },
    },
  });
  const main = { documentId: draftId, textId: null, language: storedTextLanguage(draft.textLanguage), title: null };
  const others = draft.texts.map((text) => ({
    documentId: documentIdOf(draftId, text.id),
    textId: text.id,
    language: storedTextLanguage(text.textLanguage ?? draft.textLanguage),
    title: text.title,
  }));
  return [main, ...others].map((text) => ({
    ...text,
    authority: authorityOf(text.documentId, draft.authoritativeDocumentId),
  }));
}

/**
 * Records which texts are authentic: `authoritativeDocumentId` null for "equally authentic",
 * else the document id of one of this draft's texts (main or language). The route has
 * authorized `draft.changeTextLanguage`; the write is conditional on the text still being
 * written, so a draft signed or adopted meanwhile is refused, not changed.
 */
export async function setAuthenticity(input: {
  actorId: string;
  draftId: string;
  authoritativeDocumentId: string | null;
}) {
  const texts = await authenticTexts(input.draftId);
  if (texts.length < 2) throw new RuleError("texts.errors.singleText", "authoritative");
  const chosen = input.authoritativeDocumentId;
  if (chosen !== null && !texts.some((text) => text.documentId === chosen)) {
    throw new RuleError("texts.errors.unknownText", "authoritative");
  }
  await db().$transaction(async (tx) => {
    const before = await tx.draft.findUniqueOrThrow({
      where: { id: input.draftId },
      select: { authoritativeDocumentId: true },
    });
    const changed = await tx.draft.updateMany({
      where: { id: input.draftId, status: { in: EDITABLE_STATUSES } },
      data: { authoritativeDocumentId: chosen },
    });
    if (changed.count === 0) throw new RuleError("texts.errors.authenticityFrozen", "authoritative");
    await audit(tx, {
      actorId: input.actorId,
      action: "draft.authenticity",
      objectType: "Draft",
      objectId: input.draftId,
      details: { from: before.authoritativeDocumentId, to: chosen },
    });
  });
}
