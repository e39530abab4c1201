import { TextLanguageProvider } from "~/components/document/text-language";
import { storedTextLanguage } from "~/i18n/text-languages";
import { pageTitle } from "~/i18n/page-title";
import { FrozenAttachments } from "~/components/attachments/frozen-attachments";
import { versionAttachments } from "~/models/attachments/frozen-attachments.server";
import type { MetaFunction } from "@remix-run/node";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { VersionTextView } from "~/components/document/version-text-view";
import { VersionTexts } from "~/components/version-texts";
import { versionReading } from "~/models/documents/version-reading.server";
import { draftHeading, draftTitle } from "~/i18n/localized-name";
import { FormError } from "~/components/field";
import { LocalDate } from "~/components/local-date";
import { PrintButton } from "~/components/print-button";
import { organizationName } from "~/i18n/localized-name";
import { CloseReviewForm, DecisionForm } from "~/components/reviews/review-forms";
import { ReviewDecisions } from "~/components/reviews/review-decisions";
import { ReviewProgress } from "~/components/reviews/review-progress";
import { quorumNeeded, tallyReview } from "~/collegium/outcome";
import { useT } from "~/i18n/use-t";
import { closeReview, recordDecision } from "~/models/collegium/reviews.server";
import { can } from "~/policies";
import { DecisionSchema } from "~/schemas/review";
import { handleIntents, requireReview } from "~/boundary/request-boundary.server";
import { readStoredDocument } from "~/editor/stored-document";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, (t, locale) => (data ? t("titles.review", { name: draftTitle(data.draft, locale) }) : null));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, review, resource } = await requireReview(request, params.reviewId, "review.view");
  const seeAll = can(user.actor, "review.viewAllDecisions", resource);
  const seeTally = can(user.actor, "review.viewTally", resource);
  const rules = { quorumShare: review.body.quorumShare, majorityShare: review.body.majorityShare };
  const decisionOf = (membershipId: string) => review.decisions.find((d) => d.membershipId === membershipId);
  const mySeat = review.reviewers.find((r) => r.membership.userId === user.id);
  const myDecision = mySeat ? review.decisions.find((d) => d.membershipId === mySeat.membershipId) : undefined;
  return {
    review: {
      id: review.id,
      status: review.status,
      dueAt: review.dueAt,
      sentAt: review.sentAt,
      note: review.note,
      outcome: review.outcome,
      tally: review.tally as Record<string, number | boolean | string> | null,
      body: {
        nameHy: review.body.nameHy,
        nameRu: review.body.nameRu,
        nameKa: review.body.nameKa,
        nameEn: review.body.nameEn,
      },
    },
    draft: draftHeading(review.draft),
    textLanguage: storedTextLanguage(review.draft.textLanguage),
    summaries: review.draft.rounds,
    version: { number: review.version.number, name: review.version.name, sha256: review.version.sha256 },
    attachments: await versionAttachments(review.version.id),
    content: readStoredDocument(review.version.content),
    // Every text of the reviewed version; `?text=` shows one, `?text=all` all side by side.
    reading: await versionReading(review.version.id, new URL(request.url).searchParams.get("text")),
    reviewerCount: review.reviewers.length,
    decisionCount: review.decisions.length,
    myDecision: myDecision ? { decision: myDecision.decision, remarks: myDecision.remarks } : null,
    canDecide: can(user.actor, "review.decide", resource),
    canClose: can(user.actor, "review.close", resource),
    closesEarly: !resource.dueReached,
    rules: {
      quorumNeeded: quorumNeeded(review.reviewers.length, rules),
      majorityPercent: Math.round(rules.majorityShare * 100),
    },
    // Who has decided and who has not, never what, until the review is closed.
    roster: review.reviewers.map((r) => ({
      name: r.membership.user?.name ?? r.membership.personName,
      role: r.membership.role,
      decided: !!decisionOf(r.membershipId),
    })),
    // The tally so far, for the secretary and the chair, while the review is open.
    tallySoFar:
      seeTally && review.status === "OPEN"
        ? tallyReview(
            review.reviewers.length,
            review.decisions.map((d) => d.decision),
            rules,
          )
        : null,
    // Everyone's decisions only once closed; before, only the count and one's own.
    decisions: seeAll
      ? review.reviewers.map((r) => {
          const decision = decisionOf(r.membershipId);
          return {
            name: r.membership.user?.name ?? r.membership.personName,
            organization: r.membership.organization,
            role: r.membership.role,
            decision: decision?.decision ?? null,
            remarks: decision?.remarks ?? "",
          };
        })
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return handleIntents(request, {
    audit: { prefix: "review", objectType: "CollegiumReview", objectId: params.reviewId },
    intents: {
      decide: async ({ parse }) => {
        const { user, review } = await requireReview(request, params.reviewId, "review.decide");
        await recordDecision(user, review.id, parse(DecisionSchema));
      },
      close: async () => {
        const { user, review } = await requireReview(request, params.reviewId, "review.close");
        await closeReview(user, review.id);
      },
    },
  });
}

