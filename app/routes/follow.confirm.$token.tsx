import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { confirmSubscription } from "~/models/follow/subscriptions.server";
import { can } from "~/policies";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Agora" }];

/**
 * The link in the confirmation e-mail. Opening it is the "yes" of double opt-in: the token
 * is single-use and expires, and only the address's owner has it. (A link scanner opening
 * it confirms a subscription the address asked for; it cannot subscribe anyone else.)
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!can(user?.actor ?? null, "follow.subscribe")) throw new Response("Forbidden", { status: 403 });
  const t = serverT(resolveLocale(request, user?.locale));
  const confirmed = await confirmSubscription(params.token ?? "");
  const title = t(confirmed ? "follow.confirm.title" : "follow.confirm.invalidTitle");
  return data({ confirmed: !!confirmed, pageTitle: `${title} · Agora` }, { status: confirmed ? 200 : 404 });
}

export default function ConfirmFollowPage() {
  const t = useT();
  const { confirmed } = useLoaderData<typeof loader>();
  return (
    <section className="narrow card">
      <h1>{t(confirmed ? "follow.confirm.title" : "follow.confirm.invalidTitle")}</h1>
      <p role="status">{t(confirmed ? "follow.confirm.done" : "follow.confirm.invalid")}</p>
      <p>
        <Link to={confirmed ? "/rounds" : "/follow"}>{t(confirmed ? "nav.rounds" : "follow.title")}</Link>
      </p>
    </section>
  );
}
