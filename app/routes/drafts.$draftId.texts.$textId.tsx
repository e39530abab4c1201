import { pageTitle } from "~/i18n/page-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { TextLanguageProvider } from "~/components/document/text-language";
import { TextEditor } from "~/components/editor/text-editor.client";
import { colorFor } from "~/components/editor/author-colors";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { storedTextLanguage } from "~/i18n/text-languages";
import { useT } from "~/i18n/use-t";
import { getDraftText } from "~/models/texts/draft-texts.server";
import { can, documentAccess } from "~/policies";
import { notFound, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.ofDraft", { page: data.text.title, name: draftTitle(data.draft, locale) }) : null,
  );

/**
 * Another live text of a draft in the editor: an attachment written here, or the act in another
 * language. Whoever may see the draft reads it; an attachment is written by whoever may manage
 * the dossier, a language text by whoever may edit the draft (the collab server decides the
 * same with `can()` on the draft).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const text = await getDraftText(draft.id, params.textId ?? "");
  if (!text || (text.role === "ATTACHMENT" && !text.attachment)) throw notFound();
  const textLanguage = storedTextLanguage(text.textLanguage ?? draft.textLanguage);
  return {
    draft: draftHeading(draft),
    text: {
      id: text.id,
      title: text.attachment?.title ?? text.title,
      kind: text.attachment?.kind ?? null,
      attachmentId: text.attachment?.id ?? null,
    },
    textLanguage,
    canEdit: text.attachment
      ? can(user.actor, "draft.manageAttachments", resource)
      : documentAccess(user.actor, resource) === "edit",
    user: { id: user.id, name: user.name, color: colorFor(user.id) },
  };
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function DraftTextPage() {
  const t = useT();
  const { draft, text, textLanguage, canEdit, user } = useLoaderData<typeof loader>();
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const onAccessChanged = useCallback(() => revalidator.revalidate(), [revalidator]);
  // An attachment is named by its kind, a language text by its language (in the reader's words).
  const kind = text.kind
    ? t(`attachments.kinds.${text.kind}`)
    : t("texts.languageText", { language: t(`textLanguages.${textLanguage}`) });
  const back = text.kind ? { to: "attachments", label: t("texts.back") } : { to: "texts", label: t("texts.languages") };
  return (
    <TextLanguageProvider language={textLanguage}>
      <section className="draft-page">
        <header className="page-title">
          <div>
            <p className="eyebrow">
              <Link to={`/drafts/${draft.id}`}>{draftTitle(draft, t.locale)}</Link> ·{" "}
              <Link to={`/drafts/${draft.id}/${back.to}`}>{back.label}</Link>
            </p>
            <h1 data-testid="text-title">
              {kind}: <span lang={textLanguage}>{text.title}</span>
            </h1>
            {canEdit ? null : <p className="muted">{t(text.kind ? "texts.readOnly" : "texts.readOnlyLanguage")}</p>}
          </div>
          {text.attachmentId ? (
            <div className="draft-actions">
              <a className="button" href={`/drafts/${draft.id}/attachments/${text.attachmentId}`} download>
                {t("texts.download")}
              </a>
            </div>
          ) : null}
        </header>
        {/* Articles are third-level headings in every text; this keeps the outline unbroken without chapters. */}
        <h2 className="visually-hidden">{t("texts.textHeading")}</h2>
        {hydrated ? (
          <TextEditor
            draftId={draft.id}
            textId={text.id}
            canEdit={canEdit}
            user={user}
            onAccessChanged={onAccessChanged}
            label={`${kind}: ${text.title}`}
          />
        ) : (
          <p className="muted" role="status">
            {t("editor.connection.connecting")}
          </p>
        )}
      </section>
    </TextLanguageProvider>
  );
}
