import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import { FrozenAttachments } from "~/components/attachments/frozen-attachments";
import { versionAttachments } from "~/models/attachments/frozen-attachments.server";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DocumentView } from "~/components/document/document-view";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { LocalDate } from "~/components/local-date";
import { organizationName } from "~/i18n/localized-name";
import { PrintButton } from "~/components/print-button";
import { RoundList } from "~/components/rounds/round-list";
import { PLATFORM_TIME_ZONE } from "~/i18n/config";
import { useT } from "~/i18n/use-t";
import { getCurrentUser } from "~/auth/current-user.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { loadRegisterEntry, visibleEntryRounds } from "~/models/register/register.server";
import { roundInfo } from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { dayStart } from "~/schemas/collegium";
import { notFound } from "~/boundary/request-boundary.server";
import { readStoredDocument } from "~/editor/stored-document";
import { registerTexts } from "~/boundary/register-export.server";
import { parallelColumns } from "~/exports/act/text-set.server";
import { ParallelDocumentView } from "~/components/document/parallel-document-view";
import { ParallelExportLinks } from "~/components/parallel-export-links";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("titles.act", { name: draftTitle(data.draft, locale) }) : null));

/**
 * One act of the register: its final text with the SHA-256, and the history of its
 * consultation. Anything not (yet) in the register answers 404 to everyone, so the page
 * reveals nothing about drafts still being written.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const actor = user?.actor ?? null;
  const entry = await loadRegisterEntry(params.draftId ?? "");
  if (!entry || !can(actor, "draft.viewInRegister", draftResourceOf(entry.draft))) throw notFound();
  const { draft } = entry;
  // The page shows the structured text; the plain text (what the hash is of) is in the API.
  const version = entry.version && { ...entry.version, plainText: undefined };
  // An act in several languages: every text listed with its authority; `?text=` shows one, `?text=all` all side by side.
  const members = version ? await registerTexts(request, draft.id) : [];
  const chosen = new URL(request.url).searchParams.get("text");
  const shown = members.length > 1 && chosen ? members.find((m) => m.textId === chosen) : undefined;
  return {
    texts: members.map((m) => ({ textId: m.textId, language: m.source.language, authority: m.authority })),
    shownText: shown
      ? { textId: shown.textId, language: shown.source.language, authority: shown.authority, doc: shown.source.doc }
      : null,
    parallel: members.length > 1 && chosen === "all" ? parallelColumns(members) : null,
    draft: { ...draftHeading(draft), kind: draft.kind, status: draft.status },
    textLanguage: storedTextLanguage(draft.textLanguage),
    owner: draft.ownerOrganization,
    reachedAt: entry.reachedAt,
    version: version && { ...version, content: readStoredDocument(version.content) },
    attachments: version ? await versionAttachments(version.id) : [],
    rounds: visibleEntryRounds(actor, entry).map(({ round }) => ({
      ...roundInfo(round),
      proposals: round._count.proposals,
    })),
    // The source of SIGNED: who signed which version, when and where.
    signature: entry.signature && {
      signedOn: dayStart(entry.signature.signedOn),
      place: entry.signature.place,
      signatories: entry.signature.signatories,
    },
    reviews: entry.reviews.map((review) => ({
      id: review.id,
      body: review.body,
      sentAt: review.sentAt,
      closedAt: review.closedAt,
      outcome: review.outcome,
    })),
  };
}

export default function RegisterEntryPage() {
  const t = useT();
  const {
    draft,
    owner,
    reachedAt,
    version,
    rounds,
    reviews,
    signature,
    attachments,
    textLanguage,
    texts,
    shownText,
    parallel,
  } = useLoaderData<typeof loader>();
  const base = `/register/${draft.id}`;
  const languageName = (code: string) => t(`textLanguages.${code}`);
  return (
    <TextLanguageProvider language={textLanguage}>
      <section className="printable-version">
        <p className="eyebrow no-print">
          <Link to="/register">← {t("register.title")}</Link>
        </p>
        <h1>{draftTitle(draft, t.locale)}</h1>
        <div className="card version-meta">
          <div>
            {t(`draftKinds.${draft.kind}`)} · {organizationName(owner, t.locale)}
          </div>
          <div data-testid="register-reached">
            <span className={`status status-${draft.status.toLowerCase()}`}>{t(`draftStatus.${draft.status}`)}</span>{" "}
            {t(`register.reached.${draft.status}`)} <LocalDate value={reachedAt} />
          </div>
          {version ? (
            <>
              <strong>
                {t("register.finalText")}:{" "}
                {t("versions.label", { number: t.number(version.number), name: version.name })}
              </strong>
              <div>
                SHA-256: <code data-testid="register-sha256">{version.sha256}</code>
              </div>
              <p className="muted no-print">{t("register.hashHint", { path: `/api/v1/register/${draft.id}` })}</p>
              <div className="actions no-print">
                <PrintButton />
                <a className="button" href={`/register/${draft.id}/final.docx`} download>
                  {t("exports.docx")}
                </a>
                <a className="button" href={`/register/${draft.id}/final.pdf`} download>
                  {t("exports.pdf")}
                </a>
                <a className="button" href={`/register/${draft.id}/final.akn.xml`} download>
                  {t("exports.akn")}
                </a>
              </div>
            </>
          ) : (
            <p className="muted">{t("register.noVersion")}</p>
          )}
        </div>
        {texts.length > 1 ? (
          <div className="card no-print" data-testid="register-texts">
            <h2>{t("register.texts")}</h2>
            <ul className="plain-list">
              {texts.map((text) => {
                const query = text.textId ? `?text=${text.textId}` : "";
                const current = shownText ? shownText.textId === text.textId : !parallel && text.textId === null;
                return (
                  <li key={text.textId ?? "main"} data-testid="register-text" data-authority={text.authority}>
                    <strong>{languageName(text.language)}</strong> · {t(`texts.authority.${text.authority}`)} ·{" "}
                    {current ? (
                      <span className="muted">{t("register.shown")}</span>
                    ) : (
                      <Link
                        to={text.textId ? query : base}
                        aria-label={t("texts.open", { language: languageName(text.language) })}
                      >
                        {t("register.readText")}
                      </Link>
                    )}{" "}
                    · {t("exports.title")}:{" "}
                    <a href={`${base}/final.docx${query}`} download>
                      {t("exports.docx")}
                    </a>{" "}
                    ·{" "}
                    <a href={`${base}/final.pdf${query}`} download>
                      {t("exports.pdf")}
                    </a>{" "}
                    ·{" "}
                    <a href={`${base}/final.akn.xml${query}`} download>
                      {t("exports.akn")}
                    </a>
                  </li>
                );
              })}
            </ul>
            <p>
              <ParallelExportLinks base={base} file="final" /> ·{" "}
              <Link to="?text=all" data-testid="register-all-texts">
                {t("exports.parallelPrint")}
              </Link>
            </p>
          </div>
        ) : null}
        {version ? (
          <div className="no-print">
            <FrozenAttachments items={attachments} base={`/register/${draft.id}`} />
          </div>
        ) : null}
        {signature ? (
          <div className="card" data-testid="register-signature">
            <h2>{t("signature.registerTitle")}</h2>
            <p>
              {t("signature.signedAt", { place: signature.place })}{" "}
              <LocalDate value={signature.signedOn} timeZone={PLATFORM_TIME_ZONE} />
            </p>
            <ul className="plain-list">
              {signature.signatories.map((person, index) => (
                <li key={index} data-testid="register-signatory">
                  <strong>{person.name}</strong>, {person.position} · {person.organization}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {parallel ? (
          <ParallelDocumentView columns={parallel} caption={t("texts.allSideBySide")} />
        ) : shownText ? (
          <TextLanguageProvider language={shownText.language}>
            <h2>
              {t("texts.languageText", { language: languageName(shownText.language) })} ·{" "}
              {t(`texts.authority.${shownText.authority}`)}
            </h2>
            <div className="editor-frame" data-testid="register-language-text">
              <DocumentView doc={shownText.doc} />
            </div>
          </TextLanguageProvider>
        ) : version ? (
          <div className="editor-frame">
            <DocumentView doc={version.content} />
          </div>
        ) : null}
        <div className="no-print">
          <h2>{t("register.consultation")}</h2>
          <RoundList rounds={rounds} empty={t("register.noRounds")} />
          <h2>{t("register.reviews")}</h2>
          {reviews.length === 0 ? <p className="card muted">{t("register.noReviews")}</p> : null}
          <ul className="plain-list stack">
            {reviews.map((review) => (
              <li key={review.id} className="card" data-testid="register-review">
                <strong>{organizationName(review.body, t.locale)}</strong>
                <div>
                  <LocalDate value={review.sentAt} /> – {review.closedAt ? <LocalDate value={review.closedAt} /> : null}
                  {review.outcome ? ` · ${t(`reviews.outcome.${review.outcome}`)}` : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </TextLanguageProvider>
  );
}
