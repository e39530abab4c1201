import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { draftTitle } from "~/components/draft-title";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";
import { listVisibleRounds, roundInfo } from "~/models/rounds.server";

/** Open and past consultation rounds: public ones for everyone, invited ones for their guests. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const rounds = await listVisibleRounds(
    user && {
      organizationIds: user.actor.memberships.map((m) => m.organizationId),
      isPlatformAdmin: user.isPlatformAdmin,
    },
  );
  const pick = (status: string[]) =>
    rounds
      .filter((round) => status.includes(round.status))
      .map((round) => ({
        ...roundInfo(round),
        draft: round.draft,
        proposals: round._count.proposals,
      }));
  return { open: pick(["OPEN"]), past: pick(["CLOSED", "ANSWERED"]) };
}

export default function RoundsPage() {
  const t = useT();
  const { open, past } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("rounds.title")}</h1>
      <p className="muted">{t("rounds.intro")}</p>
      <h2>{t("rounds.openRounds")}</h2>
      <RoundList rounds={open} empty={t("rounds.noneOpen")} />
      <h2>{t("rounds.pastRounds")}</h2>
      <RoundList rounds={past} empty={t("rounds.nonePast")} />
    </section>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["open"][number];

function RoundList({ rounds, empty }: { rounds: Row[]; empty: string }) {
  const t = useT();
  if (rounds.length === 0) return <p className="card muted">{empty}</p>;
  return (
    <ul className="plain-list stack">
      {rounds.map((round) => (
        <li key={round.id} className="card" data-testid="round-row">
          <Link to={`/rounds/${round.id}`}>
            <strong>{round.title}</strong>
          </Link>
          <div className="muted">{draftTitle(round.draft, t.locale)}</div>
          <div>
            <span className="badge">{t(`rounds.status.${round.status}`)}</span>{" "}
            <span className="badge">{t(`rounds.audience.${round.audience}`)}</span>{" "}
            <LocalDate value={round.opensAt} timeZone={round.timeZone} /> –{" "}
            <LocalDate value={round.closesAt} timeZone={round.timeZone} /> ·{" "}
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
