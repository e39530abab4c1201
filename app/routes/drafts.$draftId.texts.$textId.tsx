import { pageTitle } from "~/i18n/page-title";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { TextLanguageProvider } from "~/components/document/text-language";
import { TextEditor } from "~/components/editor/text-editor.client";
import { colorFor } from "~/components/editor/use-collab-connection";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { storedTextLanguage } from "~/i18n/text-languages";
import { useT } from "~/i18n/use-t";
import { getDraftText } from "~/models/texts/draft-texts.server";
import { can } from "~/policies";
import { notFound, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data ? t("titles.ofDraft", { page: data.text.title, name: draftTitle(data.draft, locale) }) : null,
  );

/**
 * Another live text of a draft in the editor: for now an attachment written here. Whoever may
 * see the draft reads it; whoever may manage the dossier writes it (the collab server decides
 * the same with `can()` on the draft).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const text = await getDraftText(draft.id, params.textId ?? "");
  if (!text?.attachment) throw notFound();
  return {
    draft: draftHeading(draft),
    text: { id: text.id, title: text.attachment.title, kind: text.attachment.kind, attachmentId: text.attachment.id },
    textLanguage: storedTextLanguage(text.textLanguage ?? draft.textLanguage),
    canEdit: can(user.actor, "draft.manageAttachments", resource),
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
  const kind = t(`attachments.kinds.${text.kind}`);
  return (
    <TextLanguageProvider language={textLanguage}>
      <section className="draft-page">
        <header className="page-title">
          <div>
            <p className="eyebrow">
              <Link to={`/drafts/${draft.id}`}>{draftTitle(draft, t.locale)}</Link> ·{" "}
              <Link to={`/drafts/${draft.id}/attachments`}>{t("texts.back")}</Link>
            </p>
            <h1 data-testid="text-title">
              {kind}: {text.title}
            </h1>
            {canEdit ? null : <p className="muted">{t("texts.readOnly")}</p>}
          </div>
          <div className="draft-actions">
            <a className="button" href={`/drafts/${draft.id}/attachments/${text.attachmentId}`} download>
              {t("texts.download")}
            </a>
          </div>
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
