import { Form, Link, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { useT } from "~/i18n/use-t";

const DECISIONS = ["ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "NOTED"] as const;
export const BULK_FORM_ID = "bulk-answer";

/**
 * One answer for the proposals ticked on this page (their checkboxes belong to this form by
 * its id) or for every proposal matching the filter. The filter travels as the page's query.
 */
export function BulkAnswerForm({
  query,
  matching,
  errors,
}: {
  query: string;
  matching: number;
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  return (
    <Form method="post" id={BULK_FORM_ID} className="card stack" noValidate action={`?${query}`}>
      <h2>{t("answering.bulkTitle")}</h2>
      <fieldset>
        <legend>{t("answering.bulkScope")}</legend>
        <label>
          <input type="radio" name="scope" value="selected" defaultChecked /> {t("answering.scopeSelected")}
        </label>
        <label>
          <input type="radio" name="scope" value="filter" /> {t("answering.scopeFilter", { count: t.number(matching) })}
        </label>
      </fieldset>
      <SelectField
        label={t("fields.decision")}
        name="decision"
        defaultValue=""
        error={errors.decision}
        options={[
          { value: "", label: t("summary.unanswered") },
          ...DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) })),
        ]}
      />
      <TextAreaField
        label={t("fields.answer")}
        name="answer"
        rows={3}
        error={errors.answer}
        hint={t("rounds.answerHint")}
      />
      <FormError error={errors.form} />
      <div className="actions">
        <button type="submit" className="button" name="intent" value="bulkAnswer">
          {t("answering.bulkSubmit")}
        </button>
      </div>
    </Form>
  );
}

export type BulkProgress = { id: string; state: string; done: number; total: number };

/**
 * How far the round's bulk answers are, announced politely as it changes. While one runs the
 * page reloads its data every two seconds; without JavaScript the reload link does the same.
 */
export function BulkAnswerProgress({ jobs }: { jobs: BulkProgress[] }) {
  const t = useT();
  const revalidator = useRevalidator();
  const location = useLocation();
  const running = jobs.some((job) => job.state === "RUNNING");
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  return (
    <div role="status" aria-live="polite" className="stack" data-testid="bulk-progress">
      {jobs.map((job) => (
        <p key={job.id}>
          {t(`answering.progress.${job.state}`, { done: t.number(job.done), total: t.number(job.total) })}{" "}
          <progress max={Math.max(job.total, 1)} value={job.done} />
        </p>
      ))}
      {running ? <Link to={location.pathname + location.search}>{t("answering.reload")}</Link> : null}
    </div>
  );
}
