import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/current-user.server";
import { allow, handleForm } from "~/boundary/request-boundary.server";
import { FormError } from "~/components/field";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { EMAIL_MODES } from "~/models/notifications/notification-kinds";
import { notificationSettings, saveNotificationSettings } from "~/models/notifications/notification-settings.server";
import { NotificationSettingsSchema } from "~/schemas/notification-settings";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("notifications.settings.title"));

/** One's own e-mail choices: which optional kinds by e-mail, at once or in a daily digest. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "user.update", { type: "user", id: user.id });
  return { settings: await notificationSettings(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "user.update", { type: "user", id: user.id });
  return handleForm(request, {
    audit: { action: "notifications.settings", objectType: "User", objectId: user.id },
    handle: async ({ parse }) => {
      await saveNotificationSettings(user.id, parse(NotificationSettingsSchema));
      return { message: "notifications.settings.saved" };
    },
  });
}

export default function NotificationSettingsPage() {
  const t = useT();
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <section className="narrow-wide">
      <p className="eyebrow">
        <Link to="/notifications">← {t("notifications.title")}</Link>
      </p>
      <h1>{t("notifications.settings.title")}</h1>
      <p className="muted">{t("notifications.settings.hint")}</p>
      {result?.ok && result.message ? (
        <p className="card notice" role="status">
          {t(result.message)}
        </p>
      ) : null}
      <Form method="post" className="card stack" data-testid="notification-settings">
        {settings.map((s) => (
          <fieldset key={s.kind} className="choice-group">
            <legend>{t(`notifications.settings.kinds.${s.kind}`)}</legend>
            {EMAIL_MODES.map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name={s.kind} value={mode} defaultChecked={s.email === mode} />{" "}
                {t(`notifications.settings.modes.${mode}`)}
              </label>
            ))}
            {errors[s.kind] ? (
              <div className="field-error" role="alert">
                {t(errors[s.kind]!)}
              </div>
            ) : null}
          </fieldset>
        ))}
        <FormError error={errors.form} />
        <button type="submit" className="button primary">
          {t("common.save")}
        </button>
      </Form>
      <p className="muted">{t("notifications.settings.required")}</p>
    </section>
  );
}
