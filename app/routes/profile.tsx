import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/page-title";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { CurrentPasswordField } from "~/components/current-password-field";
import { Field } from "~/components/field";
import { NewPasswordFields } from "~/components/new-password-fields";
import { organizationName } from "~/i18n/localized-name";
import { useT } from "~/i18n/use-t";
import { changePassword, updateProfile } from "~/models/accounts/accounts.server";
import { listUserMemberships } from "~/models/accounts/memberships.server";
import { ChangePasswordSchema, ProfileSchema } from "~/schemas/account";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/read-form.server";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { accountAction } from "~/models/accounts/profile-actions.server";
import { AccountForms } from "~/components/account/account-forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("profile.title"));
import { allow } from "~/boundary/request-boundary.server";

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "user.viewProfile", { type: "user", id: user.id });
  const memberships = await listUserMemberships(user.id);
  const title = `${serverT(resolveLocale(request, user.locale))("profile.title")} · Agora`;
  return {
    title,
    user: {
      name: user.name,
      email: user.email,
      isPlatformAdmin: user.isPlatformAdmin,
      locale: user.locale,
      verified: user.actor.isVerified,
    },
    memberships,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "user.update", { type: "user", id: user.id });
  const form = await readForm(request);
  const intent = String(form.get("intent"));
  const locale = resolveLocale(request, user.locale);
  const account = await accountAction(intent, Object.fromEntries(form.entries()), user, locale, context.clientAddress);
  if (account) return account;
  if (intent === "profile") {
    const parsed = parseForm(ProfileSchema, form);
    if (!parsed.ok) return data({ intent, ok: false, errors: parsed.errors }, { status: 400 });
    await updateProfile(user.id, parsed.value.name);
    return { intent, ok: true, errors: {} as Record<string, string> };
  }
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return data({ intent: "password", ok: false, errors: parsed.errors }, { status: 400 });
  const result = await changePassword({
    userId: user.id,
    sessionId: user.sessionId,
    clientAddress: context.clientAddress,
    current: parsed.value.current,
    next: parsed.value.password,
  });
  if (typeof result === "object") {
    return data(
      { intent: "password", ok: false, errors: { current: `rateLimits.currentPassword?seconds=${result.throttled}` } },
      { status: 429, headers: { "Retry-After": String(result.throttled) } },
    );
  }
  if (result === "wrong-password")
    return data({ intent: "password", ok: false, errors: { current: "profile.wrongPassword" } }, { status: 400 });
  return { intent: "password", ok: true, errors: {} as Record<string, string> };
}

export default function ProfilePage() {
  const t = useT();
  const { user, memberships } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string): Record<string, string | undefined> =>
    result?.intent === intent ? (result.errors as Record<string, string | undefined>) : {};
  return (
    <section className="columns">
      <div className="card">
        <h1>{t("profile.title")}</h1>
        <p className="muted">{user.email}</p>
        {user.isPlatformAdmin ? <p className="badge">{t("profile.platformAdmin")}</p> : null}
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="profile" />
          <Field label={t("fields.name")} name="name" defaultValue={user.name} error={errorsFor("profile").name} />
          {result?.intent === "profile" && result.ok ? <p role="status">{t("profile.saved")}</p> : null}
          <button type="submit" className="button primary">
            {t("common.save")}
          </button>
        </Form>
        <h2>{t("profile.organizations")}</h2>
        {memberships.length === 0 ? <p className="muted">{t("home.noOrganizations")}</p> : null}
        <ul className="plain-list">
          {memberships.map((m) => (
            <li key={m.id}>
              <Link to={`/orgs/${m.organization.id}`}>{organizationName(m.organization, t.locale)}</Link>{" "}
              <span className="badge">{t(`roles.${m.role}`)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2>{t("profile.changePassword")}</h2>
        <Form method="post" noValidate className="stack">
          <input type="hidden" name="intent" value="password" />
          <CurrentPasswordField error={errorsFor("password").current} />
          <NewPasswordFields errors={errorsFor("password")} />
          {result?.intent === "password" && result.ok ? <p role="status">{t("profile.passwordChanged")}</p> : null}
          <button type="submit" className="button primary">
            {t("profile.changePassword")}
          </button>
        </Form>
      </div>
      <AccountForms user={user} result={result} />
    </section>
  );
}
