import { useTextLabels } from "~/components/document/text-language";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import type { OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";
import { forgetProposalDraft, restoreProposalDraft, saveProposalDraft } from "./proposal-draft-storage";

/**
 * Who is writing: someone who may submit, a signed-out visitor (who may write, then sign up
 * to send it), or a signed-in person whose e-mail is not verified yet.
 */
export type ProposalFormMode = "submit" | "visitor" | "unverified";

/**
 * Submitting a proposal on one article of the round's version. Not editable once sent.
 * What is typed is kept in this browser until it is sent, so signing up and verifying the
 * e-mail in between loses nothing.
 */
export function ProposalForm({
  roundId,
  mode,
  articles,
  chosenArticle,
  organizations,
  errors,
  submittedId,
  texts = [],
  chosenText = "",
}: {
  roundId: string;
  mode: ProposalFormMode;
  articles: OutlineEntry[];
  chosenArticle: string;
  organizations: { id: string; name: string }[];
  errors: Record<string, string | undefined>;
  /** The proposal just sent, if any: its text is forgotten here. */
  submittedId?: string;
  /** The texts of the round's version (value "" the main text), when it has several. */
  texts?: { value: string; label: string }[];
  chosenText?: string;
}) {
  const t = useT();
  const textLabels = useTextLabels();
  const busy = useNavigation().state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!form.current) return;
    if (submittedId) forgetProposalDraft(roundId);
    else restoreProposalDraft(roundId, form.current);
  }, [roundId, submittedId]);
  const back = encodeURIComponent(`/rounds/${roundId}#proposal-form`);
  return (
    <Form
      method="post"
      noValidate
      className="card stack"
      id="proposal-form"
      ref={form}
      onInput={(event) => saveProposalDraft(roundId, event.currentTarget)}
    >
      <h2>{t("rounds.proposeTitle")}</h2>
      <p className="muted">{t("rounds.proposeHint")}</p>
      <input type="hidden" name="intent" value="submit" />
      {texts.length > 1 ? (
        <SelectField
          label={t("rounds.proposalText")}
          name="versionTextId"
          defaultValue={chosenText}
          error={errors.versionTextId}
          options={texts}
        />
      ) : null}
      <SelectField
        label={t("fields.article")}
        name="articleId"
        defaultValue={chosenArticle}
        error={errors.articleId}
        options={articles.map((a) => ({
          value: a.id,
          label: `${textLabels.articleNumber(a.number)} ${a.title}`,
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
      {mode === "visitor" ? null : (
        <SelectField
          label={t("fields.onBehalfOf")}
          name="onBehalfOf"
          error={errors.onBehalfOf}
          options={[
            { value: "", label: t("summary.onOwnBehalf") },
            ...organizations.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      )}
      <FormError error={errors.form} />
      {mode === "visitor" ? (
        <div className="stack" data-testid="visitor-prompt">
          <p className="muted">{t("citizens.round.keptHere")}</p>
          <p>
            <Link className="button primary" to={`/signup?redirectTo=${back}`} data-testid="signup-to-propose">
              {t("citizens.round.signUpToPropose")}
            </Link>{" "}
            <Link to={`/login?redirectTo=${back}`}>{t("citizens.round.orSignIn")}</Link>
          </p>
        </div>
      ) : (
        <button type="submit" className="button primary" disabled={busy}>
          {t("rounds.submitProposal")}
        </button>
      )}
    </Form>
  );
}
