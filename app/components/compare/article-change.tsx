import type { ArticleComparison } from "~/compare/compare-versions";
import { useT } from "~/i18n/use-t";

/** One article's change: its status, its numbers before and after, and the inline redline. */
export function ArticleChange({ change }: { change: ArticleComparison }) {
  const t = useT();
  const label = (side: { number: number; title: string } | null) =>
    side ? `${t("editor.articleNumber", { number: t.number(side.number) })} ${side.title}` : "";
  const renumbered = change.before && change.after && change.before.number !== change.after.number;
  return (
    <article
      className={`card article-change change-${change.status}`}
      data-testid="article-change"
      data-status={change.status}
    >
      <header>
        <span className="badge">{t(`compare.status.${change.status}`)}</span>{" "}
        <strong>{label(change.after ?? change.before)}</strong>
        {renumbered ? (
          <span className="muted"> ({t("compare.wasNumber", { number: t.number(change.before!.number) })})</span>
        ) : null}
      </header>
      {change.diff ? (
        <p className="redline plain-text">
          {change.diff.map((part, index) =>
            part.kind === "inserted" ? (
              <ins key={index}>{part.text}</ins>
            ) : part.kind === "deleted" ? (
              <del key={index}>{part.text}</del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      ) : null}
    </article>
  );
}
