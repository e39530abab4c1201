import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";

type Names = { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };

export type ReviewerDecision = {
  name: string;
  organization: Names | null;
  role: string;
  decision: string | null;
  remarks: string;
};

/** Each reviewer's decision and remarks with the tally: shown once the review is closed. */
export function ReviewDecisions({
  decisions,
  tally,
}: {
  decisions: ReviewerDecision[];
  tally: Record<string, number | boolean | string> | null;
}) {
  const t = useT();
  return (
    <div className="card" data-testid="review-decisions">
      <h2>{t("reviews.record")}</h2>
      {tally ? (
        <p data-testid="review-tally">
          {t("reviews.tally", {
            inOffice: t.number(Number(tally.inOffice)),
            cast: t.number(Number(tally.cast)),
            approvals: t.number(Number(tally.approve) + Number(tally.approveWithRemarks)),
            objections: t.number(Number(tally.object)),
            abstentions: t.number(Number(tally.abstain)),
          })}
        </p>
      ) : null}
      <table className="totals-table">
        <tbody>
          {decisions.map((d, index) => (
            <tr key={index}>
              <th scope="row">
                {d.name}
                <div className="muted">
                  {t(`reviews.roles.${d.role}`)}
                  {d.organization ? ` · ${organizationName(d.organization, t.locale)}` : ""}
                </div>
              </th>
              <td>
                <strong>{d.decision ? t(`reviews.decisions.${d.decision}`) : t("reviews.noDecision")}</strong>
                {d.remarks ? <div className="plain-text">{d.remarks}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
