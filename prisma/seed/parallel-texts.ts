import * as Y from "yjs";
import { documentIdOf } from "../../app/editor/document-id";
import { plainTextOf, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import type { FrozenLanguageText } from "../../app/models/documents/version-texts.server";
import { sha256Hex, writeVersion } from "../../app/models/documents/versions.server";
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
): Promise<FrozenLanguageText[]> {
  const mainArticles = articleTexts(main);
  const frozen: FrozenLanguageText[] = [];
  for (const parallel of texts) {
    const text = await createDraftText(tx, {
      draftId,
      role: "LANGUAGE",
      title: parallel.title,
      textLanguage: parallel.language,
      createdById: authorId,
      content: parallel.content,
    });
    const plainText = plainTextOf(parallel.content);
    frozen.push({
      textId: text.id,
      documentId: documentIdOf(draftId, text.id),
      language: parallel.language,
      title: parallel.title,
      content: parallel.content,
      plainText,
      sha256: sha256Hex(plainText),
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
  return frozen;
}

/**
 * A version of the texts as they were seeded, frozen through the same function every path that
 * freezes a version uses: its main text and every language text, each hash and the set's.
 */
export async function freezeDemoTexts(
  tx: Tx,
  input: { draftId: string; main: DocNode; actorId: string; name: string; texts: FrozenLanguageText[] },
) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(input.main));
  const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  await writeVersion(tx, input.actorId, input.draftId, input.name, {
    content: input.main,
    state,
    plainText: plainTextOf(input.main),
    languageTexts: input.texts,
  });
}
