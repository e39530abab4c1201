import { pageTitle } from "~/i18n/page-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { listUserMemberships } from "~/models/accounts/memberships.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("titles.home"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return { memberships: null };
  const memberships = await listUserMemberships(user.id);
  return {
    memberships: memberships.map((m) => ({ id: m.id, role: m.role, organization: m.organization })),
  };
}

const STEPS = ["codrafting", "discussion", "consultation", "collegium", "register"] as const;

export default function HomePage() {
  const t = useT();
  const { memberships } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {memberships === null ? (
          <Link to="/login" className="button primary">
            {t("nav.login")}
          </Link>
        ) : null}
      </section>
      {memberships !== null ? (
        <section className="card" data-testid="my-organizations">
          <h2>{t("home.myOrganizations")}</h2>
          {memberships.length === 0 ? (
            <p className="muted">{t("home.noOrganizations")}</p>
          ) : (
            <ul className="plain-list">
              {memberships.map((m) => (
                <li key={m.id}>
                  <Link to={`/orgs/${m.organization.id}`}>{organizationName(m.organization, t.locale)}</Link>{" "}
                  <span className="badge">{t(`roles.${m.role}`)}</span>{" "}
                  <span className="muted">{t(`orgKinds.${m.organization.kind}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="steps">
        {STEPS.map((step, index) => (
          <article key={step} className="step card">
            <div className="step-number">{t.number(index + 1)}</div>
            <h2>{t(`home.steps.${step}.title`)}</h2>
            <p>{t(`home.steps.${step}.text`)}</p>
          </article>
        ))}
      </section>
    </>
  );
}
