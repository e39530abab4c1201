import type { Page } from "playwright-core";

type Placement = "select" | "caret" | "point";

/**
 * Finds words inside the article with this stable id and puts the browser's selection there as a
 * person would: drag over them ("select", from the start of `first` to the end of `last`), click
 * just before them ("caret"), or answers where a finger would tap just after them ("point").
 */
async function placeInArticle(page: Page, articleId: string, placement: Placement, first: string, last = first) {
  return page.evaluate(
    ({ articleId, placement, first, last }) => {
      const article = document.querySelector(`section[data-id="${articleId}"]`)!;
      const find = (words: string) => {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const index = node.textContent!.indexOf(words);
          if (index >= 0) return { node, index };
        }
        throw new Error(`"${words}" not found`);
      };
      const start = find(first);
      const end = find(last);
      const range = document.createRange();
      if (placement === "point") {
        range.setStart(end.node, end.index + last.length);
        range.collapse(true);
        range.startContainer.parentElement?.scrollIntoView({ block: "center" });
        const box = range.getBoundingClientRect();
        return { x: box.left, y: box.top + box.height / 2 };
      }
      const selection = window.getSelection()!;
      if (placement === "caret") {
        selection.collapse(start.node, start.index);
        return null;
      }
      range.setStart(start.node, start.index);
      range.setEnd(end.node, end.index + last.length);
      selection.removeAllRanges();
      selection.addRange(range);
      return null;
    },
    { articleId, placement, first, last },
  );
}

/** Selects `words` inside one article, as a mouse drag would. */
export async function selectWords(page: Page, articleId: string, words: string): Promise<void> {
  await placeInArticle(page, articleId, "select", words);
}

/** Selects from the start of `first` to the end of `last` inside one article, across paragraphs. */
export async function selectAcross(page: Page, articleId: string, first: string, last: string): Promise<void> {
  await placeInArticle(page, articleId, "select", first, last);
}

/** Collapses the selection just before `words` (ProseMirror takes it on the next selectionchange). */
export async function collapseBefore(page: Page, articleId: string, words: string): Promise<void> {
  await placeInArticle(page, articleId, "caret", words);
}

/** Where a word ends on the screen, to tap there as a finger would. */
export async function pointAfter(page: Page, articleId: string, words: string): Promise<{ x: number; y: number }> {
  return (await placeInArticle(page, articleId, "point", words))!;
}
