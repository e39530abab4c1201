import { useTextLabels } from "~/components/document/text-language";
import { Form } from "@remix-run/react";
import { organizationName } from "~/i18n/localized-name";
import type { OutlineEntry } from "~/editor/outline";
import { useT } from "~/i18n/use-t";

type OwnProposal = {
  id: string;
  articleId: string;
  proposedText: string;
  status: string;
  decision: string | null;
  answer: string | null;
  organization: { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null } | null;
};

/** What the person has proposed in this round, with answers once given. */
export function OwnProposals({
  proposals,
  articles,
  canWithdraw,
}: {
  proposals: OwnProposal[];
  articles: OutlineEntry[];
  canWithdraw: boolean;
}) {
  const t = useT();
  const textLabels = useTextLabels();
  if (proposals.length === 0) return null;
  const numberOf = (articleId: string) => articles.find((a) => a.id === articleId)?.number ?? 0;
  return (
    <div className="card" id="own-proposals">
      <h2>{t("rounds.ownProposals")}</h2>
      <ul className="plain-list">
        {proposals.map((p) => (
          <li
            key={p.id}
            id={`proposal-${p.id}`}
            data-testid="own-proposal"
            className={p.status === "WITHDRAWN" ? "is-withdrawn" : ""}
          >
            <strong>{textLabels.articleNumber(numberOf(p.articleId))}</strong>
            {p.organization ? <span className="muted"> · {organizationName(p.organization, t.locale)}</span> : null}
            <p className="plain-text">{p.proposedText}</p>
            {p.status === "WITHDRAWN" ? <p className="muted">{t("rounds.withdrawn")}</p> : null}
            {p.decision ? (
              <p>
                <span className="badge">{t(`decisions.${p.decision}`)}</span> {p.answer}
              </p>
            ) : null}
            {canWithdraw && p.status === "SUBMITTED" ? (
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="proposalId" value={p.id} />
                <button type="submit" className="button small">
                  {t("rounds.withdraw")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
