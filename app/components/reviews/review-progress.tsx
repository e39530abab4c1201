import type { Tally } from "~/collegium/outcome";
import { useT } from "~/i18n/use-t";

type Seat = { name: string; role: string; decided: boolean };

/**
 * Before closing: the quorum and majority the body's rules ask for, who has decided and who
 * has not (never what), and, for the secretary and the chair, the tally so far.
 */
export function ReviewProgress({
  rules,
  roster,
  tally,
}: {
  rules: { quorumNeeded: number; majorityPercent: number };
  roster: Seat[];
  tally: Tally | null;
}) {
  const t = useT();
  const decided = roster.filter((s) => s.decided);
  const waiting = roster.filter((s) => !s.decided);
  return (
    <div className="card stack" data-testid="review-progress">
      <h2>{t("reviews.progress.title")}</h2>
      <p data-testid="review-rules">
        {t("reviews.progress.rules", {
          quorum: t.number(rules.quorumNeeded),
          total: t.number(roster.length),
          majority: t.number(rules.majorityPercent),
        })}
      </p>
      <div>
        <h3>{t("reviews.progress.decided", { count: t.number(decided.length) })}</h3>
        <ul className="plain-list" data-testid="review-decided">
          {decided.map((s, i) => (
            <li key={i}>
              {s.name} <span className="muted">{t(`reviews.roles.${s.role}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>{t("reviews.progress.waiting", { count: t.number(waiting.length) })}</h3>
        {waiting.length === 0 ? (
          <p className="muted">{t("reviews.progress.nobodyWaiting")}</p>
        ) : (
          <ul className="plain-list" data-testid="review-waiting">
            {waiting.map((s, i) => (
              <li key={i}>
                {s.name} <span className="muted">{t(`reviews.roles.${s.role}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {tally ? (
        <p data-testid="review-tally-so-far">
          {t("reviews.progress.tallySoFar", {
            approvals: t.number(tally.approve + tally.approveWithRemarks),
            objections: t.number(tally.object),
            abstentions: t.number(tally.abstain),
          })}{" "}
          <strong>
            {tally.quorumMet ? t(`reviews.progress.wouldBe.${tally.outcome}`) : t("reviews.progress.noQuorumYet")}
          </strong>
        </p>
      ) : null}
    </div>
  );
}
