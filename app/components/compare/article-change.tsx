import { useTextLabels } from "~/components/document/text-language";
import type { ArticleComparison } from "~/compare/compare-versions";
import type { DiffPart } from "~/compare/word-diff";
import { useT } from "~/i18n/use-t";

/** How a changed article's words are shown: one redlined text, or the two texts side by side. */
export type CompareView = "inline" | "side";

/**
 * One article's change: its status, its numbers before and after, and its words, either as
 * the inline redline or side by side (the old text with its deletions, the new with its
 * insertions); both views come from the same word diff.
 */
export function ArticleChange({ change, view = "inline" }: { change: ArticleComparison; view?: CompareView }) {
  const t = useT();
  const textLabels = useTextLabels();
  const label = (side: { number: number; title: string } | null) =>
    side ? `${textLabels.articleNumber(side.number)} ${side.title}` : "";
  const renumbered = change.before && change.after && change.before.number !== change.after.number;
  return (
    <article
      className={`card article-change change-${change.status}`}
      data-testid="article-change"
      data-status={change.status}
    >
      <header>
        <span className="badge">{t(`compare.status.${change.status}`)}</span>{" "}
        <strong lang={textLabels.language}>{label(change.after ?? change.before)}</strong>
        {renumbered ? (
          <span className="muted"> ({t("compare.wasNumber", { number: t.number(change.before!.number) })})</span>
        ) : null}
      </header>
      {change.diff && view === "side" ? (
        <div className="side-by-side" data-testid="side-by-side">
          <div>
            <p className="muted">{t("exports.compareView.before")}</p>
            {change.before ? (
              <Redline parts={change.diff.filter((p) => p.kind !== "inserted")} lang={textLabels.language} />
            ) : null}
          </div>
          <div>
            <p className="muted">{t("exports.compareView.after")}</p>
            {change.after ? (
              <Redline parts={change.diff.filter((p) => p.kind !== "deleted")} lang={textLabels.language} />
            ) : null}
          </div>
        </div>
      ) : change.diff ? (
        <Redline parts={change.diff} lang={textLabels.language} />
      ) : null}
    </article>
  );
}

export function Redline({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  return (
    <p className="redline plain-text" lang={lang}>
      {parts.map((part, index) =>
        part.kind === "inserted" ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === "deleted" ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
