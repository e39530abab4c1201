import { Form } from "@remix-run/react";
import { FormError } from "~/components/field";
import { useT } from "~/i18n/use-t";
import { REVIEW_DECISIONS } from "~/schemas/review";

/**
 * Decisions taken at the meeting on one review, for the reviewers recorded present. The
 * form does not show anyone's current decision: before a review closes only counts are
 * shown (the policy), and each member may have changed theirs since.
 */
export function MeetingDecisionsForm({
  reviewId,
  present,
  errors,
}: {
  reviewId: string;
  present: { membershipId: string; name: string }[];
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  return (
    <Form method="post" className="stack" data-testid="meeting-decisions">
      <input type="hidden" name="intent" value="decisions" />
      <input type="hidden" name="reviewId" value={reviewId} />
      <FormError error={errors.form} />
      {present.map((member) => (
        <div className="field" key={member.membershipId}>
          <label htmlFor={`decision-${reviewId}-${member.membershipId}`}>
            {t("meetings.decisions.of", { name: member.name })}
          </label>
          <select
            id={`decision-${reviewId}-${member.membershipId}`}
            name={`decision.${member.membershipId}`}
            defaultValue=""
            data-testid="meeting-decision"
          >
            <option value="">{t("meetings.decisions.none")}</option>
            {REVIEW_DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {t(`reviews.decisions.${decision}`)}
              </option>
            ))}
          </select>
          {errors[`decision.${member.membershipId}`] ? (
            <div className="field-error" role="alert">
              {t(errors[`decision.${member.membershipId}`]!)}
            </div>
          ) : null}
        </div>
      ))}
      <button type="submit" className="button" data-testid="meeting-decisions-save">
        {t("meetings.decisions.save")}
      </button>
    </Form>
  );
}
