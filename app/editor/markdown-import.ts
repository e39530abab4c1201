import { article, chapter, paragraph, type DocNode } from "./document-json";
import { classifyLine, headingTitle } from "./plain-text-structure";
import { newNodeId } from "./stable-ids";

/**
 * Turns a Markdown (or plain-text) file into the legal structure: `# ` headings and lines
 * like "Chapter 2" become chapters, `## ` headings and lines like "Article 5. Scope"
 * articles, list items and other lines paragraphs. Text before the first heading is the
 * preamble. Formatting marks are kept as text (never HTML).
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
    const text = heading ? heading[2]! : line;
    const kind = classifyLine(text);
    const title = kind === "text" ? text : headingTitle(text);
    if ((heading && heading[1]!.length === 1) || kind === "chapter") {
      currentChapter = chapter(newNodeId(), title);
      currentArticle = null;
      content.push(currentChapter);
    } else if (heading || kind === "article") {
      currentArticle = article(newNodeId(), title);
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
