import type { LoaderFunctionArgs } from "@remix-run/node";
import { draftTitle } from "~/i18n/localized-name";
import { organizationName } from "~/i18n/localized-name";
import { reviewRecordToDocx } from "~/exports/review-record-docx.server";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { can } from "~/policies";
import { requireReview } from "~/boundary/request-boundary.server";

/** The printable record of a review as DOCX; each reviewer's decision only once it is closed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, review, resource } = await requireReview(request, params.reviewId, "review.view");
  const locale = resolveLocale(request, user.locale);
  const t = serverT(locale);
  const seeAll = can(user.actor, "review.viewAllDecisions", resource);
  const tally = review.tally as Record<string, number> | null;
  const docx = await reviewRecordToDocx({
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
  });
  return new Response(new Uint8Array(docx), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="review-${review.id}.docx"`,
    },
  });
}
