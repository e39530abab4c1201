import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import { FrozenAttachments } from "~/components/attachments/frozen-attachments";
import { versionAttachments } from "~/models/attachments/frozen-attachments.server";
import type {
  ActionFunctionArgs,
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DocumentView } from "~/components/document/document-view";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { organizationName } from "~/i18n/localized-name";
import { feedLinkDescriptors } from "~/components/follow/feed-links";
import { FollowRound } from "~/components/follow/follow-round";
import { RoundHeader } from "~/components/rounds/round-header";
import { ProposalForm } from "~/components/rounds/proposal-form";
import { OwnProposals } from "~/components/rounds/own-proposals";
import { frozenText } from "~/models/documents/frozen-text.server";
import { versionReading, versionTextChoices } from "~/models/documents/version-reading.server";
import { VersionTexts } from "~/components/version-texts";
import { ParallelDocumentView } from "~/components/document/parallel-document-view";
import { useT } from "~/i18n/use-t";
import { submitProposal, withdrawProposal } from "~/models/rounds/proposals.server";
import { ownReceipt, proposalFormMode } from "~/models/rounds/citizen-proposals.server";
import { resendVerification } from "~/models/accounts/email-verification.server";
import { resolveLocale } from "~/i18n/locale.server";
import { ProposalReceipt } from "~/components/rounds/proposal-receipt";
import { SummaryFileStatus } from "~/components/rounds/summary-file-status";
import { summaryFileState } from "~/models/rounds/summary-file.server";
import { VerificationNotice } from "~/components/account/verification-notice";
import { RuleError } from "~/utils/rule-error";
import {
  answeredCount,
  listOwnProposals,
  ownOrganizations,
  proposalCountsByArticle,
  roundInfo,
} from "~/models/rounds/rounds.server";
import { can } from "~/policies";
import { ProposalSchema } from "~/schemas/round";
import { db } from "~/utils/db.server";
import { enforceRateLimit, RateLimitedError } from "~/utils/rate-limit.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { handleIntents, InvalidInput, requireRound } from "~/boundary/request-boundary.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t) => (data ? t("titles.consultation", { name: data.round.title }) : null));
export const links: LinksFunction = () => feedLinkDescriptors("rounds");

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor, round, resource } = await requireRound(request, params.roundId, "round.view");
  const { content, articles } = await frozenText(round.version);
  const isStaff = can(actor, "round.viewAllProposals", resource);
  const counts = await proposalCountsByArticle(round.id);
  const formMode = proposalFormMode(actor, resource, round.closesAt);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  // Every text of the round's version; `?text=` shows one (a proposal then names it), `?text=all` all side by side.
  const reading = await versionReading(round.version.id, new URL(request.url).searchParams.get("text"));
  return {
    reading,
    versionTexts: await versionTextChoices(round.version.id),
    round: roundInfo(round),
    draft: draftHeading(round.draft),
    textLanguage: storedTextLanguage(round.draft.textLanguage),
    version: {
      id: round.version.id,
      number: round.version.number,
      name: round.version.name,
      sha256: round.version.sha256,
    },
    content,
    articles,
    attachments: await versionAttachments(round.version.id),
    counts,
    total,
    answered: isStaff && round.status !== "OPEN" ? await answeredCount(round.id) : null,
    isStaff,
    summaryFile: isStaff && round.status === "ANSWERED" ? await summaryFileState(round.id) : null,
    canSubmit: formMode === "submit",
    formMode,
    receipt: user ? await ownReceipt(new URL(request.url).searchParams.get("receipt"), round.id, user.id) : null,
    verificationPending: user && !user.actor.isVerified ? user.email : null,
    canSeeSummary: can(actor, "round.viewSummary", resource),
    // Only rounds every visitor can see are followed by e-mail (invited ones notify in the app).
    canFollow: round.audience === "PUBLIC" && can(null, "round.view", resource) && can(actor, "follow.subscribe"),
    signedIn: !!user,
    ownProposals: user ? await listOwnProposals(round.id, user.id) : [],
    onBehalfOptions: user ? await ownOrganizations(user.actor.memberships.map((m) => m.organizationId)) : [],
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleIntents<{ withdrawn: boolean; verificationSent: boolean }>(request, {
    audit: { prefix: "round", objectType: "ConsultationRound", objectId: params.roundId },
    intents: {
      withdraw: async ({ text }) => {
        const { user } = await requireRound(request, params.roundId, "round.view");
        if (!user) throw new RuleError("errors.notAllowed");
        await withdrawProposal(user, text("proposalId"));
        return { withdrawn: true };
      },
      resendVerification: async () => {
        const { user, round } = await requireRound(request, params.roundId, "round.view");
        if (!user) throw new RuleError("errors.notAllowed");
        const sent = await resendVerification(
          user,
          `/rounds/${round.id}#proposal-form`,
          resolveLocale(request, user.locale),
        );
        if (!sent.ok) throw new RateLimitedError("verificationLink", sent.retryAfterSeconds, "verification");
        return { verificationSent: true };
      },
      submit: async ({ parse }) => {
        const current = await getCurrentUser(request);
        // Said plainly, with the text left in the form: the policy below would only answer 403.
        if (current && !current.actor.isVerified) throw new InvalidInput({ form: "citizens.round.verifyFirst" }, 403);
        const { user, round } = await requireRound(request, params.roundId, "round.submit");
        const input = parse(ProposalSchema);
        // Every proposal waits for an official answer: a flood of them blocks the summary.
        await enforceRateLimit(db(), "proposal", { account: user!.id, address: context.clientAddress });
        const proposal = await submitProposal(user!, round.id, input);
        throw redirect(`/rounds/${round.id}?receipt=${proposal.id}#receipt`);
      },
    },
  });
}

