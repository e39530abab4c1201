import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { draftHeading } from "~/i18n/localized-name";
import { Field, FormError } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { DraftVersionStep } from "~/components/draft-version-step";
import { useT } from "~/i18n/use-t";
import { recordSignature } from "~/models/register/signatures.server";
import { listVersions } from "~/models/documents/versions.server";
import { isoDay } from "~/schemas/collegium";
import { parseSignature, SIGNATORY_ROWS } from "~/schemas/signature";
import { handleForm, InvalidInput, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "signature.title");

/**
 * The owner organization's administrators record who signed an agreement, when and where,
 * on a frozen version. Recording it is what makes the agreement SIGNED (and public).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.recordSignature");
  return { draft: draftHeading(draft), versions: await listVersions(draft.id), today: isoDay(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.recordSignature");
  return handleForm(request, {
    audit: { action: "draft.recordSignature", objectType: "Draft", objectId: draft.id },
    handle: async ({ form }) => {
      const parsed = parseSignature(Object.fromEntries(form.entries()));
      if (!parsed.ok) throw new InvalidInput(parsed.errors);
      await recordSignature(user.id, draft.id, parsed.value);
      throw redirect(`/register/${draft.id}`);
    },
  });
}

export default function RecordSignaturePage() {
  const t = useT();
  const { draft, versions, today } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  const rows = Array.from({ length: SIGNATORY_ROWS }, (_, index) => index + 1);
  return (
    <DraftVersionStep
      draft={draft}
      title={t("signature.title")}
      hint={t("signature.hint")}
      noVersion={t("signature.noVersion")}
      hasVersions={versions.length > 0}
    >
      <Form method="post" noValidate className="card stack">
        <SelectField
          label={t("signature.fields.version")}
          name="versionId"
          error={errors.versionId}
          options={versions.map((v) => ({
            value: v.id,
            label: t("versions.label", { number: t.number(v.number), name: v.name }),
          }))}
        />
        <div className="field-row">
          <Field
            label={t("signature.fields.signedOn")}
            name="signedOn"
            type="date"
            max={today}
            error={errors.signedOn}
          />
          <Field label={t("signature.fields.place")} name="place" error={errors.place} />
        </div>
        <fieldset>
          <legend>{t("signature.fields.signatories")}</legend>
          <p className="muted">{t("signature.signatoriesHint")}</p>
          <FormError error={errors.signatories} />
          {rows.map((row) => (
            <div className="field-row" key={row} data-testid="signatory-row">
              <Field
                label={t("signature.fields.name", { number: t.number(row) })}
                name={`name${row}`}
                error={errors[`name${row}`]}
              />
              <Field label={t("signature.fields.position")} name={`position${row}`} error={errors[`position${row}`]} />
              <Field
                label={t("signature.fields.organization")}
                name={`organization${row}`}
                error={errors[`organization${row}`]}
              />
            </div>
          ))}
        </fieldset>
        <FormError error={errors.form} />
        <button type="submit" className="button primary" data-testid="signature-record">
          {t("signature.submit")}
        </button>
      </Form>
    </DraftVersionStep>
  );
}
