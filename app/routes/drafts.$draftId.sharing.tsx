import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftTitle } from "~/i18n/localized-name";
import { Field } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { SelectField } from "~/components/select-field";
import { useT } from "~/i18n/use-t";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { changeSharingLevel, grantSharing, listDraftGrants, revokeSharing } from "~/models/drafts/draft-sharing.server";
import { ShareSchema } from "~/schemas/draft";
import { db } from "~/utils/db.server";
import { handleForm, InvalidInput, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "drafts.sharing");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.share");
  const [organizations, grants] = await Promise.all([
    db().organization.findMany({
      where: { id: { not: draft.ownerOrganizationId } },
      orderBy: [{ kind: "asc" }, { nameEn: "asc" }],
    }),
    listDraftGrants(draft.id),
  ]);
  return { draft, organizations, grants };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.share");
  return handleForm(request, {
    audit: { action: "draft.share", objectType: "Draft", objectId: draft.id },
    handle: async ({ parse, text }) => {
      const intent = text("intent");
      const level = text("level");
      // Granting and changing levels notify the people reached; revoking tells no one.
      if (intent !== "revoke")
        await enforceRateLimit(db(), "share", { account: user.id, address: context.clientAddress });
      const result =
        intent === "revoke"
          ? await revokeSharing(user, draft.id, text("grantId"))
          : intent === "level"
            ? await changeSharingLevel(
                user,
                draft.id,
                text("grantId"),
                level === "EDIT" || level === "SUGGEST" || level === "COMMENT" ? level : null,
              )
            : await grantSharing(user, draft.id, parse(ShareSchema));
      if (!result.ok) throw new InvalidInput(result.errors);
      return { message: result.message };
    },
  });
}

export default function SharingPage() {
  const t = useT();
  const { draft, organizations, grants } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result && !result.ok ? result.errors : {};
  const levels = [
    { value: "EDIT", label: t("sharing.levels.EDIT") },
    { value: "SUGGEST", label: t("sharing.levels.SUGGEST") },
    { value: "COMMENT", label: t("sharing.levels.COMMENT") },
  ];
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("drafts.sharing")}</h1>
      {result?.ok && result.message ? (
        <p className="notice" role="status">
          {t(result.message)}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <div className="columns">
        <div className="card">
          <h2>{t("sharing.current")}</h2>
          <p className="muted">
            {t("sharing.ownerNote", { owner: organizationName(draft.ownerOrganization, t.locale) })}
          </p>
          {grants.length === 0 ? <p className="muted">{t("sharing.none")}</p> : null}
          <ul className="member-list">
            {grants.map((grant) => (
              <li key={grant.id} className="member-row" data-testid="grant-row">
                <div>
                  <strong>
                    {grant.organization ? organizationName(grant.organization, t.locale) : grant.user?.name}
                  </strong>
                  <div className="muted">
                    {grant.organization ? t(`orgKinds.${grant.organization.kind}`) : grant.user?.email}
                  </div>
                </div>
                <div className="member-actions">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="level" />
                    <input type="hidden" name="grantId" value={grant.id} />
                    <label>
                      <span className="visually-hidden">{t("fields.access")}</span>
                      <select name="level" defaultValue={grant.level}>
                        {levels.map((level) => (
                          <option key={level.value} value={level.value}>
                            {level.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button type="submit">{t("common.save")}</button>
                  </Form>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="grantId" value={grant.id} />
                    <button type="submit" className="danger">
                      {t("sharing.revoke")}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>{t("sharing.addOrganization")}</h2>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="grant" />
            <input type="hidden" name="target" value="organization" />
            <SelectField
              label={t("fields.organization")}
              name="organizationId"
              error={errors.organizationId}
              options={organizations.map((org) => ({ value: org.id, label: organizationName(org, t.locale) }))}
            />
            <SelectField label={t("fields.access")} name="level" defaultValue="EDIT" options={levels} />
            <button type="submit" className="button primary">
              {t("sharing.grant")}
            </button>
          </Form>
          <h2>{t("sharing.addPerson")}</h2>
          <Form method="post" noValidate className="stack">
            <input type="hidden" name="intent" value="grant" />
            <input type="hidden" name="target" value="user" />
            <Field label={t("fields.email")} name="email" type="email" error={errors.email} />
            <SelectField label={t("fields.access")} name="level" defaultValue="COMMENT" options={levels} />
            <button type="submit" className="button primary">
              {t("sharing.grant")}
            </button>
          </Form>
        </div>
      </div>
    </section>
  );
}