export default function RoundPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { round, draft, version, content, articles, counts, total, answered, isStaff, canSubmit } = loaded;
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = (result && "errors" in result ? result.errors : undefined) ?? {};
  const [search] = useSearchParams();
  const chosenArticle = search.get("article") ?? articles[0]?.id ?? "";
  // A language text shown: its words, and the proposal form names it.
  const shown = loaded.reading.shownText;
  const shownDoc = shown?.doc ?? content;
  const shownLanguage = shown?.language ?? loaded.textLanguage;
  const chosenText = loaded.versionTexts.find((text) => text.textId === loaded.reading.shown)?.value ?? "";
  const textQuery = chosenText ? `text=${search.get("text")}&` : "";

  return (
    <TextLanguageProvider language={loaded.textLanguage}>
      <section>
        <p className="eyebrow">
          <Link to="/rounds">← {t("rounds.title")}</Link>
        </p>
        <RoundHeader round={round} draftTitle={draftTitle(draft, t.locale)} />
        <div className="card version-meta">
          <div>
            {t("versions.label", { number: t.number(version.number), name: version.name })} · SHA-256:{" "}
            <code data-testid="round-sha256">{version.sha256}</code>
          </div>
          <div data-testid="round-progress">
            {t("rounds.proposalCount", { count: t.number(total) })}
            {answered !== null
              ? ` · ${t("rounds.answeredOf", { answered: t.number(answered), total: t.number(total) })}`
              : ""}
          </div>
          <div className="actions">
            {isStaff && round.status !== "SCHEDULED" && round.status !== "OPEN" ? (
              <Link className="button" to="answers">
                {t("rounds.answerProposals")}
              </Link>
            ) : null}
            {loaded.canSeeSummary ? (
              <Link className="button" to="summary">
                {t("rounds.summaryLink")}
              </Link>
            ) : null}
            {isStaff ? <Link to={`/drafts/${draft.id}`}>{t("rounds.toDraft")}</Link> : null}
          </div>
          {loaded.summaryFile ? <SummaryFileStatus file={loaded.summaryFile} /> : null}
        </div>
        {loaded.reading.texts.length > 1 ? (
          <VersionTexts
            texts={loaded.reading.texts}
            setSha256={loaded.reading.setSha256}
            shown={loaded.reading.shown}
            page={`/rounds/${round.id}`}
          />
        ) : null}
        <FrozenAttachments items={loaded.attachments} base={`/rounds/${round.id}`} />
        {loaded.reading.parallel ? (
          <ParallelDocumentView columns={loaded.reading.parallel} caption={t("versions.sideBySide")} />
        ) : null}
        <FormError error={errors.form} />
        {loaded.receipt ? <ProposalReceipt receipt={loaded.receipt} timeZone={round.timeZone} /> : null}
        <div className="columns round-columns">
          <TextLanguageProvider language={shownLanguage}>
            <div className="editor-frame">
              <DocumentView
                doc={shownDoc}
                articleFooter={(articleId) => (
                  <p className="article-proposals muted">
                    <span data-testid={`count-${articleId}`}>
                      {t("rounds.proposalCount", { count: t.number(counts[articleId] ?? 0) })}
                    </span>
                    {canSubmit ? (
                      <>
                        {" · "}
                        <Link to={`?${textQuery}article=${articleId}#proposal-form`} preventScrollReset={false}>
                          {t("rounds.proposeHere")}
                        </Link>
                      </>
                    ) : null}
                  </p>
                )}
              />
            </div>
          </TextLanguageProvider>
          <aside className="stack">
            {loaded.verificationPending && loaded.formMode === "unverified" ? (
              <VerificationNotice
                email={loaded.verificationPending}
                sent={!!(result && "verificationSent" in result)}
                error={errors.verification}
              />
            ) : null}
            {loaded.formMode ? (
              <ProposalForm
                key={`${chosenText}.${chosenArticle}.${loaded.receipt?.id ?? ""}`}
                roundId={round.id}
                mode={loaded.formMode}
                submittedId={loaded.receipt?.id}
                articles={articles}
                chosenArticle={chosenArticle}
                texts={loaded.versionTexts.map((text) => ({
                  value: text.value,
                  label:
                    text.textId === null
                      ? t("texts.mainText", { language: t(`textLanguages.${text.language}`) })
                      : t("texts.languageText", { language: t(`textLanguages.${text.language}`) }),
                }))}
                chosenText={chosenText}
                organizations={loaded.onBehalfOptions.map((o) => ({ id: o.id, name: organizationName(o, t.locale) }))}
                errors={errors}
              />
            ) : (
              <p className="card muted">
                {round.status === "OPEN" && !loaded.signedIn ? (
                  <Link to={`/login?redirectTo=/rounds/${round.id}`}>{t("rounds.signInToPropose")}</Link>
                ) : (
                  t(`rounds.notAccepting.${round.status}`)
                )}
              </p>
            )}
            <OwnProposals proposals={loaded.ownProposals} articles={articles} canWithdraw={canSubmit} />
            {loaded.canFollow ? <FollowRound roundId={round.id} signedIn={loaded.signedIn} /> : null}
          </aside>
        </div>
      </section>
    </TextLanguageProvider>
  );
}
