import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";
import { storedTextLanguage } from "~/i18n/text-languages";
import type { Email } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";

/**
 * The SHA-256 (hex) of a proposal's text as stored, UTF-8: what the receipt carries, so the
 * author can show later that the published text is the one they sent.
 */
export function proposalTextSha256(proposedText: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(proposedText)));
}

export type Receipt = { id: string; number: number; createdAt: Date; sha256: string; roundId: string };

export function receiptOf(proposal: {
  id: string;
  number: number;
  createdAt: Date;
  proposedText: string;
  roundId: string;
}): Receipt {
  return {
    id: proposal.id,
    number: proposal.number,
    createdAt: proposal.createdAt,
    sha256: proposalTextSha256(proposal.proposedText),
    roundId: proposal.roundId,
  };
}

/**
 * The same receipt by e-mail, in the author's language (queued in the submission's
 * transaction). A proposal on one language text of an agreement names that text.
 */
export function receiptEmail(
  author: { email: string; locale: string | null },
  round: { title: string; timeZone: string },
  receipt: Receipt,
  textLanguage: string | null = null,
): Email {
  const t = serverT(isLocale(author.locale) ? author.locale : DEFAULT_LOCALE);
  const language = textLanguage ? t(`textLanguages.${storedTextLanguage(textLanguage)}`) : null;
  return {
    to: author.email,
    subject: t("citizens.email.receipt.subject", { number: receipt.number, title: round.title }),
    body: t("citizens.email.receipt.body", {
      number: receipt.number,
      title: round.title,
      time: `${formatDate(t, receipt.createdAt, true, round.timeZone)} (${round.timeZone})`,
      sha256: receipt.sha256,
      textLine: language ? t("citizens.email.receipt.textLine", { language }) : "",
      link: appLink("/my-proposals"),
    }),
  };
}
