import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";
import { Countdown } from "./countdown";

export type RoundSummaryInfo = {
  title: string;
  description: string;
  status: string;
  audience: string;
  opensAt: string | Date;
  closesAt: string | Date;
  timeZone: string;
};

/** Title, state, audience and period of a round; dates in the round's own time zone. */
export function RoundHeader({ round, draftTitle }: { round: RoundSummaryInfo; draftTitle: string }) {
  const t = useT();
  return (
    <header className="round-header">
      <p className="muted">{draftTitle}</p>
      <h1>{round.title}</h1>
      <p>
        <span
          className={`badge status-${round.status.toLowerCase()}`}
          data-testid="round-status"
          data-status={round.status}
        >
          {t(`rounds.status.${round.status}`)}
        </span>{" "}
        <span className="badge">{t(`rounds.audience.${round.audience}`)}</span>{" "}
        <LocalDate value={round.opensAt} withTime timeZone={round.timeZone} /> –{" "}
        <LocalDate value={round.closesAt} withTime timeZone={round.timeZone} />{" "}
        <span className="muted">({t(`timeZones.${round.timeZone.replace("/", "_")}`)})</span>
        {round.status === "OPEN" ? (
          <>
            {" · "}
            <Countdown until={round.closesAt} />
          </>
        ) : null}
      </p>
      {round.description ? <p className="round-description">{round.description}</p> : null}
    </header>
  );
}
