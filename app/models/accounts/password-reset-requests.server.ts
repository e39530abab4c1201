import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import { deliverOutbox } from "~/utils/mailer.server";
import { emailOrigin } from "~/utils/origin.server";
import { takeRateLimit } from "~/utils/rate-limit.server";
import { requestPasswordReset } from "./email-tokens.server";

export type ResetRequest = { email: string; clientAddress: string; locale: Locale };

/** Where the real work goes: after the answer has been sent; errors are logged, never shown. */
export function laterVia(afterResponse: (work: () => void) => void): Later {
  return (work) =>
    afterResponse(() => {
      work().catch((error: unknown) => console.error("password reset e-mail failed", error));
    });
}

export type Later = (work: () => Promise<void>) => void;

/**
 * What the forgot-password form does while the person waits: exactly the same for every
 * e-mail, known or not (count it against the limits, hand it on). Looking the account up,
 * creating the link and composing the e-mail happen after the answer has been sent, so
 * neither the answer nor the time it takes tells whether the e-mail has an account.
 *
 * Over a limit (too many links for one e-mail or from one address) the request is dropped
 * silently: saying so would tell the asker that the e-mail was asked for recently.
 */
export async function acceptPasswordResetRequest(request: ResetRequest, later: Later): Promise<void> {
  const limit = await takeRateLimit(db(), "passwordReset", {
    email: request.email,
    address: request.clientAddress,
  });
  if (!limit.ok) return;
  later(() => sendPasswordReset(request.email, request.locale));
}

/** Creates the link (if the e-mail has an active account) and sends it, in the asker's language. */
export async function sendPasswordReset(email: string, locale: Locale): Promise<void> {
  const t = serverT(locale);
  await requestPasswordReset(email, emailOrigin(), (link) => ({
    subject: t("email.reset.subject"),
    body: t("email.reset.body", { link }),
  }));
  await deliverOutbox();
}
