import { Form } from "@remix-run/react";
import { Field } from "~/components/field";
import { useT } from "~/i18n/use-t";

/** Quorum and majority of a collegium, in percent: "more than N % of …". */
export function VotingRulesForm({
  quorumShare,
  majorityShare,
  errors,
  canManage,
}: {
  quorumShare: number;
  majorityShare: number;
  errors: Record<string, string | undefined>;
  canManage: boolean;
}) {
  const t = useT();
  const percent = (share: number) => Math.round(share * 100);
  const rules = t("collegium.rules.summary", {
    quorum: t.number(percent(quorumShare)),
    majority: t.number(percent(majorityShare)),
  });
  if (!canManage)
    return (
      <p className="muted" data-testid="voting-rules">
        {rules}
      </p>
    );
  return (
    <Form method="post" noValidate className="card stack" data-testid="voting-rules">
      <h2>{t("collegium.rules.title")}</h2>
      <p className="muted">{rules}</p>
      <input type="hidden" name="intent" value="rules" />
      <div className="field-row">
        <Field
          label={t("collegium.rules.quorum")}
          name="quorumPercent"
          type="number"
          min={0}
          max={99}
          defaultValue={percent(quorumShare)}
          error={errors.quorumPercent}
        />
        <Field
          label={t("collegium.rules.majority")}
          name="majorityPercent"
          type="number"
          min={0}
          max={99}
          defaultValue={percent(majorityShare)}
          error={errors.majorityPercent}
        />
      </div>
      <button type="submit" className="button">
        {t("common.save")}
      </button>
    </Form>
  );
}
