import { draftPageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { DraftTitleFields } from "~/components/draft-title-fields";
import { SelectField } from "~/components/select-field";
import { useT } from "~/i18n/use-t";
import { updateDraftDetails } from "~/models/drafts/drafts.server";
import { DRAFT_KINDS, DraftDetailsSchema } from "~/schemas/draft";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";
import { requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  draftPageTitle(matches, data?.draft, "drafts.editDetails");

/** The owner's staff correct a draft's titles (in any of the four languages) and kind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.updateDetails");
  return {
    draft: {
      ...draftHeading(draft),
      kind: draft.kind,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.updateDetails");
  const parsed = parseForm(DraftDetailsSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  await updateDraftDetails(user.id, draft.id, parsed.value);
  throw redirect(`/drafts/${draft.id}`);
}

export default function EditDraftPage() {
  const t = useT();
  const { draft } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card wide-form">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("drafts.editDetails")}</h1>
      <Form method="post" noValidate className="stack">
        <DraftTitleFields values={draft} errors={errors} />
        <SelectField
          label={t("fields.kind")}
          name="kind"
          defaultValue={draft.kind}
          error={errors.kind}
          options={DRAFT_KINDS.map((kind) => ({ value: kind, label: t(`draftKinds.${kind}`) }))}
        />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>
    </section>
  );
}
