import { article, chapter, paragraph, type DocNode } from "./document-json";
import { newNodeId } from "./stable-ids";

export type TemplateLabels = {
  preamble: string;
  chapterTitle: string;
  articleTitle: string;
  partiesArticle: string;
  subjectArticle: string;
  finalArticle: string;
};

/**
 * The starting structure of a new draft by kind, with headings in the interface language:
 * laws and regulations open with a preamble and chapter 1, article 1; agreements with the
 * parties, the subject and final provisions.
 */
export function templateFor(kind: string, labels: TemplateLabels): DocNode {
  const id = newNodeId;
  if (kind === "COOPERATION_AGREEMENT" || kind === "MEMORANDUM" || kind === "PROTOCOL") {
    return {
      type: "doc",
      content: [
        paragraph(labels.preamble),
        article(id(), labels.partiesArticle),
        article(id(), labels.subjectArticle),
        article(id(), labels.finalArticle),
      ],
    };
  }
  return {
    type: "doc",
    content: [paragraph(labels.preamble), chapter(id(), labels.chapterTitle, article(id(), labels.articleTitle))],
  };
}

export const EMPTY_DOCUMENT: DocNode = { type: "doc", content: [paragraph()] };
