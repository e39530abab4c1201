import { useT } from "~/i18n/use-t";

/**
 * Downloads of every text of an act together (`base` is the draft's path, or the register
 * entry's with `final`): Word in parallel columns, Akoma Ntoso one file per language.
 */
export function ParallelExportLinks({ base, file = "export" }: { base: string; file?: "export" | "final" }) {
  const t = useT();
  return (
    <span className="export-links no-print" data-testid="parallel-export-links">
      {t("exports.allTexts")}:{" "}
      <a href={`${base}/${file}.parallel.docx`} download>
        {t("exports.parallelDocx")}
      </a>
      {" · "}
      <a href={`${base}/${file}.akn.zip`} download>
        {t("exports.parallelAkn")}
      </a>
    </span>
  );
}
