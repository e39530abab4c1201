import { useT } from "~/i18n/use-t";

/** Opens the browser's print dialog (and "Save as PDF"); the print stylesheet lays out A4 pages. */
export function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("common.printPdf")}
    </button>
  );
}
