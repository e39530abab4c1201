import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { ORGANIZATION_NAMES, draftHeading, draftTitle } from "~/i18n/localized-name";
import { Field, FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { TextAreaField } from "~/components/text-area-field";
import { resolveLocale } from "~/i18n/locale.server";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";
import { TimeZoneField } from "~/components/time-zone-field";
import { useT } from "~/i18n/use-t";
import { createRound } from "~/models/rounds/rounds.server";
import { roundFormDefaults, roundSchema } from "~/schemas/round";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { parseValues } from "~/utils/forms";
import { rateLimitMessage, retryAfter, takeRateLimit } from "~/utils/rate-limit.server";
import { orUnreadableDocument } from "~/boundary/unreadable-document.server";
import { readForm } from "~/utils/read-form.server";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "rounds.new");

/** Organizations that can be invited: every one but the owner. */
function invitableOrganizations(ownerOrganizationId: string) {
  return db().organization.findMany({
    where: { id: { not: ownerOrganizationId } },
    orderBy: { nameEn: "asc" },
    select: { ...ORGANIZATION_NAMES, kind: true },
  });
}

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "round.create");
  return {
    draft: draftHeading(draft),
    organizations: await invitableOrganizations(draft.ownerOrganizationId),
    minDays: env().ROUND_MIN_HOURS / 24,
    defaults: roundFormDefaults(env().ROUND_MIN_HOURS),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "round.create");
  const form = await readForm(request);
  const raw = { ...Object.fromEntries(form), invited: form.getAll("invited").map(String) };
  const parsed = parseValues(roundSchema(env().ROUND_MIN_HOURS), raw);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const allowed = new Set((await invitableOrganizations(draft.ownerOrganizationId)).map((o) => o.id));
  if (parsed.value.invited.some((id) => !allowed.has(id))) {
    return data({ errors: { invited: "errors.notAllowed" } as Record<string, string> }, { status: 400 });
  }
  // Each round notifies every invited organization when it opens, and takes official answers.
  const limit = await takeRateLimit(db(), "round", { account: user.id, address: context.clientAddress });
  if (!limit.ok) {
    return data(
      { errors: { form: rateLimitMessage("round", limit.retryAfterSeconds) } as Record<string, string> },
      { status: 429, headers: retryAfter(limit.retryAfterSeconds) },
    );
  }
  const t = serverT(resolveLocale(request, user.locale));
  // The default version name carries no round title: every working-group member sees versions,
  // while an invited round stays with its guests.
  const versionName = t("rounds.versionFor", { date: formatDate(t, new Date()) });
  const round = await orUnreadableDocument(request, user.locale, () =>
    createRound(user, draft.id, parsed.value, versionName),
  );
  throw redirect(`/rounds/${round.id}`);
}

export default function NewRoundPage() {
  const t = useT();
  const { draft, organizations, minDays, defaults } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  const [audience, setAudience] = useState("PUBLIC");
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("rounds.new")}</h1>
      <p className="muted">{t("rounds.newHint", { days: t.number(minDays) })}</p>
      <Form method="post" noValidate className="card stack">
        <FormError error={errors.form} />
        <Field label={t("fields.roundTitle")} name="title" error={errors.title} required />
        <TextAreaField label={t("fields.description")} name="description" error={errors.description} />
        <div className="field-row">
          <Field
            label={t("fields.opensAt")}
            name="opensAt"
            type="datetime-local"
            defaultValue={defaults.opensAt}
            error={errors.opensAt}
            required
          />
          <Field
            label={t("fields.closesAt")}
            name="closesAt"
            type="datetime-local"
            defaultValue={defaults.closesAt}
            error={errors.closesAt}
            required
          />
          <TimeZoneField error={errors.timeZone} defaultValue={defaults.timeZone} />
        </div>
        <fieldset className="field">
          <legend>{t("fields.audience")}</legend>
          {(["PUBLIC", "INVITED"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="audience"
                value={value}
                checked={audience === value}
                onChange={() => setAudience(value)}
              />{" "}
              {t(`rounds.audience.${value}`)}
            </label>
          ))}
          {errors.audience ? <div className="field-error">{t(errors.audience)}</div> : null}
        </fieldset>
        <fieldset className="field" hidden={audience !== "INVITED"}>
          <legend>{t("fields.invited")}</legend>
          <div className="choice-grid">
            {organizations.map((org) => (
              <label key={org.id} className="choice">
                <input type="checkbox" name="invited" value={org.id} /> {organizationName(org, t.locale)}{" "}
                <span className="muted">({t(`orgKinds.${org.kind}`)})</span>
              </label>
            ))}
          </div>
          {errors.invited ? (
            <div className="field-error" role="alert">
              {t(errors.invited)}
            </div>
          ) : null}
        </fieldset>
        <Field
          label={t("fields.versionName")}
          name="versionName"
          error={errors.versionName}
          hint={t("rounds.versionHint")}
        />
        <button type="submit" className="button primary" data-testid="round-create">
          {t("rounds.create")}
        </button>
      </Form>
    </section>
  );
}
