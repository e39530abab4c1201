import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/components/draft-title";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";
import { requireDraft } from "~/models/draft-guard.server";
import { listDraftRounds, roundInfo } from "~/models/rounds.server";
import { can } from "~/policies";

/** A draft's consultation rounds, as far as the viewer may see them, and "new round" for staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const rounds = (await listDraftRounds(draft.id)).filter((round) =>
    can(user.actor, "round.view", {
      type: "round",
      draft: resource,
      audience: round.audience,
      status: round.status,
      invitedOrganizationIds: round.invitations.map((i) => i.organizationId),
    }),
  );
  return {
    draft: draftHeading(draft),
    rounds: rounds.map((round) => ({
      ...roundInfo(round),
      proposals: round._count.proposals,
    })),
    canCreate: can(user.actor, "round.create", resource),
  };
}

export default function DraftRoundsPage() {
  const t = useT();
  const { draft, rounds, canCreate } = useLoaderData<typeof loader>();
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <div className="page-title">
        <h1>{t("rounds.ofDraft")}</h1>
        {canCreate ? (
          <Link to="new" className="button primary">
            {t("rounds.new")}
          </Link>
        ) : null}
      </div>
      {rounds.length === 0 ? <p className="card muted">{t("rounds.noneForDraft")}</p> : null}
      <ul className="plain-list stack">
        {rounds.map((round) => (
          <li key={round.id} className="card" data-testid="round-row">
            <Link to={`/rounds/${round.id}`}>
              <strong>{round.title}</strong>
            </Link>
            <div>
              <span className="badge">{t(`rounds.status.${round.status}`)}</span>{" "}
              <span className="badge">{t(`rounds.audience.${round.audience}`)}</span>{" "}
              <LocalDate value={round.opensAt} withTime timeZone={round.timeZone} /> –{" "}
              <LocalDate value={round.closesAt} withTime timeZone={round.timeZone} /> ·{" "}
              {t("rounds.proposalCount", { count: t.number(round.proposals) })}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
