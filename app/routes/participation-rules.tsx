import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { LocalDate } from "~/components/local-date";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { MODERATION_REASONS } from "~/models/moderation/moderation-reasons";
import { deploymentRuleTexts } from "~/models/moderation/participation-rules.server";
import type { RuleTextKey } from "~/models/moderation/rule-texts";
import { can, PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("rules.title"));

/**
 * The published participation rules: every moderation reason is one of these rules. Public.
 * The deployment's own wording where its admins wrote one for the reader's language.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const { texts, updatedAt } = await deploymentRuleTexts(resolveLocale(request, user?.locale));
  return { texts, updatedAt, canEdit: can(user?.actor ?? null, "admin.editParticipationRules", PLATFORM) };
}

export default function ParticipationRulesPage() {
  const t = useT();
  const { texts, updatedAt, canEdit } = useLoaderData<typeof loader>();
  const text = (key: RuleTextKey) => texts[key] ?? t(key);
  return (
    <section className="narrow stack">
      <h1>{t("rules.title")}</h1>
      <p className="plain-text">{text("rules.lead")}</p>
      <ol>
        {MODERATION_REASONS.map((reason) => (
          <li key={reason} id={`rule-${reason}`} className="plain-text" data-testid="participation-rule">
            {text(`rules.items.${reason}`)}
          </li>
        ))}
      </ol>
      <p className="plain-text">{text("rules.moderation")}</p>
      <p className="plain-text">{text("rules.flagging")}</p>
      {updatedAt ? (
        <p className="muted">
          {t("rules.lastChanged")} <LocalDate value={updatedAt} />
        </p>
      ) : null}
      <p>
        <Link to="/follow">{t("footer.follow")}</Link>
        {canEdit ? (
          <>
            {" · "}
            <Link to="/admin/participation-rules">{t("rules.edit")}</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
