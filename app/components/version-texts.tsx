import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { ParallelExportLinks } from "./parallel-export-links";

export type VersionTextItem = { textId: string | null; language: string; authority: string; sha256: string };

/**
 * Every text frozen with a version (decision 024): its language, authority and SHA-256, a link
 * to read it (`?text=<id>`) and its Word file, the set's SHA-256, and the side-by-side reading
 * and parallel downloads (`exportBase`, the version's path, where a page offers them).
 */
export function VersionTexts({
  texts,
  setSha256,
  shown,
  page,
  exportBase,
}: {
  texts: VersionTextItem[];
  setSha256: string | null;
  /** The text shown below: a text id, null for the main text, "all" for side by side. */
  shown: string | null;
  /** The page's own path, where the main text is shown. */
  page: string;
  exportBase?: string;
}) {
  const t = useT();
  const languageName = (code: string) => t(`textLanguages.${code}`);
  return (
    <div className="card version-texts" data-testid="version-texts">
      <h2>{t("versions.texts")}</h2>
      <ul className="plain-list">
        {texts.map((text) => {
          const query = text.textId ? `?text=${text.textId}` : "";
          return (
            <li
              key={text.textId ?? "main"}
              data-testid="version-text"
              data-language={text.language}
              data-authority={text.authority}
            >
              <strong>{languageName(text.language)}</strong> · {t(`texts.authority.${text.authority}`)} ·{" "}
              {shown === text.textId ? (
                <span className="muted">{t("versions.shown")}</span>
              ) : (
                <Link
                  to={text.textId ? query : page}
                  aria-label={t("texts.open", { language: languageName(text.language) })}
                >
                  {t("versions.readText")}
                </Link>
              )}
              {exportBase ? (
                <>
                  {" "}
                  ·{" "}
                  <a className="no-print" href={`${exportBase}/export.docx${query}`} download>
                    {t("exports.docx")}
                  </a>
                </>
              ) : null}
              <div>
                SHA-256: <code data-testid="version-text-sha256">{text.sha256}</code>
              </div>
            </li>
          );
        })}
      </ul>
      {setSha256 ? (
        <>
          <div>
            {t("versions.setSha256")}: <code data-testid="version-set-sha256">{setSha256}</code>
          </div>
          <p className="muted no-print">{t("versions.setHint")}</p>
        </>
      ) : null}
      {texts.length > 1 ? (
        <p className="no-print">
          {shown === "all" ? (
            <span className="muted">{t("versions.sideBySide")}</span>
          ) : (
            <Link to="?text=all" data-testid="version-all-texts">
              {t("versions.sideBySide")}
            </Link>
          )}
          {exportBase ? (
            <>
              {" · "}
              <ParallelExportLinks base={exportBase} />
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
