import { Form } from "@remix-run/react";
import { FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { useT } from "~/i18n/use-t";
import { REVIEW_DECISIONS } from "~/schemas/review";

/** A reviewer's own decision; it can be changed until the review is closed. */
export function DecisionForm({
  current,
  errors,
}: {
  current: { decision: string; remarks: string } | null;
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate className="card stack" id="decision-form">
      <h2>{current ? t("reviews.changeDecision") : t("reviews.recordDecision")}</h2>
      <input type="hidden" name="intent" value="decide" />
      <SelectField
        label={t("reviews.fields.decision")}
        name="decision"
        defaultValue={current?.decision ?? ""}
        error={errors.decision}
        options={[
          { value: "", label: "—" },
          ...REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`reviews.decisions.${d}`) })),
        ]}
      />
      <TextAreaField
        label={t("reviews.fields.remarks")}
        name="remarks"
        defaultValue={current?.remarks ?? ""}
        error={errors.remarks}
        hint={t("reviews.remarksHint")}
      />
      <button type="submit" className="button primary" data-testid="decision-submit">
        {t("common.save")}
      </button>
    </Form>
  );
}

/** The secretary's button, shown from the due date on, or before it once everyone has decided. */
export function CloseReviewForm({ error, early }: { error?: string; early: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="card stack">
      <input type="hidden" name="intent" value="close" />
      <p className="muted">{early ? t("reviews.closeEarlyHint") : t("reviews.closeHint")}</p>
      <FormError error={error} />
      <button type="submit" className="button primary" data-testid="review-close">
        {t("reviews.close")}
      </button>
    </Form>
  );
}
