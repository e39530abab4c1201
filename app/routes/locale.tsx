import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCurrentUser } from "~/auth/current-user.server";
import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { setUserLocale } from "~/models/accounts/accounts.server";
import { safeRedirect } from "~/utils/origin.server";
import { readForm } from "~/utils/read-form.server";

export async function loader() {
  return redirect("/");
}

/** Remembers the chosen language: in a cookie, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const user = await getCurrentUser(request);
  if (user && user.locale !== locale) await setUserLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale) } });
}
