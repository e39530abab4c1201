import { useT } from "~/i18n/use-t";

/**
 * Downloads of a text (`base` is a version's or the draft's path): Word, Word with the
 * working-group comments, PDF, Akoma Ntoso. Plain links: the files come from resource routes.
 */
export function ExportLinks({ base }: { base: string }) {
  const t = useT();
  return (
    <span className="export-links no-print" data-testid="export-links">
      {t("exports.title")}:{" "}
      <a href={`${base}/export.docx`} download>
        {t("exports.docx")}
      </a>
      {" · "}
      <a href={`${base}/export.docx?comments=1`} download>
        {t("exports.docxWithComments")}
      </a>
      {" · "}
      <a href={`${base}/export.pdf`} download>
        {t("exports.pdf")}
      </a>
      {" · "}
      <a href={`${base}/export.akn.xml`} download>
        {t("exports.akn")}
      </a>
    </span>
  );
}
