import { hashPassword } from "~/auth/password.server";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { deliverOutbox, queueEmail } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";
import { takeRateLimit } from "~/utils/rate-limit.server";
import { foldForSearch } from "~/utils/search-text";
import { issueVerificationLink } from "./email-verification.server";
import type { Later } from "./password-reset-requests.server";

export type SignUpRequest = {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** Where the verification link leads back to (already checked with `safeRedirect`). */
  returnTo: string;
  clientAddress: string;
};

export type SignUpAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * What the sign-up form does while the person waits, the same for every e-mail, known or
 * not: count the attempt and hand the work on. Whether the address has an account is
 * looked up after the answer has gone (as for reset links), so neither the page nor its
 * time tells. Nobody is signed in here: the e-mailed link does that.
 *
 * One address (a script) is told to slow down: that says nothing about any e-mail. Too
 * many sign-ups for one e-mail are dropped without a word, as for reset links: saying so
 * would tell that someone asked for it recently, and the inbox is not flooded either way.
 */
export async function acceptSignUp(request: SignUpRequest, later: Later): Promise<SignUpAnswer> {
  const byAddress = await takeRateLimit(db(), "signUp", { address: request.clientAddress });
  if (!byAddress.ok) return byAddress;
  const byEmail = await takeRateLimit(db(), "signUp", { email: request.email });
  if (byEmail.ok) later(() => processSignUp(request));
  return { ok: true };
}

/**
 * A new e-mail gets an unverified account and a verification link; an e-mail that already
 * has an account gets a message saying so (with the way to sign in or reset the password),
 * never a second account and never a change to the existing one.
 */
export async function processSignUp(request: SignUpRequest): Promise<void> {
  try {
    await createAccountOrTell(request);
  } catch (error) {
    // Two sign-ups for one new e-mail at once: the first made the account, which is all.
    if (!isUniqueViolation(error)) throw error;
  }
  await deliverOutbox();
}

async function createAccountOrTell(request: SignUpRequest): Promise<void> {
  const t = serverT(request.locale);
  const passwordHash = await hashPassword(request.password);
  await db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: request.email } });
    if (existing) {
      await queueEmail(tx, {
        to: request.email,
        subject: t("citizens.email.exists.subject"),
        body: t("citizens.email.exists.body", { login: appLink("/login"), reset: appLink("/forgot-password") }),
      });
      return;
    }
    const user = await tx.user.create({
      data: {
        email: request.email,
        name: request.name,
        passwordHash,
        locale: request.locale,
        searchText: foldForSearch(request.name, request.email),
      },
    });
    await audit(tx, { actorId: user.id, action: "user.signUp", objectType: "User", objectId: user.id });
    await issueVerificationLink(tx, user, request.returnTo, request.locale);
  });
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
