import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { DraftTitleFields } from "~/components/draft-title-fields";
import { Field } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { SelectField } from "~/components/select-field";
import { TextLanguageField } from "~/components/text-language-field";
import { EMPTY_DOCUMENT, templateFor, type TemplateLabel } from "~/editor/templates";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { importFile, MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { ownerOptions } from "~/models/drafts/draft-owners.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { DRAFT_KINDS, DraftSchema } from "~/schemas/draft";
import { readForm } from "~/utils/read-form.server";
import { allow, handleForm, InvalidInput } from "~/boundary/request-boundary.server";
import { PLATFORM } from "~/policies";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("drafts.create"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "draft.create", PLATFORM);
  return { owners: await ownerOptions(user) };
}

/** The form with its file, or null when the upload is larger than an import may be. */
async function readImportForm(request: Request): Promise<FormData | null> {
  try {
    // Room for the other fields and the multipart framing around the largest allowed file.
    return await readForm(request, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024 });
  } catch (error) {
    if (error instanceof Response && error.status === 413) return null;
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "draft.create", PLATFORM);
  const form = await readImportForm(request);
  if (!form) return data({ ok: false, intent: "", errors: { file: "errors.fileTooLarge" } }, { status: 400 });
  return handleForm(request, {
    form,
    audit: { action: "draft.create", objectType: "Draft", objectId: undefined },
    handle: async ({ parse }) => {
      const value = parse(DraftSchema);
      const allowed = (await ownerOptions(user)).some((org) => org.id === value.ownerOrganizationId);
      if (!allowed) throw new InvalidInput({ ownerOrganizationId: "errors.notAllowed" }, 403);
      const t = serverT(resolveLocale(request, user.locale));
      const content = await initialContent(value, form.get("file"), (key) => t(`templates.${key}`));
      const draft = await createDraft(user.id, value, content);
      throw redirect(`/drafts/${draft.id}`);
    },
  });
}

/** The new draft's first text: empty, the kind's template, or an imported file. */
async function initialContent(
  value: { initialContent: string; kind: string },
  file: FormDataEntryValue | null,
  label: TemplateLabel,
) {
  if (value.initialContent === "template") return templateFor(value.kind, label);
  if (value.initialContent !== "import") return EMPTY_DOCUMENT;
  if (!(file instanceof File) || file.size === 0) throw new InvalidInput({ file: "errors.fileRequired" });
  if (!/\.(docx|md|markdown|txt)$/i.test(file.name)) throw new InvalidInput({ file: "errors.fileType" });
  try {
    return await importFile(file.name, Buffer.from(await file.arrayBuffer()));
  } catch (error) {
    throw new InvalidInput({ file: error instanceof ImportError ? error.messageKey : "errors.fileUnreadable" });
  }
}

export default function NewDraftPage() {
  const t = useT();
  const { owners } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card wide-form">
      <h1>{t("drafts.create")}</h1>
      <Form method="post" encType="multipart/form-data" noValidate className="stack">
        <DraftTitleFields errors={errors} />
        <SelectField
          label={t("fields.kind")}
          name="kind"
          defaultValue="LAW"
          error={errors.kind}
          options={DRAFT_KINDS.map((kind) => ({ value: kind, label: t(`draftKinds.${kind}`) }))}
        />
        <TextLanguageField defaultValue={t.locale} error={errors.textLanguage} />
        <SelectField
          label={t("fields.owner")}
          name="ownerOrganizationId"
          error={errors.ownerOrganizationId}
          options={owners.map((org) => ({ value: org.id, label: organizationName(org, t.locale) }))}
        />
        <fieldset>
          <legend>{t("drafts.initialContent")}</legend>
          {(["template", "empty", "import"] as const).map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name="initialContent" value={choice} defaultChecked={choice === "template"} />{" "}
              {t(`drafts.start.${choice}`)}
            </label>
          ))}
          <Field
            label={t("fields.file")}
            name="file"
            type="file"
            accept=".docx,.md,.markdown,.txt"
            error={errors.file}
            hint={t("drafts.fileHint")}
          />
        </fieldset>
        <button type="submit" className="button primary">
          {t("common.create")}
        </button>
      </Form>
    </section>
  );
}
