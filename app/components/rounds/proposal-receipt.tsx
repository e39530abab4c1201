import { useEffect, useRef } from "react";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";

export type ReceiptView = { id: string; number: number; createdAt: string | Date; sha256: string };

/**
 * What the author keeps after submitting: the proposal's number, when it arrived and the
 * SHA-256 of its text (the same receipt is e-mailed). Focused when it appears, so a screen
 * reader announces it and a keyboard user continues from there.
 */
export function ProposalReceipt({ receipt, timeZone }: { receipt: ReceiptView; timeZone: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [receipt.id]);
  return (
    <div className="card receipt" id="receipt" role="status" tabIndex={-1} ref={box} data-testid="proposal-receipt">
      <h2>{t("citizens.receipt.title")}</h2>
      <dl className="receipt-fields">
        <dt>{t("citizens.receipt.number")}</dt>
        <dd data-testid="receipt-number">{t.number(receipt.number)}</dd>
        <dt>{t("citizens.receipt.time")}</dt>
        <dd>
          <LocalDate value={receipt.createdAt} withTime timeZone={timeZone} /> ({timeZone})
        </dd>
        <dt>{t("citizens.receipt.sha256")}</dt>
        <dd>
          <code className="hash" data-testid="receipt-sha256">
            {receipt.sha256}
          </code>
        </dd>
      </dl>
      <p className="muted">{t("citizens.receipt.emailed")}</p>
    </div>
  );
}
