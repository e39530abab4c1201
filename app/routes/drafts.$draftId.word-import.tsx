import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { handleForm, InvalidInput, requireDraft } from "~/boundary/request-boundary.server";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { LiveDocumentUnavailable } from "~/models/documents/live-document.server";
import { MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { ImportError } from "~/models/drafts/import-error.server";
import { importWordSuggestions } from "~/models/suggestions/word-import.server";
import { env } from "~/utils/env.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.ofDraft", { page: t("suggestions.wordImport.title"), name: draftTitle(data.draft, locale) })
      : t("suggestions.wordImport.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.suggest");
  return { draft: draftHeading(draft) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.suggest");
  let form: FormData;
  try {
    form = await readForm(request, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024 });
  } catch (error) {
    if (error instanceof Response && error.status === 413)
      return data({ ok: false, intent: "", errors: { file: "errors.fileTooLarge" } }, { status: 400 });
    throw error;
  }
  return handleForm<{ created: number; unmatched: string[] }>(request, {
    form,
    audit: { action: "suggestion.wordImport", objectType: "Draft", objectId: draft.id },
    rateLimitField: "file",
    handle: async () => {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) throw new InvalidInput({ file: "errors.required" });
      // The collab server behind this very server, reached as this person (their own session).
      const endpoint = {
        url: env().COLLAB_INTERNAL_URL ?? `ws://127.0.0.1:${context.localPort}`,
        headers: {
          Cookie: request.headers.get("cookie") ?? "",
          Origin: env().APP_ORIGIN ?? `http://127.0.0.1:${context.localPort}`,
        },
      };
      try {
        const result = await importWordSuggestions({
          draftId: draft.id,
          person: { id: user.id, name: user.name },
          clientAddress: context.clientAddress,
          fileName: file.name,
          data: Buffer.from(await file.arrayBuffer()),
          endpoint,
        });
        return {
          message: "suggestions.wordImport.done",
          created: result.created.length,
          unmatched: result.unmatched,
        };
      } catch (error) {
        if (error instanceof ImportError) throw new InvalidInput({ file: error.messageKey });
        if (error instanceof LiveDocumentUnavailable)
          throw new InvalidInput({ file: "suggestions.wordImport.notWritten" }, 409);
        throw error;
      }
    },
  });
}

export default function WordImportPage() {
  const t = useT();
  const { draft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const unmatched = result && "unmatched" in result ? (result.unmatched ?? []) : [];
  const created = result && "created" in result ? (result.created ?? 0) : 0;
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("suggestions.wordImport.title")}</h1>
      <p className="muted">{t("suggestions.wordImport.intro")}</p>
      {result?.ok ? (
        <p role="status" className="notice" data-testid="word-import-done">
          {t("suggestions.wordImport.done", { count: t.number(created) })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate className="card stack">
        <Field
          label={t("suggestions.wordImport.file")}
          name="file"
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          error={errors.file}
          hint={t("suggestions.wordImport.hint")}
        />
        {unmatched.length > 0 ? (
          <div className="field-error" role="alert" data-testid="word-import-unmatched">
            <p>{t("suggestions.wordImport.unmatched", { count: t.number(unmatched.length) })}</p>
            <ul>
              {unmatched.map((words, index) => (
                <li key={index}>{words}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {t("suggestions.wordImport.submit")}
        </button>
      </Form>
    </section>
  );
}
