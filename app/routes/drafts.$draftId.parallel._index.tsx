import { pageTitle } from "~/i18n/page-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ParallelDocumentView } from "~/components/document/parallel-document-view";
import { ParallelExportLinks } from "~/components/parallel-export-links";
import { PrintButton } from "~/components/print-button";
import { loadActSource } from "~/exports/act/act-source.server";
import { parallelColumns, textSetOf } from "~/exports/act/text-set.server";
import { resolveLocale } from "~/i18n/locale.server";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { found, notFound, requireDraft } from "~/boundary/request-boundary.server";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.ofDraft", { page: t("texts.allSideBySide"), name: draftTitle(data.draft, locale) }) : null,
  );

/**
 * Every text of a draft side by side, read-only and laid out for printing: the print view of
 * an act in several languages (decision 024). Whoever may see the draft reads it; a draft with
 * one text has no such page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.view");
  const locale = resolveLocale(request, user.locale);
  const members = await orUnreadableDocument(request, user.locale, async () => {
    const main = found(await loadActSource({ draft, versionId: null, locale }));
    return textSetOf(main, draft, locale);
  });
  if (members.length < 2) throw notFound();
  return { draft: draftHeading(draft), columns: parallelColumns(members) };
}

export default function AllTextsPage() {
  const t = useT();
  const { draft, columns } = useLoaderData<typeof loader>();
  return (
    <section className="printable-version">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>{draftTitle(draft, t.locale)}</Link> ·{" "}
        <Link to={`/drafts/${draft.id}/texts`}>{t("texts.languages")}</Link>
      </p>
      <h1>{t("texts.allSideBySide")}</h1>
      <p className="muted no-print">{t("texts.allSideBySideIntro")}</p>
      <div className="actions no-print">
        <PrintButton />
        <ParallelExportLinks base={`/drafts/${draft.id}`} />
      </div>
      <h2>{draftTitle(draft, t.locale)}</h2>
      <ParallelDocumentView columns={columns} caption={t("texts.allSideBySide")} />
    </section>
  );
}
