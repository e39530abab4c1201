import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { Field, FormError } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { SelectField } from "~/components/select-field";
import { LOCALE_NAMES, LOCALES } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { resolveLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { laterVia } from "~/models/accounts/password-reset-requests.server";
import { acceptSignUp } from "~/models/accounts/sign-up.server";
import type { RootData } from "~/root";
import { SignUpSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/origin.server";
import { rateLimitMessage, retryAfter } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Agora" }];

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  return { title: `${serverT(resolveLocale(request))("citizens.signUp.title")} · Agora` };
}

/**
 * The same answer for every e-mail: "we sent you a link". An address that already has an
 * account gets an e-mail saying so; nobody is signed in until the link is opened.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(SignUpSchema, await readForm(request));
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors }, { status: 400 });
  const { name, email, password, locale, redirectTo } = parsed.value;
  const answer = await acceptSignUp(
    { name, email, password, locale, returnTo: safeRedirect(redirectTo), clientAddress: context.clientAddress },
    laterVia(context.afterResponse),
  );
  if (!answer.ok) {
    return data(
      { sent: false, errors: { form: rateLimitMessage("signUp", answer.retryAfterSeconds) } as Record<string, string> },
      { status: 429, headers: retryAfter(answer.retryAfterSeconds) },
    );
  }
  return { sent: true, errors: {} as Record<string, string> };
}

export default function SignUpPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const root = useRouteLoaderData("root") as RootData | undefined;
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("citizens.signUp.title")}</h1>
      {result?.sent ? (
        <p role="status" data-testid="signup-sent">
          {t("citizens.signUp.sent")}
        </p>
      ) : (
        <Form method="post" noValidate className="stack">
          <p>{t("citizens.signUp.intro")}</p>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <FormError error={errors.form} />
          <Field label={t("fields.name")} name="name" autoComplete="name" required error={errors.name} />
          <Field
            label={t("fields.email")}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={errors.email}
          />
          <NewPasswordFields errors={errors} />
          <SelectField
            label={t("citizens.fields.language")}
            name="locale"
            defaultValue={root?.locale}
            error={errors.locale}
            options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t("citizens.signUp.submit")}
          </button>
        </Form>
      )}
      <p className="muted">
        {t("citizens.signUp.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
      <p className="muted">{t("citizens.signUp.personNotMember")}</p>
    </section>
  );
}
