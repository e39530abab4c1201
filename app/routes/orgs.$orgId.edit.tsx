import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { OrganizationForm } from "~/components/organization-form";
import { organizationName } from "~/components/organization-name";
import { useT } from "~/i18n/use-t";
import { getOrganization, updateOrganization } from "~/models/organizations.server";
import { OrganizationSchema } from "~/schemas/organization";
import { parseForm } from "~/utils/forms";
import { authorize, found } from "~/utils/responses.server";
import { readForm } from "~/utils/read-form.server";

async function load(request: Request, orgId: string | undefined) {
  const user = await requireUser(request);
  const organization = found(await getOrganization(orgId ?? ""));
  authorize(user.actor, "organization.update", { type: "organization", id: organization.id });
  return { user, organization };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization } = await load(request, params.orgId);
  return { organization };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organization } = await load(request, params.orgId);
  const parsed = parseForm(OrganizationSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await updateOrganization(user.id, organization.id, parsed.value);
  throw redirect(`/orgs/${organization.id}`);
}

export default function EditOrganizationPage() {
  const t = useT();
  const { organization } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("orgs.edit", { name: organizationName(organization, t.locale) })}</h1>
      <OrganizationForm values={organization} errors={errors} submitLabel={t("common.save")} />
    </section>
  );
}
