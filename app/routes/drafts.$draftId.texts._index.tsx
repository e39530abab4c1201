import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ParallelExportLinks } from "~/components/parallel-export-links";
import { TextLanguageField } from "~/components/text-language-field";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { authenticTexts, setAuthenticity } from "~/models/texts/authenticity.server";
import { addLanguageText, languageTextRefusal } from "~/models/texts/language-texts.server";
import { can } from "~/policies";
import { AuthenticitySchema, LanguageTextSchema } from "~/schemas/draft";
import { handleIntents, InvalidInput, requireDraft } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) =>
    data
      ? t("titles.ofDraft", { page: t("texts.languages"), name: draftTitle(data.draft, locale) })
      : t("texts.languages"),
  );

/**
 * The draft's texts in other languages and which texts are authentic; whoever may edit the
 * text adds one and decides authenticity, while the text is being written (decision 024).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, draft, resource } = await requireDraft(request, params.draftId, "draft.view");
  const [main, ...others] = await authenticTexts(draft.id);
  return {
    draft: draftHeading(draft),
    main: main!,
    texts: others.map((text) => ({ ...text, id: text.textId!, textLanguage: text.language })),
    authoritative: [main!, ...others].find((text) => text.authority === "authoritative")?.documentId ?? "equal",
    canAdd: can(user.actor, "draft.changeTextLanguage", resource),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, draft } = await requireDraft(request, params.draftId, "draft.changeTextLanguage");
  return handleIntents(request, {
    audit: { prefix: "draft", objectType: "Draft", objectId: draft.id },
    rateLimitField: "textLanguage",
    intents: {
      addLanguageText: async ({ parse }) => {
        const { textLanguage, mode } = parse(LanguageTextSchema);
        const refusal = await languageTextRefusal(draft.id, textLanguage);
        if (refusal) throw new InvalidInput({ textLanguage: refusal });
        await addLanguageText({
          actorId: user.id,
          clientAddress: context.clientAddress,
          draftId: draft.id,
          language: textLanguage,
          mode,
        });
        return { message: "texts.added" };
      },
      setAuthenticity: async ({ parse }) => {
        const { authoritative } = parse(AuthenticitySchema);
        await setAuthenticity({
          actorId: user.id,
          draftId: draft.id,
          authoritativeDocumentId: authoritative === "equal" ? null : authoritative,
        });
        return { message: "texts.authenticitySaved" };
      },
    },
  });
}

export default function LanguageTextsPage() {
  const t = useT();
  const { draft, main, texts, authoritative, canAdd } = useLoaderData<typeof loader>();
  const mainLanguage = main.language;
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result && !result.ok ? (result.errors ?? {}) : {};
  const message = result?.ok && "message" in result ? result.message : undefined;
  const languageName = (code: string) => t(`textLanguages.${code}`);
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.id}`}>← {draftTitle(draft, t.locale)}</Link>
      </p>
      <h1>{t("texts.languages")}</h1>
      <p className="muted">{t("texts.languagesIntro")}</p>
      {message ? (
        <p role="status" className="notice">
          {t(message)}
        </p>
      ) : null}
      <div className="columns">
        <div className="card">
          <h2>{t("drafts.textLanguageIs", { language: languageName(mainLanguage) })}</h2>
          {texts.length === 0 ? <p className="muted">{t("texts.none")}</p> : null}
          <ul className="plain-list">
            {texts.map((text) => (
              <li key={text.id} data-testid="language-text">
                <Link
                  to={`/drafts/${draft.id}/texts/${text.id}`}
                  aria-label={t("texts.open", { language: languageName(text.textLanguage) })}
                >
                  {languageName(text.textLanguage)}
                </Link>
                : <span lang={text.textLanguage}>{text.title}</span> ·{" "}
                <Link to={`/drafts/${draft.id}/parallel/${text.id}`} data-testid="open-parallel">
                  {t("texts.parallel")}
                </Link>{" "}
                ·{" "}
                <span data-testid="text-authority" data-authority={text.authority}>
                  {t(`texts.authority.${text.authority}`)}
                </span>
              </li>
            ))}
          </ul>
          {texts.length > 0 ? (
            <p>
              <Link to={`/drafts/${draft.id}/parallel`} data-testid="open-all-texts">
                {t("texts.allSideBySide")}
              </Link>{" "}
              · <ParallelExportLinks base={`/drafts/${draft.id}`} />
            </p>
          ) : null}
        </div>
        {texts.length > 0 ? (
          <div className="card" data-testid="authenticity">
            <h2>{t("texts.authenticity")}</h2>
            <p className="muted">{t("texts.authenticityIntro")}</p>
            <p>
              {languageName(mainLanguage)}:{" "}
              <strong data-testid="main-authority" data-authority={main.authority}>
                {t(`texts.authority.${main.authority}`)}
              </strong>
            </p>
            {canAdd ? (
              <Form method="post" noValidate className="stack">
                <input type="hidden" name="intent" value="setAuthenticity" />
                <fieldset className="field">
                  <legend>{t("texts.authenticityLegend")}</legend>
                  {[
                    { value: "equal", label: t("texts.equallyAuthentic") },
                    ...[main, ...texts].map((text) => ({
                      value: text.documentId,
                      label: t("texts.onlyAuthoritative", { language: languageName(text.language) }),
                    })),
                  ].map((choice) => (
                    <label key={choice.value} className="choice">
                      <input
                        type="radio"
                        name="authoritative"
                        value={choice.value}
                        defaultChecked={choice.value === authoritative}
                      />{" "}
                      {choice.label}
                    </label>
                  ))}
                  {errors.authoritative ? <div className="field-error">{t(errors.authoritative)}</div> : null}
                </fieldset>
                <button type="submit" className="button" disabled={busy} data-testid="save-authenticity">
                  {t("texts.saveAuthenticity")}
                </button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {canAdd ? (
          <div className="card">
            <h2>{t("texts.add")}</h2>
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="addLanguageText" />
              <TextLanguageField defaultValue={mainLanguage === "ru" ? "hy" : "ru"} error={errors.textLanguage} />
              <fieldset className="field">
                <legend>{t("texts.mode")}</legend>
                {(["copy", "empty"] as const).map((mode) => (
                  <label key={mode} className="choice">
                    <input type="radio" name="mode" value={mode} defaultChecked={mode === "copy"} />{" "}
                    {t(mode === "copy" ? "texts.modeCopy" : "texts.modeEmpty")}
                  </label>
                ))}
                {errors.mode ? <div className="field-error">{t(errors.mode)}</div> : null}
              </fieldset>
              <button type="submit" className="button primary" disabled={busy} data-testid="add-language-text">
                {t("texts.addButton")}
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </section>
  );
}
