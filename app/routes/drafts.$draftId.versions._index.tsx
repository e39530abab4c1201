import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { Field } from "~/components/field";
import { LocalDate } from "~/components/local-date";
import { useT } from "~/i18n/use-t";
import { createVersion, listVersions } from "~/models/documents/versions.server";
import { can } from "~/policies";
import { VersionSchema } from "~/schemas/version";
import { parseForm } from "~/utils/forms";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";
import { readForm } from "~/utils/read-form.server";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "versions.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  return {
    draft: draftHeading(draft),
    versions: await listVersions(draft.id),
    canCreate: can(user.actor, "draft.createVersion", resource),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.createVersion");
  const parsed = parseForm(VersionSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const version = await orUnreadableDocument(request, user.locale, () =>
    createVersion(user.id, draft.id, parsed.value.name),
  );
  throw redirect(`/drafts/${draft.id}/versions/${version.id}`);
}

export default function VersionsPage() {
  const t = useT();
  const { draft, versions, canCreate } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <div className="page-title">
        <h1>{t("versions.title")}</h1>
        {versions.length > 0 ? (
          <Link to={`/drafts/${draft.id}/compare`} className="button">
            {t("compare.link")}
          </Link>
        ) : null}
      </div>
      <div className="columns">
        <div className="card">
          {versions.length === 0 ? <p className="muted">{t("versions.none")}</p> : null}
          <ul className="plain-list">
            {versions.map((version) => (
              <li key={version.id} data-testid="version-row">
                <Link to={version.id}>
                  {t("versions.label", { number: t.number(version.number), name: version.name })}
                </Link>
                <div className="muted">
                  <LocalDate value={version.createdAt} withTime /> · {version.createdBy?.name ?? ""} ·{" "}
                  <code title={version.sha256}>{version.sha256.slice(0, 12)}…</code>
                </div>
              </li>
            ))}
          </ul>
        </div>
        {canCreate ? (
          <div className="card">
            <h2>{t("versions.create")}</h2>
            <p className="muted">{t("versions.createHint")}</p>
            <Form method="post" noValidate className="stack">
              <Field label={t("fields.versionName")} name="name" error={errors.name} />
              <button type="submit" className="button primary">
                {t("versions.freeze")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </section>
  );
}
