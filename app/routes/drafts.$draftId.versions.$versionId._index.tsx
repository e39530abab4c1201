import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { formatNumber } from "~/i18n/format";
import { FrozenAttachments } from "~/components/attachments/frozen-attachments";
import { versionAttachments } from "~/models/attachments/frozen-attachments.server";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { ExportLinks } from "~/components/export-links";
import { LocalDate } from "~/components/local-date";
import { PrintButton } from "~/components/print-button";
import { useT } from "~/i18n/use-t";
import { getVersion } from "~/models/documents/versions.server";
import { versionReading } from "~/models/documents/version-reading.server";
import { VersionTexts } from "~/components/version-texts";
import { VersionTextView } from "~/components/document/version-text-view";
import { found, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.version", { number: formatNumber(locale, data.version.number), name: draftTitle(data.draft, locale) })
      : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.view");
  const version = found(await getVersion(draft.id, params.versionId ?? ""));
  // Every text frozen with the version; `?text=` shows one of them, `?text=all` all side by side.
  const reading = await versionReading(version.id, new URL(request.url).searchParams.get("text"));
  return {
    draft: draftHeading(draft),
    textLanguage: storedTextLanguage(version.textLanguage ?? draft.textLanguage),
    version,
    reading,
    attachments: await versionAttachments(version.id),
  };
}

export default function VersionPage() {
  const t = useT();
  const { draft, version, attachments, textLanguage, reading } = useLoaderData<typeof loader>();
  const base = `/drafts/${draft.id}/versions/${version.id}`;
  return (
    <TextLanguageProvider language={textLanguage}>
      <section className="printable-version">
        <p className="eyebrow">
          <Link to={`/drafts/${draft.id}/versions`}>← {t("versions.title")}</Link>
        </p>
        <h1>{draftTitle(draft, t.locale)}</h1>
        <div className="card version-meta">
          <strong>{t("versions.label", { number: t.number(version.number), name: version.name })}</strong>
          <div className="muted">
            <LocalDate value={version.createdAt} withTime /> · {version.createdBy?.name ?? ""}
          </div>
          <div>
            SHA-256: <code data-testid="version-sha256">{version.sha256}</code>{" "}
            <a className="no-print" href={`/drafts/${draft.id}/versions/${version.id}/text`} download>
              {t("versions.downloadText")}
            </a>
          </div>
          <p className="muted no-print">{t("versions.hashHint")}</p>
          <div className="actions no-print">
            <PrintButton />
            <Link to={`/drafts/${draft.id}/compare?from=${version.id}&to=live`}>{t("compare.link")}</Link>
            <ExportLinks base={`/drafts/${draft.id}/versions/${version.id}`} />
          </div>
        </div>
        {reading.texts.length > 1 ? (
          <VersionTexts
            texts={reading.texts}
            setSha256={reading.setSha256}
            shown={reading.shown}
            page={base}
            exportBase={base}
          />
        ) : null}
        <div className="no-print">
          <FrozenAttachments items={attachments} base={base} />
        </div>
        <VersionTextView reading={reading} mainDoc={version.content} caption={t("versions.sideBySide")} />
      </section>
    </TextLanguageProvider>
  );
}
