import { draftTitle, organizationName } from "~/i18n/localized-name";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";
import type { Locale } from "~/i18n/config";
import type { requireReview } from "~/boundary/request-boundary.server";
import { attachmentDisposition, readableFileName } from "./file-name";
import type { ReviewRecord } from "./review-record-docx.server";

type LoadedReview = Awaited<ReturnType<typeof requireReview>>["review"];

/**
 * The record of a collegium review for its Word and PDF files, in the reader's language. The
 * route has authorized the reader (`review.view`) and says whether each reviewer's decision
 * may be shown (`review.viewAllDecisions`: once the review is closed).
 */
export function reviewRecordOf(review: LoadedReview, locale: Locale, seeAll: boolean) {
  const t = serverT(locale);
  const tally = review.tally as Record<string, number> | null;
  const record: ReviewRecord = {
    title: `${t("reviews.record")}: ${draftTitle(review.draft, locale)}`,
    lines: [
      organizationName(review.body, locale),
      `${t("versions.label", { number: review.version.number, name: review.version.name })} · SHA-256 ${review.version.sha256}`,
      `${t("reviews.sent")}: ${formatDate(t, review.sentAt, true)} · ${t("reviews.due")}: ${formatDate(t, review.dueAt, true)}`,
      `${t(`reviews.status.${review.status}`)}${review.outcome ? ` · ${t(`reviews.outcome.${review.outcome}`)}` : ""}`,
    ],
    headers: [t("reviews.fields.member"), t("reviews.fields.decision"), t("reviews.fields.remarks")],
    rows: review.reviewers.map((r) => {
      const decision = review.decisions.find((d) => d.membershipId === r.membershipId);
      const name = r.membership.user?.name ?? r.membership.personName;
      if (!seeAll) return [name, "", ""];
      return [
        name,
        decision ? t(`reviews.decisions.${decision.decision}`) : t("reviews.noDecision"),
        decision?.remarks ?? "",
      ];
    }),
    tally: tally
      ? t("reviews.tally", {
          inOffice: tally.inOffice ?? 0,
          cast: tally.cast ?? 0,
          approvals: (tally.approve ?? 0) + (tally.approveWithRemarks ?? 0),
          objections: tally.object ?? 0,
          abstentions: tally.abstain ?? 0,
        })
      : t("reviews.decisionCount", { count: review.decisions.length, total: review.reviewers.length }),
  };
  const name = (extension: string) =>
    attachmentDisposition(
      readableFileName([t("reviews.record"), draftTitle(review.draft, locale)], extension),
      `review-${review.id}.${extension}`,
    );
  return { record, sha256: review.version.sha256, disposition: name };
}
