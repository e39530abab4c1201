import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { compareVersions } from "~/compare/compare-versions";
import { ArticleChange, type CompareView } from "~/components/compare/article-change";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { textOf } from "~/models/documents/compare.server";
import { listVersions } from "~/models/documents/versions.server";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";
import { found, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "compare.title");

/**
 * Compares two texts of a draft article by article: `?from=<version>&to=<version|live>`.
 * By default the last version against the live text (or the last two versions).
 * `view=side` shows changed articles side by side instead of the inline redline.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.view");
  const versions = await listVersions(draft.id);
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? versions[0]?.id ?? "live";
  const to = url.searchParams.get("to") ?? "live";
  const [before, after] = await orUnreadableDocument(request, user.locale, () =>
    Promise.all([textOf(draft.id, from), textOf(draft.id, to)]),
  );
  const changes = compareVersions(found(before), found(after));
  return {
    draft: draftHeading(draft),
    textLanguage: storedTextLanguage(draft.textLanguage),
    versions: versions.map((v) => ({ id: v.id, number: v.number, name: v.name })),
    from,
    to,
    showUnchanged: url.searchParams.get("all") === "1",
    view: (url.searchParams.get("view") === "side" ? "side" : "inline") as CompareView,
    changes,
  };
}

export default function ComparePage() {
  const t = useT();
  const { draft, versions, from, to, showUnchanged, view, changes, textLanguage } = useLoaderData<typeof loader>();
  const options = [
    ...versions.map((v) => ({ value: v.id, label: t("versions.label", { number: t.number(v.number), name: v.name }) })),
    { value: "live", label: t("compare.live") },
  ];
  const counts = Object.fromEntries(
    ["added", "removed", "moved", "changed", "renumbered", "unchanged"].map((s) => [
      s,
      changes.filter((c) => c.status === s).length,
    ]),
  );
  const shown = showUnchanged ? changes : changes.filter((c) => c.status !== "unchanged" && c.status !== "renumbered");
  return (
    <TextLanguageProvider language={textLanguage}>
      <section>
        <p className="eyebrow">
          <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
        </p>
        <h1>{t("compare.title")}</h1>
        <Form method="get" className="card compare-choice">
          <TextChoice label={t("compare.from")} name="from" value={from} options={options} />
          <TextChoice label={t("compare.to")} name="to" value={to} options={options} />
          <TextChoice
            label={t("exports.compareView.label")}
            name="view"
            value={view}
            options={[
              { value: "inline", label: t("exports.compareView.inline") },
              { value: "side", label: t("exports.compareView.sideBySide") },
            ]}
          />
          <label className="checkbox">
            <input type="checkbox" name="all" value="1" defaultChecked={showUnchanged} /> {t("compare.showAll")}
          </label>
          <button type="submit" className="button">
            {t("compare.compare")}
          </button>
        </Form>
        <p data-testid="compare-counts">
          {(["added", "removed", "moved", "changed", "renumbered"] as const)
            .filter((s) => counts[s])
            .map((s) => t(`compare.counts.${s}`, { count: t.number(counts[s] ?? 0) }))
            .join(" · ") || t("compare.noChanges")}
        </p>
        <div className="stack">
          {shown.map((change) => (
            <ArticleChange key={`${change.status}-${change.id}`} change={change} view={view} />
          ))}
        </div>
      </section>
    </TextLanguageProvider>
  );
}

/** Which text to compare: a version, or the live text. */
function TextChoice(props: {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label>
      {props.label}{" "}
      <select name={props.name} defaultValue={props.value}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
