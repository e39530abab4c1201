import { documentIdOf } from "~/editor/document-id";
import type { DocNode } from "~/editor/document-json";
import { alignArticles, articleTexts } from "~/texts/alignment";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { loadDocument } from "../documents/document-log.server";
import { readDocumentJSON } from "../documents/unreadable-document.server";

/** A live text as a document (every acknowledged edit), by document id. */
async function liveText(documentId: string): Promise<DocNode> {
  const { doc } = await loadDocument(documentId);
  try {
    return readDocumentJSON(documentId, doc, "live text");
  } finally {
    doc.destroy();
  }
}

/** The main text and a language text of this draft, article by article, with their alignment state. */
export async function parallelArticles(draftId: string, textId: string) {
  const [main, other, confirmations] = await Promise.all([
    liveText(draftId),
    liveText(documentIdOf(draftId, textId)),
    db().textAlignment.findMany({
      where: { textId, text: { draftId } },
      select: {
        articleId: true,
        mainText: true,
        otherText: true,
        confirmedAt: true,
        confirmedBy: { select: { name: true } },
      },
    }),
  ]);
  return alignArticles(
    main,
    other,
    confirmations.map((c) => ({ ...c, confirmedBy: c.confirmedBy?.name ?? null })),
  );
}

/**
 * Records that an article of the language text says what the main text's says, with both
 * texts as they are now (read from the stored documents, not from the form). An article the
 * two texts do not both have cannot be confirmed. The route has authorized editing.
 */
export async function confirmAlignment(input: { actorId: string; draftId: string; textId: string; articleId: string }) {
  const [main, other] = await Promise.all([
    liveText(input.draftId),
    liveText(documentIdOf(input.draftId, input.textId)),
  ]);
  const a = articleTexts(main).get(input.articleId);
  const b = articleTexts(other).get(input.articleId);
  if (!a || !b) throw new RuleError("texts.errors.articleMissing");
  const stored = { mainText: a.text, otherText: b.text, confirmedById: input.actorId, confirmedAt: new Date() };
  return db().$transaction(async (tx) => {
    const row = await tx.textAlignment.upsert({
      where: { textId_articleId: { textId: input.textId, articleId: input.articleId } },
      create: { textId: input.textId, articleId: input.articleId, ...stored },
      update: stored,
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "draft.confirmAlignment",
      objectType: "DraftText",
      objectId: input.textId,
      details: { draftId: input.draftId, articleId: input.articleId },
    });
    return row;
  });
}
