import { Link } from "@remix-run/react";
import { draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";

type Titles = { titleHy: string | null; titleRu: string | null; titleKa: string | null; titleEn: string | null };

export type RoundListRow = {
  id: string;
  title: string;
  status: string;
  audience: string;
  opensAt: string | Date;
  closesAt: string | Date;
  timeZone: string;
  proposals: number;
  /** Shown under the title where the list mixes drafts. */
  draft?: Titles;
};

/** Rounds as cards: state, audience, period in the round's zone, proposals, summary link. */
export function RoundList({ rounds, empty }: { rounds: RoundListRow[]; empty: string }) {
  const t = useT();
  if (rounds.length === 0) return <p className="card muted">{empty}</p>;
  return (
    <ul className="plain-list stack">
      {rounds.map((round) => (
        <li key={round.id} className="card" data-testid="round-row">
          <Link to={`/rounds/${round.id}`}>
            <strong>{round.title}</strong>
          </Link>
          {round.draft ? <div className="muted">{draftTitle(round.draft, t.locale)}</div> : null}
          <div>
            <span className="badge">{t(`rounds.status.${round.status}`)}</span>{" "}
            <span className="badge">{t(`rounds.audience.${round.audience}`)}</span>{" "}
            <LocalDate value={round.opensAt} withTime timeZone={round.timeZone} /> –{" "}
            <LocalDate value={round.closesAt} withTime timeZone={round.timeZone} /> ·{" "}
            {t("rounds.proposalCount", { count: t.number(round.proposals) })}
            {round.status === "ANSWERED" ? (
              <>
                {" · "}
                <Link to={`/rounds/${round.id}/summary`}>{t("rounds.summaryLink")}</Link>
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
