import { pageTitle } from "~/i18n/page-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { WorkQueue } from "~/components/queue/work-queue";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { listUserMemberships } from "~/models/accounts/memberships.server";
import { loadWorkQueue } from "~/models/queue/work-queue.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data?.queue ? t("home.queue.title") : t("titles.home")));

/**
 * Signed out: the public landing page. Signed in: the work queue, every item kept or left
 * out by the policy (queue-sections.server.ts), then one's organizations.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) return { memberships: null, queue: null };
  const [memberships, queue] = await Promise.all([
    listUserMemberships(user.id),
    loadWorkQueue({ id: user.id, actor: user.actor }),
  ]);
  return {
    memberships: memberships.map((m) => ({ id: m.id, role: m.role, organization: m.organization })),
    queue,
  };
}

const STEPS = ["codrafting", "discussion", "consultation", "collegium", "register"] as const;

export default function HomePage() {
  const t = useT();
  const { memberships, queue } = useLoaderData<typeof loader>();
  if (memberships !== null && queue !== null) {
    return (
      <>
        <h1>{t("home.queue.title")}</h1>
        <WorkQueue queue={queue} />
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
      </>
    );
  }
  return (
    <>
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <Link to="/login" className="button primary">
          {t("nav.login")}
        </Link>
      </section>
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
