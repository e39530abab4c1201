import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { MODERATION_REASONS } from "~/models/moderation/moderation-reasons";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Agora" }];

/** The published participation rules: every moderation reason is one of these rules. Public. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return { pageTitle: `${serverT(resolveLocale(request, user?.locale))("rules.title")} · Agora` };
}

export default function ParticipationRulesPage() {
  const t = useT();
  return (
    <section className="narrow stack">
      <h1>{t("rules.title")}</h1>
      <p>{t("rules.lead")}</p>
      <ol>
        {MODERATION_REASONS.map((reason) => (
          <li key={reason} id={`rule-${reason}`}>
            {t(`rules.items.${reason}`)}
          </li>
        ))}
      </ol>
      <p>{t("rules.moderation")}</p>
      <p>{t("rules.flagging")}</p>
      <p>
        <Link to="/follow">{t("footer.follow")}</Link>
      </p>
    </section>
  );
}
