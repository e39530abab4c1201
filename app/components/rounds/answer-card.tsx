import { useTextLabels } from "~/components/document/text-language";
import { Form, Link } from "@remix-run/react";
import { BULK_FORM_ID } from "~/components/rounds/bulk-answer";
import { FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { useT } from "~/i18n/use-t";
import { HiddenNotice, ModerationControls, type HiddenState } from "~/components/moderation/moderation-controls";

const DECISIONS = ["ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "NOTED"] as const;

type Names = { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };

export type ProposalToAnswer = HiddenState & {
  id: string;
  number: number;
  articleId: string;
  quote: string | null;
  proposedText: string;
  justification: string;
  decision: string | null;
  answer: string | null;
  groupId: string | null;
  /** Proposals in its campaign group (1: no other proposal has the same text). */
  groupSize: number;
  author: { name: string; deletedAt: string | Date | null };
  organization: Names | null;
};

/** One proposal as staff see it, with the form for its official answer. */
export function AnswerCard({
  proposal,
  article,
  canAnswer,
  canModerate,
  selectable = false,
  errors,
  saved,
}: {
  proposal: ProposalToAnswer;
  article: { number: number; title: string } | undefined;
  canAnswer: boolean;
  /** Staff of the owning ministry: hide or show again (the answer is still due either way). */
  canModerate: boolean;
  /** A checkbox that puts it in the page's bulk answer (the form is elsewhere on the page). */
  selectable?: boolean;
  errors: Record<string, string | undefined>;
  saved: boolean;
}) {
  const t = useT();
  const textLabels = useTextLabels();
  return (
    <li className="card proposal-card" data-testid="proposal-to-answer" id={`proposal-${proposal.id}`}>
      {/* The card's heading: a screen reader moves from proposal to proposal by it. */}
      <h2 className="eyebrow">
        {textLabels.articleNumber(article?.number ?? 0)} {article?.title}
      </h2>
      {selectable ? (
        <label className="select-proposal">
          <input type="checkbox" name="selected" value={proposal.id} form={BULK_FORM_ID} />{" "}
          {t("answering.select", { number: t.number(proposal.number) })}
        </label>
      ) : null}
      <p>
        <strong>{proposal.author.deletedAt ? t("citizens.formerParticipant") : proposal.author.name}</strong>
        {" · "}
        {proposal.organization ? organizationName(proposal.organization, t.locale) : t("summary.onOwnBehalf")}
      </p>
      {proposal.groupSize > 1 ? (
        <p className="badge" data-testid="campaign-group">
          {t("rounds.campaignGroup", { count: t.number(proposal.groupSize) })}{" "}
          <Link to={`?group=${proposal.groupId}`}>{t("answering.showGroup")}</Link>
        </p>
      ) : null}
      <HiddenNotice item={proposal} />
      {proposal.quote ? <blockquote className="plain-text">{proposal.quote}</blockquote> : null}
      <h3>{t("fields.proposedText")}</h3>
      <p className="plain-text">{proposal.proposedText}</p>
      <h3>{t("fields.justification")}</h3>
      <p className="plain-text">{proposal.justification}</p>
      {canModerate ? <ModerationControls kind="proposal" id={proposal.id} item={proposal} /> : null}
      {canAnswer ? (
        <Form method="post" noValidate className="stack answer-form" preventScrollReset>
          <input type="hidden" name="proposalId" value={proposal.id} />
          {proposal.groupId ? <input type="hidden" name="groupId" value={proposal.groupId} /> : null}
          <SelectField
            label={t("fields.decision")}
            name="decision"
            defaultValue={proposal.decision ?? ""}
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
            defaultValue={proposal.answer ?? ""}
            error={errors.answer}
            hint={t("rounds.answerHint")}
          />
          <FormError error={errors.form} />
          <div className="actions">
            <button type="submit" className="button" name="intent" value="answer">
              {t("rounds.saveAnswer")}
            </button>
            {proposal.groupSize > 1 ? (
              <button type="submit" className="button" name="intent" value="answerGroup">
                {t("rounds.answerWholeGroup", { count: t.number(proposal.groupSize) })}
              </button>
            ) : null}
            {saved ? <span role="status">{t("rounds.answerSaved")}</span> : null}
          </div>
        </Form>
      ) : proposal.decision ? (
        <p>
          <span className="badge">{t(`decisions.${proposal.decision}`)}</span>{" "}
          <span className="plain-text">{proposal.answer}</span>
        </p>
      ) : null}
    </li>
  );
}
