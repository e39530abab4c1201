import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { RoundList } from "~/components/rounds/round-list";
import { useT } from "~/i18n/use-t";
import { listDraftRounds, roundInfo } from "~/models/rounds/rounds.server";
import { can, roundResourceOf } from "~/policies";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "rounds.ofDraft");

/** A draft's consultation rounds, as far as the viewer may see them, and "new round" for staff. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const rounds = (await listDraftRounds(draft.id)).filter((round) =>
    can(user.actor, "round.view", roundResourceOf(round, resource)),
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
      <RoundList rounds={rounds} empty={t("rounds.noneForDraft")} />
    </section>
  );
}
