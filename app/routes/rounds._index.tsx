import { pageTitle } from "~/i18n/page-title";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { feedLinkDescriptors, FollowLinks } from "~/components/follow/feed-links";
import { RoundList } from "~/components/rounds/round-list";
import { useT } from "~/i18n/use-t";
import { listVisibleRounds, roundInfo } from "~/models/rounds/rounds.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("rounds.title"));
export const links: LinksFunction = () => feedLinkDescriptors("rounds");

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
      <FollowLinks feed="rounds" />
      <h2>{t("rounds.openRounds")}</h2>
      <RoundList rounds={open} empty={t("rounds.noneOpen")} />
      <h2>{t("rounds.pastRounds")}</h2>
      <RoundList rounds={past} empty={t("rounds.nonePast")} />
    </section>
  );
}
