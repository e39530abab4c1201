import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";

import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { draftHeading } from "~/i18n/localized-name";
import { Field, FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { SelectField } from "~/components/select-field";
import { TextAreaField } from "~/components/text-area-field";
import { TimeZoneField } from "~/components/time-zone-field";
import { DraftVersionStep } from "~/components/draft-version-step";
import { useT } from "~/i18n/use-t";
import { listBodies } from "~/models/collegium/collegium.server";
import { sendForReview } from "~/models/collegium/reviews.server";
import { listVersions } from "~/models/documents/versions.server";
import { can } from "~/policies";
import { FREEZE_CURRENT_TEXT, SendReviewSchema } from "~/schemas/review";
import { freezeText } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit } from "~/utils/rate-limit.server";
import { forbidden, handleForm, InvalidInput, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "reviews.send");

/** The owner's collegia to which this person may send the draft now. */
async function allowedBodies(request: Request, draftId: string | undefined) {
  const { user, draft, resource } = await requireDraft(request, draftId, "draft.view");
  // Freezing the current text on the way is the owner's act of making a version.
  const canFreeze = can(user.actor, "draft.createVersion", resource);
  const bodies = (await listBodies([draft.ownerOrganizationId])).filter((body) =>
    can(user.actor, "review.send", {
      type: "reviewSending",
      draft: resource,
      collegium: { type: "collegium", organizationId: body.organizationId },
    }),
  );
  if (bodies.length === 0) throw forbidden();
  return { user, draft, bodies, canFreeze };
}

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft, bodies, canFreeze } = await allowedBodies(request, params.draftId);
  return {
    draft: draftHeading(draft),
    canFreeze,
    bodies: bodies.map((b) => ({ id: b.id, nameHy: b.nameHy, nameRu: b.nameRu, nameKa: b.nameKa, nameEn: b.nameEn })),
    versions: await listVersions(draft.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft, bodies, canFreeze } = await allowedBodies(request, params.draftId);
  return handleForm(request, {
    audit: { action: "review.send", objectType: "Draft", objectId: draft.id },
    handle: async ({ parse }) => {
      const value = parse(SendReviewSchema);
      if (!bodies.some((b) => b.id === value.bodyId)) throw new InvalidInput({ bodyId: "errors.notAllowed" });
      // Each review notifies every member of the collegium.
      if (value.freezeCurrent && !canFreeze) throw new InvalidInput({ versionId: "errors.notAllowed" });
      await enforceRateLimit(db(), "review", { account: user.id, address: context.clientAddress });
      // Read before the transaction (like opening a round); the version is written inside it.
      const freeze = value.freezeCurrent ? { text: await freezeText(draft.id), name: value.versionName } : undefined;
      const review = await sendForReview(user, draft.id, { ...value, freeze });
      throw redirect(`/reviews/${review.id}`);
    },
  });
}

export default function SendForReviewPage() {
  const t = useT();
  const { draft, bodies, versions, canFreeze } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <DraftVersionStep
      draft={draft}
      title={t("reviews.send")}
      hint={t("reviews.sendHint")}
      noVersion={t("reviews.noVersion")}
      hasVersions={versions.length > 0 || canFreeze}
    >
      <Form method="post" noValidate className="card stack">
        <SelectField
          label={t("reviews.fields.body")}
          name="bodyId"
          error={errors.bodyId}
          options={bodies.map((b) => ({ value: b.id, label: organizationName(b, t.locale) }))}
        />
        <p className="muted" data-testid="version-choice-hint">
          {t("reviews.versionHint")}
        </p>
        <SelectField
          label={t("reviews.fields.version")}
          name="versionId"
          error={errors.versionId}
          options={[
            ...(canFreeze ? [{ value: FREEZE_CURRENT_TEXT, label: t("reviews.freezeCurrent") }] : []),
            ...versions.map((v) => ({
              value: v.id,
              label: t("versions.label", { number: t.number(v.number), name: v.name }),
            })),
          ]}
        />
        {canFreeze ? (
          <Field
            label={t("reviews.fields.versionName")}
            name="versionName"
            defaultValue={t("reviews.frozenVersionName")}
            hint={t("reviews.versionNameHint")}
            error={errors.versionName}
          />
        ) : null}
        <div className="field-row">
          <Field label={t("reviews.fields.dueAt")} name="dueAt" type="datetime-local" error={errors.dueAt} />
          <TimeZoneField error={errors.timeZone} />
        </div>
        <TextAreaField label={t("reviews.fields.note")} name="note" error={errors.note} />
        <FormError error={errors.form} />
        <button type="submit" className="button primary" data-testid="review-send">
          {t("reviews.sendButton")}
        </button>
      </Form>
    </DraftVersionStep>
  );
}
