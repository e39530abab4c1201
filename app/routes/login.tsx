import { pageTitle } from "~/i18n/page-title";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { sessionCookie } from "~/auth/session.server";
import { Field, FormError } from "~/components/field";
import { useT } from "~/i18n/use-t";
import { login } from "~/models/accounts/accounts.server";
import { LoginSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { safeRedirect } from "~/utils/origin.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("login.title"));

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, retryAfter: 0 }, { status: 400 });
  const result = await login(parsed.value.email, parsed.value.password, context.clientAddress);
  if (result.ok) {
    throw redirect(safeRedirect(parsed.value.redirectTo), {
      headers: { "Set-Cookie": sessionCookie(result.token) },
    });
  }
  if (result.reason === "throttled") {
    return data(
      { errors: { form: "login.throttled" }, retryAfter: result.retryAfter },
      { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
    );
  }
  return data({ errors: { form: "login.invalid" }, retryAfter: 0 }, { status: 401 });
}

export default function LoginPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <section className="narrow card">
      <h1>{t("login.title")}</h1>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        {errors.form === "login.throttled" ? (
          <div className="form-error" role="alert">
            {t("login.throttled", { seconds: t.number(actionData?.retryAfter ?? 0) })}
          </div>
        ) : (
          <FormError error={errors.form} />
        )}
        <Field
          label={t("fields.email")}
          name="email"
          type="email"
          autoComplete="username"
          required
          error={errors.email}
        />
        <Field
          label={t("fields.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="muted">
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p className="muted">
        {t("citizens.login.noAccount")}{" "}
        <Link
          to={`/signup${params.get("redirectTo") ? `?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}` : ""}`}
        >
          {t("citizens.signUp.nav")}
        </Link>
      </p>
    </section>
  );
}
