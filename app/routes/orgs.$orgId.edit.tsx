import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { OrganizationForm } from "~/components/organization-form";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { getOrganization, updateOrganization } from "~/models/organizations/organizations.server";
import { OrganizationSchema } from "~/schemas/organization";
import { parseForm } from "~/utils/forms";
import { can } from "~/policies";
import { auditRefusal } from "~/utils/audit.server";
import { readForm } from "~/utils/read-form.server";
import { allow, forbidden, found } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("orgs.edit", { name: organizationName(data.organization, locale) }) : null,
  );

async function load(request: Request, orgId: string | undefined) {
  const user = await requireUser(request);
  const organization = found(await getOrganization(orgId ?? ""));
  await allow(request, user, "organization.update", { type: "organization", id: organization.id });
  return { user, organization };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organization } = await load(request, params.orgId);
  return { organization, canChangeKind: can(user.actor, "organization.changeKind") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await load(request, params.orgId);
  const form = await readForm(request);
  if (!can(user.actor, "organization.changeKind")) {
    // The kind decides what the organization's people may do (a ministry owns drafts): its
    // own administrators keep names and address, never the kind. The form does not offer it.
    const kind = form.get("kind");
    if (kind !== null && kind !== organization.kind) {
      await auditRefusal(request, user.id, {
        action: "organization.changeKind",
        objectType: "Organization",
        objectId: organization.id,
        reason: "forbidden",
      });
      throw forbidden();
    }
    form.set("kind", organization.kind);
  }
  const parsed = parseForm(OrganizationSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await updateOrganization(user.id, organization.id, parsed.value);
  throw redirect(`/orgs/${organization.id}`);
}

export default function EditOrganizationPage() {
  const t = useT();
  const { organization, canChangeKind } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("orgs.edit", { name: organizationName(organization, t.locale) })}</h1>
      <OrganizationForm values={organization} errors={errors} submitLabel={t("common.save")} showKind={canChangeKind} />
    </section>
  );
}
