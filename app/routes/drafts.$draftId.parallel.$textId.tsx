import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { Redline } from "~/components/compare/article-change";
import { TextLanguageProvider } from "~/components/document/text-language";
import { TextEditor } from "~/components/editor/text-editor.client";
import { colorFor } from "~/components/editor/author-colors";
import { formatDate } from "~/i18n/format";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { storedTextLanguage } from "~/i18n/text-languages";
import { useT } from "~/i18n/use-t";
import { confirmAlignment, parallelArticles } from "~/models/texts/alignment.server";
import { authenticTexts } from "~/models/texts/authenticity.server";
import { getDraftText } from "~/models/texts/draft-texts.server";
import { can, documentAccess } from "~/policies";
import { handleIntents, notFound, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.ofDraft", {
          page: t("texts.parallelFor", { language: t(`textLanguages.${data.other.language}`) }),
          name: draftTitle(data.draft, locale),
        })
      : null,
  );

async function languageText(draftId: string, textId: string | undefined) {
  const text = await getDraftText(draftId, textId ?? "");
  if (!text || text.role !== "LANGUAGE") throw notFound();
  return text;
}

/**
 * The main text and a text in another language side by side, each its own live editor, and
 * below them the alignment of each article pair (decision 024). Whoever may see the draft
 * reads it; whoever may edit the text edits both sides and confirms alignment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const text = await languageText(draft.id, params.textId);
  const authentic = await authenticTexts(draft.id);
  const authorityOf = (textId: string | null) => authentic.find((a) => a.textId === textId)?.authority ?? "equal";
  return {
    draft: draftHeading(draft),
    main: { language: storedTextLanguage(draft.textLanguage), authority: authorityOf(null) },
    other: {
      id: text.id,
      title: text.title,
      language: storedTextLanguage(text.textLanguage),
      authority: authorityOf(text.id),
    },
    pairs: await parallelArticles(draft.id, text.id),
    canEdit: documentAccess(user.actor, resource) === "edit",
    canConfirm: can(user.actor, "draft.changeTextLanguage", resource),
    user: { id: user.id, name: user.name, color: colorFor(user.id) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.changeTextLanguage");
  const text = await languageText(draft.id, params.textId);
  return handleIntents(request, {
    audit: { prefix: "draft", objectType: "DraftText", objectId: text.id },
    intents: {
      confirmAlignment: async ({ text: field }) => {
        await confirmAlignment({ actorId: user.id, draftId: draft.id, textId: text.id, articleId: field("articleId") });
        return { message: "texts.confirmed" };
      },
    },
  });
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function ParallelTextsPage() {
  const t = useT();
  const { draft, main, other, pairs, canEdit, canConfirm, user } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const hydrated = useHydrated();
  const revalidator = useRevalidator();
  const onAccessChanged = useCallback(() => revalidator.revalidate(), [revalidator]);
  const language = (code: string) => t(`textLanguages.${code}`);
  const mainLabel = t("texts.mainText", { language: language(main.language) });
  const otherLabel = t("texts.languageText", { language: language(other.language) });
  return (
    <section className="draft-page">
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>{draftTitle(draft, t.locale)}</Link> ·{" "}
        <Link to={`/drafts/${draft.id}/texts`}>{t("texts.languages")}</Link>
      </p>
      <h1>{t("texts.parallelFor", { language: language(other.language) })}</h1>
      {result?.ok && "message" in result && result.message ? (
        <p role="status" className="notice">
          {t(result.message)}
        </p>
      ) : result && !result.ok && result.errors?.form ? (
        <p role="alert" className="form-error">
          {t(result.errors.form)}
        </p>
      ) : null}
      <div className="parallel-texts">
        {[
          { key: "main", textId: null, label: mainLabel, textLanguage: main.language, authority: main.authority },
          {
            key: "other",
            textId: other.id,
            label: otherLabel,
            textLanguage: other.language,
            authority: other.authority,
          },
        ].map((side) => (
          <TextLanguageProvider key={side.key} language={side.textLanguage}>
            <div className="parallel-side" data-testid={`parallel-${side.key}`}>
              <h2>{side.label}</h2>
              <p className="muted" data-testid="side-authority" data-authority={side.authority}>
                {t(`texts.authority.${side.authority}`)}
              </p>
              {hydrated ? (
                <TextEditor
                  draftId={draft.id}
                  textId={side.textId}
                  canEdit={canEdit}
                  user={user}
                  onAccessChanged={onAccessChanged}
                  label={side.label}
                />
              ) : (
                <p className="muted" role="status">
                  {t("editor.connection.connecting")}
                </p>
              )}
            </div>
          </TextLanguageProvider>
        ))}
      </div>
      <section className="card" aria-labelledby="alignment-heading">
        <h2 id="alignment-heading">{t("texts.alignment")}</h2>
        <p className="muted">{t("texts.alignmentHint")}</p>
        <p>
          <button
            type="button"
            className="button"
            onClick={() => revalidator.revalidate()}
            data-testid="refresh-alignment"
          >
            {t("texts.refresh")}
          </button>
        </p>
        <ol className="plain-list alignment-list">
          {pairs.map((pair) => {
            const number = pair.main?.number ?? pair.other?.number ?? 0;
            return (
              <li key={pair.id} data-testid="alignment" data-article-id={pair.id} data-state={pair.state}>
                <h3>
                  {t("texts.article")} {t.number(number)}: <span lang={main.language}>{pair.main?.title ?? "—"}</span> ·{" "}
                  <span lang={other.language}>{pair.other?.title ?? "—"}</span>
                </h3>
                <p>
                  <span className={`status status-${pair.state}`}>{t(`texts.state.${pair.state}`)}</span>
                  {pair.confirmed ? (
                    <span className="muted">
                      {" "}
                      ·{" "}
                      {t("texts.confirmedBy", {
                        name: pair.confirmed.by ?? "—",
                        date: formatDate(t, pair.confirmed.at, true),
                      })}
                    </span>
                  ) : null}
                </p>
                {pair.mainChanges ? (
                  <div>
                    <p className="muted small">{t("texts.changedMain")}</p>
                    <Redline parts={pair.mainChanges} lang={main.language} />
                  </div>
                ) : null}
                {pair.otherChanges ? (
                  <div>
                    <p className="muted small">{t("texts.changedOther")}</p>
                    <Redline parts={pair.otherChanges} lang={other.language} />
                  </div>
                ) : null}
                {canConfirm && pair.state !== "aligned" && pair.state !== "missing" ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="confirmAlignment" />
                    <input type="hidden" name="articleId" value={pair.id} />
                    <button
                      type="submit"
                      className="button"
                      disabled={busy}
                      aria-label={t("texts.confirmFor", { number: t.number(number) })}
                      data-testid="confirm-alignment"
                    >
                      {t("texts.confirm")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </section>
  );
}
