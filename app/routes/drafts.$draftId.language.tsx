import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextLanguageField } from "~/components/text-language-field";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { changeTextLanguage } from "~/models/drafts/drafts.server";
import { TextLanguageSchema } from "~/schemas/draft";
import { handleForm, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.ofDraft", { page: t("drafts.textLanguage"), name: draftTitle(data.draft, locale) })
      : t("drafts.textLanguage"),
  );

/** Whoever may edit the text says which language it is in; labels, exports and search follow. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft } = await requireDraft(request, params.draftId, "draft.changeTextLanguage");
  return { draft: draftHeading(draft), textLanguage: draft.textLanguage };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.changeTextLanguage");
  return handleForm(request, {
    audit: { action: "draft.changeTextLanguage", objectType: "Draft", objectId: draft.id },
    handle: async ({ parse }) => {
      const { textLanguage } = parse(TextLanguageSchema);
      await changeTextLanguage(user.id, draft.id, textLanguage);
      throw redirect(`/drafts/${draft.id}`);
    },
  });
}

export default function TextLanguagePage() {
  const t = useT();
  const { draft, textLanguage } = useLoaderData<typeof loader>();
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <section className="narrow card wide-form">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("drafts.textLanguage")}</h1>
      <Form method="post" noValidate className="stack">
        <TextLanguageField defaultValue={textLanguage} error={errors.textLanguage} />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>
    </section>
  );
}
