import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { useT } from "~/i18n/use-t";

type Props = {
  signedIn: boolean;
  /** Set when following one round's answers (from the round page). */
  round: { id: string; title: string } | null;
  ministries: { id: string; name: string }[];
  kinds: readonly string[];
  errors: Record<string, string | undefined>;
};

/** What to follow and, for a visitor, the address that will confirm it. */
export function FollowForm({ signedIn, round, ministries, kinds, errors }: Props) {
  const t = useT();
  return (
    <Form method="post" className="card stack" noValidate>
      <FormError error={errors.form} />
      {round ? (
        <>
          <input type="hidden" name="topic" value="answers" />
          <input type="hidden" name="roundId" value={round.id} />
          <p>{t("follow.scopes.answers", { title: round.title })}</p>
        </>
      ) : (
        <fieldset className="stack">
          <legend>{t("follow.what")}</legend>
          <label>
            <input type="radio" name="topic" value="all" defaultChecked /> {t("follow.all")}
          </label>
          <label>
            <input type="radio" name="topic" value="ministry" /> {t("follow.ministry")}
          </label>
          <SelectField
            label={t("follow.ministryLabel")}
            name="organizationId"
            error={errors.organizationId}
            options={[
              { value: "", label: t("follow.choose") },
              ...ministries.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
          <label>
            <input type="radio" name="topic" value="draftKind" /> {t("follow.kind")}
          </label>
          <SelectField
            label={t("follow.kindLabel")}
            name="draftKind"
            error={errors.draftKind}
            options={[
              { value: "", label: t("follow.choose") },
              ...kinds.map((k) => ({ value: k, label: t(`draftKinds.${k}`) })),
            ]}
          />
          <FormError error={errors.topic} />
        </fieldset>
      )}
      {signedIn ? null : (
        <Field label={t("fields.email")} name="email" type="email" autoComplete="email" required error={errors.email} />
      )}
      <button type="submit" className="button primary" name="intent" value="follow">
        {t("follow.submit")}
      </button>
    </Form>
  );
}
