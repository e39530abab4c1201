import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { OrganizationForm } from "~/components/organization-form";
import { useT } from "~/i18n/use-t";
import { createOrganization } from "~/models/organizations/organizations.server";
import { OrganizationSchema } from "~/schemas/organization";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";
import { allow } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("orgs.create"));

export async function loader({ request }: LoaderFunctionArgs) {
  await allow(request, await requireUser(request), "organization.create", PLATFORM);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "organization.create", PLATFORM);
  const parsed = parseForm(OrganizationSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const org = await createOrganization(user.id, parsed.value);
  throw redirect(`/orgs/${org.id}`);
}

export default function NewOrganizationPage() {
  const t = useT();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("orgs.create")}</h1>
      <OrganizationForm errors={errors} submitLabel={t("common.create")} />
    </section>
  );
}
