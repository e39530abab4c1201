import { plainTextOf, type DocNode } from "~/editor/document-json";
import { lcsEdits } from "./lcs";
import { wordDiff, type DiffPart } from "./word-diff";

/**
 * Article-by-article comparison of two texts of a draft. Articles are matched by their
 * stable ids, never by position: a renumbered article is "renumbered", not rewritten. An
 * article is "moved" when its place among the articles both texts share changed (it is not
 * in the longest common order of those articles).
 */
export type ArticleStatus = "added" | "removed" | "moved" | "changed" | "renumbered" | "unchanged";

export type ArticleComparison = {
  id: string;
  status: ArticleStatus;
  /** Also true for a moved or renumbered article whose text changed too. */
  textChanged: boolean;
  before: { number: number; title: string } | null;
  after: { number: number; title: string } | null;
  /** The redline of title and body, present when the text changed. */
  diff: DiffPart[] | null;
};

type Article = { id: string; number: number; title: string; text: string };

/** Articles in document order with their numbers, titles and plain text (title excluded). */
export function articlesOf(doc: DocNode): Article[] {
  const found: Article[] = [];
  const visit = (node: DocNode) => {
    if (node.type === "article") {
      const [first, ...rest] = node.content ?? [];
      const hasTitle = first?.type === "articleTitle";
      found.push({
        id: String(node.attrs?.id ?? ""),
        number: found.length + 1,
        title: hasTitle ? plainTextOf(first) : "",
        text: (hasTitle ? rest : (node.content ?? [])).map(plainTextOf).join("\n"),
      });
      return;
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}

export function compareVersions(before: DocNode, after: DocNode): ArticleComparison[] {
  const old = articlesOf(before);
  const now = articlesOf(after);
  const oldById = new Map(old.map((a) => [a.id, a]));
  const nowIds = new Set(now.map((a) => a.id));
  const shared = now.filter((a) => oldById.has(a.id)).map((a) => a.id);
  const sharedOld = old.filter((a) => nowIds.has(a.id)).map((a) => a.id);
  const inOrder = longestCommonOrder(sharedOld, shared);

  const result: ArticleComparison[] = [];
  // Removed articles appear where they stood, before the article that followed them.
  const removedBefore = new Map<string, Article[]>();
  let pending: Article[] = [];
  for (const article of old) {
    if (nowIds.has(article.id)) {
      if (pending.length) removedBefore.set(article.id, pending);
      pending = [];
    } else pending.push(article);
  }
  for (const article of now) {
    for (const gone of removedBefore.get(article.id) ?? []) result.push(removed(gone));
    const was = oldById.get(article.id);
    if (!was) {
      result.push({
        id: article.id,
        status: "added",
        textChanged: true,
        before: null,
        after: heading(article),
        diff: wordDiff("", fullText(article)),
      });
      continue;
    }
    const textChanged = was.title !== article.title || was.text !== article.text;
    const status: ArticleStatus = !inOrder.has(article.id)
      ? "moved"
      : textChanged
        ? "changed"
        : was.number !== article.number
          ? "renumbered"
          : "unchanged";
    result.push({
      id: article.id,
      status,
      textChanged,
      before: heading(was),
      after: heading(article),
      diff: textChanged ? wordDiff(fullText(was), fullText(article)) : null,
    });
  }
  for (const gone of pending) result.push(removed(gone));
  return result;
}

const heading = (a: Article) => ({ number: a.number, title: a.title });
const fullText = (a: Article) => (a.title ? `${a.title}\n${a.text}` : a.text);
const removed = (a: Article): ArticleComparison => ({
  id: a.id,
  status: "removed",
  textChanged: true,
  before: heading(a),
  after: null,
  diff: wordDiff(fullText(a), ""),
});

/** Ids of the longest subsequence common to both orders (the articles that did not move). */
function longestCommonOrder(a: string[], b: string[]): Set<string> {
  return new Set(
    lcsEdits(a, b)
      .filter((edit) => edit.kind === "same")
      .map((edit) => edit.item),
  );
}