export default function ReviewPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { review, draft, version } = loaded;
  const errors: Record<string, string | undefined> = useActionData<typeof action>()?.errors ?? {};
  return (
    <TextLanguageProvider language={loaded.textLanguage}>
      <section className="review-page">
        <p className="eyebrow">
          <Link to="/reviews">← {t("reviews.mine")}</Link>
        </p>
        <header className="round-header">
          <p className="muted">{organizationName(review.body, t.locale)}</p>
          <h1>{draftTitle(draft, t.locale)}</h1>
          <p>
            <span className="badge" data-testid="review-status" data-status={review.status}>
              {t(`reviews.status.${review.status}`)}
            </span>{" "}
            {review.outcome ? (
              <span className="badge" data-testid="review-outcome" data-outcome={review.outcome}>
                {t(`reviews.outcome.${review.outcome}`)}
              </span>
            ) : null}{" "}
            {t("reviews.due")}: <LocalDate value={review.dueAt} withTime />
          </p>
          {review.note ? <p className="round-description">{review.note}</p> : null}
        </header>
        <div className="card version-meta">
          <div>
            {t("versions.label", { number: t.number(version.number), name: version.name })} · SHA-256:{" "}
            <code>{version.sha256}</code>
          </div>
          {loaded.summaries.length > 0 ? (
            <div>
              {t("reviews.summaries")}:{" "}
              {loaded.summaries.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? " · " : ""}
                  <Link to={`/rounds/${s.id}/summary`}>{s.title}</Link>
                </span>
              ))}
            </div>
          ) : null}
          <div className="actions no-print">
            <PrintButton />
            <a className="button" href={`/reviews/${review.id}/record.docx`} download>
              {t("reviews.downloadDocx")}
            </a>
            <a className="button" href={`/reviews/${review.id}/record.pdf`} download>
              {t("exports.downloadPdf")}
            </a>
          </div>
        </div>
        {loaded.reading.texts.length > 1 ? (
          <VersionTexts
            texts={loaded.reading.texts}
            setSha256={loaded.reading.setSha256}
            shown={loaded.reading.shown}
            page={`/reviews/${review.id}`}
          />
        ) : null}
        <FrozenAttachments items={loaded.attachments} base={`/reviews/${review.id}`} />
        <FormError error={errors.form} />
        <div className="columns round-columns">
          <VersionTextView reading={loaded.reading} mainDoc={loaded.content} caption={t("versions.sideBySide")} />
          <aside className="stack">
            <p className="card" data-testid="decision-count">
              {t("reviews.decisionCount", {
                count: t.number(loaded.decisionCount),
                total: t.number(loaded.reviewerCount),
              })}
            </p>
            {loaded.canDecide ? <DecisionForm current={loaded.myDecision} errors={errors} /> : null}
            {!loaded.canDecide && loaded.myDecision ? (
              <p className="card">
                {t("reviews.yourDecision")}: <strong>{t(`reviews.decisions.${loaded.myDecision.decision}`)}</strong>
              </p>
            ) : null}
            {review.status === "OPEN" ? (
              <ReviewProgress rules={loaded.rules} roster={loaded.roster} tally={loaded.tallySoFar} />
            ) : null}
            {loaded.canClose ? <CloseReviewForm error={errors.close} early={loaded.closesEarly} /> : null}
            {loaded.decisions ? <ReviewDecisions decisions={loaded.decisions} tally={review.tally} /> : null}
          </aside>
        </div>
      </section>
    </TextLanguageProvider>
  );
}
