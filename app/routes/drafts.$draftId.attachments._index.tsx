import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { SelectField } from "~/components/select-field";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { ATTACHMENT_ACCEPT, ATTACHMENT_KINDS } from "~/models/attachments/attachment-kinds";
import { MAX_ATTACHMENT_BYTES } from "~/models/attachments/attachment-upload.server";
import {
  addAttachment,
  listAttachments,
  removeAttachment,
  replaceAttachment,
} from "~/models/attachments/attachments.server";
import { writeAttachment } from "~/models/attachments/written-attachments.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { can } from "~/policies";
import { NewAttachmentSchema } from "~/schemas/attachment";
import { readForm } from "~/utils/read-form.server";
import { handleIntents, InvalidInput, notFound, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.ofDraft", { page: t("attachments.title"), name: draftTitle(data.draft, locale) })
      : t("attachments.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  return {
    draft: draftHeading(draft),
    attachments: await listAttachments(draft.id),
    canManage: can(user.actor, "draft.manageAttachments", resource),
  };
}

/** The form with its file, or null when the upload is larger than an attachment may be. */
async function readUploadForm(request: Request): Promise<FormData | null> {
  try {
    // Room for the other fields and the multipart framing around the largest allowed file.
    return await readForm(request, { maxBytes: MAX_ATTACHMENT_BYTES + 64 * 1024 });
  } catch (error) {
    if (error instanceof Response && error.status === 413) return null;
    throw error;
  }
}

/** The uploaded file as plain values for the model; a refused file is the file field's error. */
async function uploadedFile(form: FormData) {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new InvalidInput({ file: "attachments.errors.fileRequired" });
  return { fileName: file.name, data: Buffer.from(await file.arrayBuffer()) };
}

async function asFieldError<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ImportError) throw new InvalidInput({ file: error.messageKey });
    throw error;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.manageAttachments");
  const form = await readUploadForm(request);
  if (!form) return data({ ok: false, intent: "", errors: { file: "errors.fileTooLarge" } }, { status: 400 });
  const who = { actorId: user.id, clientAddress: context.clientAddress, draftId: draft.id };
  return handleIntents<{ attachmentId: string }>(request, {
    form,
    audit: { prefix: "attachment", objectType: "Draft", objectId: draft.id },
    rateLimitField: "file",
    echo: (submitted) => ({ attachmentId: String(submitted.get("attachmentId") ?? "") }),
    intents: {
      // "Write here": an attachment with its own live text, opened in the editor.
      write: async ({ parse }) => {
        const value = parse(NewAttachmentSchema);
        await writeAttachment({ ...who, ...value });
        return { message: "attachments.created" };
      },
      add: async ({ parse }) => {
        const value = parse(NewAttachmentSchema);
        const file = await uploadedFile(form);
        await asFieldError(() => addAttachment({ ...who, ...value, ...file }));
        return { message: "attachments.added" };
      },
      replace: async ({ text }) => {
        const file = await uploadedFile(form);
        const replaced = await asFieldError(() =>
          replaceAttachment({ ...who, attachmentId: text("attachmentId"), ...file }),
        );
        if (!replaced) throw notFound();
        return { message: "attachments.replaced" };
      },
      remove: async ({ text }) => {
        if (!(await removeAttachment({ ...who, attachmentId: text("attachmentId") }))) throw notFound();
        return { message: "attachments.removed" };
      },
    },
  });
}

