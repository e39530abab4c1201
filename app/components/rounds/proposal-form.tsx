import { Form, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import type { OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";

/** Submitting a proposal on one article of the round's version. Not editable once sent. */
export function ProposalForm({
  articles,
  chosenArticle,
  organizations,
  errors,
}: {
  articles: OutlineEntry[];
  chosenArticle: string;
  organizations: { id: string; name: string }[];
  errors: Record<string, string | undefined>;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" noValidate className="card stack" id="proposal-form">
      <h2>{t("rounds.proposeTitle")}</h2>
      <p className="muted">{t("rounds.proposeHint")}</p>
      <input type="hidden" name="intent" value="submit" />
      <SelectField
        label={t("fields.article")}
        name="articleId"
        defaultValue={chosenArticle}
        error={errors.articleId}
        options={articles.map((a) => ({
          value: a.id,
          label: `${t("editor.articleNumber", { number: t.number(a.number) })} ${a.title}`,
        }))}
      />
      <TextAreaField
        label={t("fields.quote")}
        name="quote"
        rows={2}
        error={errors.quote}
        hint={t("rounds.quoteHint")}
      />
      <TextAreaField label={t("fields.proposedText")} name="proposedText" error={errors.proposedText} required />
      <TextAreaField label={t("fields.justification")} name="justification" error={errors.justification} required />
      <SelectField
        label={t("fields.onBehalfOf")}
        name="onBehalfOf"
        error={errors.onBehalfOf}
        options={[
          { value: "", label: t("summary.onOwnBehalf") },
          ...organizations.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <FormError error={errors.form} />
      <button type="submit" className="button primary" disabled={busy}>
        {t("rounds.submitProposal")}
      </button>
    </Form>
  );
}
