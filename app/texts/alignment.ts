import { articlesOf } from "~/compare/compare-versions";
import { wordDiff, type DiffPart } from "~/compare/word-diff";
import type { DocNode } from "~/editor/document-json";

/**
 * Article-by-article alignment of the main text and a text in another language, matched by
 * the stable ids both share (never by position). An article pair is "aligned" once someone
 * confirmed it and neither side changed since, "outdated" when a side's text differs from what
 * was confirmed (with that side's word diff since the confirmation), "unconfirmed" before any
 * confirmation; an article present in one text only is "missing" in the other. The state is
 * computed from the texts every time: nothing sets it by hand.
 */
export type AlignmentState = "aligned" | "outdated" | "unconfirmed" | "missing";

export type Confirmation = {
  articleId: string;
  mainText: string;
  otherText: string;
  confirmedBy: string | null;
  confirmedAt: Date;
};

export type ArticlePair = {
  id: string;
  main: { number: number; title: string } | null;
  other: { number: number; title: string } | null;
  state: AlignmentState;
  confirmed: { by: string | null; at: Date } | null;
  /** For an outdated pair: the diff of each side that changed since the confirmation. */
  mainChanges: DiffPart[] | null;
  otherChanges: DiffPart[] | null;
};

/** An article's words as confirmation records them: its title, then its body. */
export function articleTexts(doc: DocNode): Map<string, { number: number; title: string; text: string }> {
  return new Map(
    articlesOf(doc).map((article) => [
      article.id,
      { number: article.number, title: article.title, text: `${article.title}\n${article.text}` },
    ]),
  );
}

export function alignArticles(main: DocNode, other: DocNode, confirmations: Confirmation[]): ArticlePair[] {
  const mainArticles = articleTexts(main);
  const otherArticles = articleTexts(other);
  const confirmed = new Map(confirmations.map((c) => [c.articleId, c]));
  // The main text's order, then articles only the other text has.
  const ids = [...mainArticles.keys(), ...[...otherArticles.keys()].filter((id) => !mainArticles.has(id))];
  return ids.map((id) => {
    const a = mainArticles.get(id);
    const b = otherArticles.get(id);
    const confirmation = confirmed.get(id);
    const mainChanged = !!a && !!confirmation && confirmation.mainText !== a.text;
    const otherChanged = !!b && !!confirmation && confirmation.otherText !== b.text;
    const state: AlignmentState =
      !a || !b ? "missing" : !confirmation ? "unconfirmed" : mainChanged || otherChanged ? "outdated" : "aligned";
    return {
      id,
      main: a ? { number: a.number, title: a.title } : null,
      other: b ? { number: b.number, title: b.title } : null,
      state,
      confirmed: confirmation ? { by: confirmation.confirmedBy, at: confirmation.confirmedAt } : null,
      mainChanges: state === "outdated" && mainChanged ? wordDiff(confirmation!.mainText, a!.text) : null,
      otherChanges: state === "outdated" && otherChanged ? wordDiff(confirmation!.otherText, b!.text) : null,
    };
  });
}