export default function AttachmentsPage() {
  const t = useT();
  const { draft, attachments, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const message = result?.ok && "message" in result ? result.message : undefined;
  const errorFor = (intent: string, id = "") =>
    result &&
    !result.ok &&
    result.intent === intent &&
    (("attachmentId" in result ? result.attachmentId : "") ?? "") === id
      ? errors
      : {};
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("attachments.title")}</h1>
      <p className="muted">{t("attachments.intro")}</p>
      {message ? (
        <p role="status" className="notice">
          {t(message)}
        </p>
      ) : null}
      <div className="columns">
        <div className="card">
          <h2>{t("attachments.heading")}</h2>
          {attachments.length === 0 ? <p className="muted">{t("attachments.none")}</p> : null}
          <ul className="plain-list">
            {attachments.map((attachment) => (
              <li key={attachment.id} data-testid="attachment-row" className="stack">
                <div>
                  <a
                    href={`/drafts/${draft.id}/attachments/${attachment.id}`}
                    download
                    aria-label={t("attachments.downloadFor", { title: attachment.title })}
                  >
                    {t(`attachments.kinds.${attachment.kind}`)}: {attachment.title}
                  </a>
                  {attachment.textId ? (
                    <div className="muted">
                      {t("attachments.written")} ·{" "}
                      <Link
                        to={`/drafts/${draft.id}/texts/${attachment.textId}`}
                        aria-label={t("attachments.editFor", { title: attachment.title })}
                      >
                        {t("attachments.edit")}
                      </Link>
                    </div>
                  ) : (
                    <div className="muted">
                      {attachment.fileName} ·{" "}
                      {t("attachments.size", { size: t.number(Math.ceil((attachment.file?.size ?? 0) / 1024)) })} ·{" "}
                      <code title={attachment.sha256 ?? undefined}>{attachment.sha256?.slice(0, 12)}…</code>
                    </div>
                  )}
                </div>
                {canManage && attachment.textId ? (
                  <RemoveAttachmentForm attachment={attachment} busy={busy} />
                ) : canManage ? (
                  <>
                    <Form method="post" encType="multipart/form-data" noValidate className="stack">
                      <input type="hidden" name="intent" value="replace" />
                      <input type="hidden" name="attachmentId" value={attachment.id} />
                      <Field
                        label={t("attachments.replaceFile", { title: attachment.title })}
                        name="file"
                        type="file"
                        accept={ATTACHMENT_ACCEPT}
                        error={errorFor("replace", attachment.id).file}
                      />
                      <button type="submit" className="button" disabled={busy}>
                        {t("attachments.replace")}
                      </button>
                    </Form>
                    <RemoveAttachmentForm attachment={attachment} busy={busy} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        {canManage ? (
          <div className="card">
            <h2>{t("attachments.add")}</h2>
            <Form method="post" encType="multipart/form-data" noValidate className="stack">
              <input type="hidden" name="intent" value="add" />
              <SelectField
                label={t("attachments.kind")}
                name="kind"
                error={errorFor("add").kind}
                options={ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: t(`attachments.kinds.${kind}`) }))}
              />
              <Field label={t("attachments.titleField")} name="title" error={errorFor("add").title} />
              <Field
                label={t("attachments.file")}
                name="file"
                type="file"
                accept={ATTACHMENT_ACCEPT}
                hint={t("attachments.fileHint")}
                error={errorFor("add").file ?? (result && !result.ok && result.intent === "" ? errors.file : undefined)}
              />
              {errorFor("add").form ? (
                <p className="field-error" role="alert">
                  {t(errorFor("add").form!)}
                </p>
              ) : null}
              <button type="submit" className="button primary" disabled={busy}>
                {t("attachments.addButton")}
              </button>
            </Form>
            <h2>{t("attachments.write")}</h2>
            <p className="muted">{t("attachments.writeHint")}</p>
            <Form
              method="post"
              encType="multipart/form-data"
              noValidate
              className="stack"
              data-testid="write-attachment"
            >
              <input type="hidden" name="intent" value="write" />
              <SelectField
                label={t("attachments.kind")}
                name="kind"
                error={errorFor("write").kind}
                options={ATTACHMENT_KINDS.map((kind) => ({ value: kind, label: t(`attachments.kinds.${kind}`) }))}
              />
              <Field label={t("attachments.titleField")} name="title" error={errorFor("write").title} />
              {errorFor("write").form ? (
                <p className="field-error" role="alert">
                  {t(errorFor("write").form!)}
                </p>
              ) : null}
              <button type="submit" className="button primary" disabled={busy}>
                {t("attachments.writeButton")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** Removing an entry of the dossier, uploaded or written: the same form in both lists. */
function RemoveAttachmentForm({ attachment, busy }: { attachment: { id: string; title: string }; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data">
      <input type="hidden" name="intent" value="remove" />
      <input type="hidden" name="attachmentId" value={attachment.id} />
      <button
        type="submit"
        className="button"
        disabled={busy}
        aria-label={t("attachments.removeFor", { title: attachment.title })}
      >
        {t("attachments.remove")}
      </button>
    </Form>
  );
}
