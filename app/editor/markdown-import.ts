import { article, chapter, paragraph, type DocNode } from "./document-json";
import { newNodeId } from "./stable-ids";

/**
 * Turns a Markdown (or plain-text) file into the legal structure: `# ` headings become
 * chapters, `## ` headings articles, list items and other lines paragraphs. Text before
 * the first heading is the preamble. Formatting marks are kept as text (never HTML).
 */
export function markdownToDocument(markdown: string): DocNode {
  const content: DocNode[] = [];
  let currentChapter: DocNode | null = null;
  let currentArticle: DocNode | null = null;
  const target = () => currentArticle?.content ?? currentChapter?.content ?? content;

  for (const rawLine of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = rawLine.trim();
    if (!line) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading && heading[1]!.length === 1) {
      currentChapter = chapter(newNodeId(), heading[2]!);
      currentArticle = null;
      content.push(currentChapter);
    } else if (heading) {
      currentArticle = article(newNodeId(), heading[2]!);
      currentArticle.content = currentArticle.content!.slice(0, 1);
      (currentChapter?.content ?? content).push(currentArticle);
    } else {
      target().push(paragraph(line.replace(/^([-*+]|\d+[.)])\s+/, "")));
    }
  }
  // Every article and chapter needs a body and the document at least one block.
  const fill = (node: DocNode) => {
    if (node.type === "article" && node.content!.length === 1) node.content!.push(paragraph());
    node.content?.forEach(fill);
  };
  content.forEach(fill);
  return { type: "doc", content: content.length ? content : [paragraph()] };
}
