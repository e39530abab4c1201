import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/current-user.server";
import { blankSessionCookie } from "~/auth/session.server";
import type { Locale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { DeleteAccountSchema, EmailChangeSchema, LanguageSchema } from "~/schemas/account";
import { parseValues } from "~/utils/forms";
import { rateLimitMessage, retryAfter, type RateDecision } from "~/utils/rate-limit.server";
import { deleteOwnAccount } from "./account-deletion.server";
import { setUserLocale } from "./accounts.server";
import { requestEmailChange } from "./email-change.server";
import { resendVerification } from "./email-verification.server";

type Errors = Record<string, string>;
const ok = (intent: string) => ({ intent, ok: true, errors: {} as Errors });
const refused = (intent: string, errors: Errors, status = 400, headers?: HeadersInit) =>
  data({ intent, ok: false, errors }, { status, headers });
const limited = (intent: string, field: string, action: "emailChange" | "verificationLink", d: RateDecision) =>
  d.ok
    ? null
    : refused(intent, { [field]: rateLimitMessage(action, d.retryAfterSeconds) }, 429, retryAfter(d.retryAfterSeconds));

/**
 * The profile's account forms: language, a new e-mail address (effective once verified),
 * a new verification link, and deleting the account. Null for any other intent. The
 * caller has checked `user.update` on the person themselves and hands in the form's fields
 * as plain values and the language the e-mails are written in.
 */
export async function accountAction(
  intent: string,
  values: Record<string, unknown>,
  user: CurrentUser,
  locale: Locale,
  clientAddress: string,
) {
  if (intent === "language") {
    const parsed = parseValues(LanguageSchema, values);
    if (!parsed.ok) return refused(intent, parsed.errors as Errors);
    await setUserLocale(user.id, parsed.value.locale);
    throw redirect("/profile", { headers: { "Set-Cookie": localeCookie(parsed.value.locale) } });
  }
  if (intent === "email") {
    const parsed = parseValues(EmailChangeSchema, values);
    if (!parsed.ok) return refused(intent, parsed.errors as Errors);
    if (parsed.value.email === user.email) return refused(intent, { email: "citizens.profile.sameEmail" });
    const decision = await requestEmailChange(user, parsed.value.email, locale);
    return limited(intent, "email", "emailChange", decision) ?? ok(intent);
  }
  if (intent === "resendVerification") {
    const decision = await resendVerification(user, "/profile", locale);
    return limited(intent, "form", "verificationLink", decision) ?? ok(intent);
  }
  if (intent === "delete") {
    const parsed = parseValues(DeleteAccountSchema, values);
    if (!parsed.ok) return refused(intent, parsed.errors as Errors);
    const result = await deleteOwnAccount({ userId: user.id, password: parsed.value.current, clientAddress });
    if (typeof result === "object") {
      return refused(
        intent,
        { current: `rateLimits.currentPassword?seconds=${result.throttled}` },
        429,
        retryAfter(result.throttled),
      );
    }
    if (result === "wrong-password") return refused(intent, { current: "profile.wrongPassword" });
    throw redirect("/?accountDeleted=1", { headers: { "Set-Cookie": blankSessionCookie() } });
  }
  return null;
}
