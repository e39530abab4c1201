import type { DocNode } from "../../app/editor/document-json";
import { createDraftText } from "../../app/models/texts/draft-texts.server";
import { articleTexts } from "../../app/texts/alignment";
import type { Tx } from "../../app/utils/db.server";
import type { ParallelText } from "./parallel-agreements";

/** A draft's texts in other languages, with the articles a translator has confirmed as aligned. */
export async function seedParallelTexts(
  tx: Tx,
  draftId: string,
  main: DocNode,
  authorId: string,
  texts: ParallelText[],
): Promise<void> {
  const mainArticles = articleTexts(main);
  for (const parallel of texts) {
    const text = await createDraftText(tx, {
      draftId,
      role: "LANGUAGE",
      title: parallel.title,
      textLanguage: parallel.language,
      createdById: authorId,
      content: parallel.content,
    });
    const otherArticles = articleTexts(parallel.content);
    for (const articleId of parallel.confirmed) {
      await tx.textAlignment.create({
        data: {
          textId: text.id,
          articleId,
          mainText: mainArticles.get(articleId)!.text,
          otherText: otherArticles.get(articleId)!.text,
          confirmedById: authorId,
          confirmedAt: new Date(),
        },
      });
    }
  }
}
