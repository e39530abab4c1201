import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { InviteForm } from "~/components/invite-form";
import { MemberRow } from "~/components/member-row";
import { organizationName } from "~/i18n/localized-name";
import { Pagination } from "~/components/pagination";
import { SearchBox } from "~/components/search-box";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { memberIntents } from "~/intents/member-intents.server";
import { getOrganization, listMembers } from "~/models/organizations/organizations.server";
import { can } from "~/policies";
import { emailOrigin } from "~/utils/origin.server";
import { pageCount, readPage } from "~/utils/pagination";
import { allow, found } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.organization", { name: organizationName(data.organization, locale) }) : null,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organization = found(await getOrganization(params.orgId ?? ""));
  const resource = { type: "organization" as const, id: organization.id };
  await allow(request, user, "organization.view", resource);
  const page = readPage(new URL(request.url));
  const members = await listMembers(organization.id, page);
  const showEmails = can(user.actor, "organization.viewMemberEmails", resource);
  return {
    organization,
    members: members.items.map((m) => ({
      id: m.id,
      role: m.role,
      user: { id: m.user.id, name: m.user.name, isActive: m.user.isActive, email: showEmails ? m.user.email : null },
    })),
    total: members.total,
    page: page.page,
    pages: pageCount(members.total),
    query: page.query,
    permissions: {
      edit: can(user.actor, "organization.update", resource),
      invite: can(user.actor, "membership.invite", resource),
      manage: can(user.actor, "membership.update", resource),
    },
    currentUserId: user.id,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const organization = found(await getOrganization(params.orgId ?? ""));
  return memberIntents(request, {
    user,
    organization,
    locale: resolveLocale(request, user.locale),
    origin: emailOrigin(),
    clientAddress: context.clientAddress,
  });
}

export default function OrganizationPage() {
  const t = useT();
  const { organization, members, total, page, pages, query, permissions, currentUserId } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <div className="page-title">
        <div>
          <p className="eyebrow">{t(`orgKinds.${organization.kind}`)}</p>
          <h1 data-testid="organization-name">{organizationName(organization, t.locale)}</h1>
          <p className="muted">
            {organization.country}
            {organization.city ? `, ${organization.city}` : ""}
          </p>
        </div>
        {permissions.edit ? (
          <Link to="edit" className="button">
            {t("common.edit")}
          </Link>
        ) : null}
      </div>
      {result?.ok && result.message ? (
        <p className="notice" role="status">
          {t(result.message)}
        </p>
      ) : null}
      {result && !result.ok && result.errors.form ? (
        <p className="form-error" role="alert">
          {t(result.errors.form)}
        </p>
      ) : null}
      <div className="columns">
        <div className="card">
          <h2>{t("orgs.members", { count: t.number(total) })}</h2>
          <SearchBox query={query} label={t("orgs.searchMembers")} />
          <ul className="member-list">
            {members.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                canManage={permissions.manage && member.user.id !== currentUserId}
              />
            ))}
          </ul>
          <Pagination page={page} pages={pages} />
        </div>
        {permissions.invite ? (
          <div className="card">
            <h2>{t("orgs.invite")}</h2>
            <InviteForm errors={result?.intent === "invite" && !result.ok ? result.errors : {}} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
