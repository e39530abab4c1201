import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useT } from "~/i18n/use-t";

export type SummaryFileState = { state: string; proposals: number; sha256: string | null; size: number | null };

/**
 * For staff: where the stored summary DOCX stands after publication (queued, being built,
 * stored with its SHA-256). While it is being built the page reloads its data every few
 * seconds; without JavaScript a reload shows the same.
 */
export function SummaryFileStatus({ file }: { file: SummaryFileState }) {
  const t = useT();
  const revalidator = useRevalidator();
  const pending = file.state === "PENDING" || file.state === "BUILDING";
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [pending, revalidator]);
  return (
    <div role="status" aria-live="polite" data-testid="summary-file">
      {t(`rounds.summaryFile.${file.state}`, {
        count: t.number(file.proposals),
        size: t.number(Math.ceil((file.size ?? 0) / 1024)),
        sha256: file.sha256 ?? "",
      })}
    </div>
  );
}
