import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { describeScope } from "~/models/follow/follow-choices.server";
import { scopeOf } from "~/models/follow/follow-scope";
import { findByUnsubscribeToken, unsubscribe } from "~/models/follow/subscriptions.server";
import { can } from "~/policies";
import {
  findSettingByUnsubscribeToken,
  unsubscribeFromKind,
} from "~/models/notifications/notification-settings.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Agora" }];

/**
 * The unsubscribe link of every subscription e-mail (RFC 8058). GET only shows a page with
 * a button, because mail scanners open links; POST (the button, or the mail client's own
 * one-click `List-Unsubscribe=One-Click`) ends the subscription. No sign-in: the link is
 * the proof. The server's same-origin check lets these POSTs through (server/same-origin.ts):
 * a mail provider's one-click POST carries no Origin. The same link ends a person's e-mail
 * about one optional kind of notification (their in-app notices stay).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!can(user?.actor ?? null, "follow.subscribe")) throw new Response("Forbidden", { status: 403 });
  const row = await findByUnsubscribeToken(params.token ?? "");
  const setting = row ? null : await findSettingByUnsubscribeToken(params.token ?? "");
  // In the language the e-mails were written in, unless the reader chose one.
  const locale = resolveLocale(request, user?.locale ?? row?.locale ?? setting?.user.locale);
  const t = serverT(locale);
  // 200 even for an ended subscription: after the one-click POST this loader runs again, and
  // "already ended" is the answer the mail client should get.
  return {
    pageTitle: `${t("follow.unsubscribe.title")} · Agora`,
    scope: row
      ? await describeScope(scopeOf(row), locale)
      : setting && setting.email !== "OFF"
        ? t("notifications.settings.unsubscribeScope", { kind: t(`notifications.settings.kinds.${setting.kind}`) })
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!can(user?.actor ?? null, "follow.subscribe")) throw new Response("Forbidden", { status: 403 });
  const token = params.token ?? "";
  const ended = (await unsubscribe(token, user?.id ?? null)) || (await unsubscribeFromKind(token));
  // Already ended is a success too: a second click, or the mail client's POST after the button.
  return { ended: ended || !(await findByUnsubscribeToken(token)) };
}

export default function UnsubscribePage() {
  const t = useT();
  const { scope } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow card">
      <h1>{t("follow.unsubscribe.title")}</h1>
      {result?.ended ? (
        <p role="status">{t("follow.unsubscribe.done")}</p>
      ) : scope ? (
        <Form method="post">
          <p>{t("follow.unsubscribe.question", { scope })}</p>
          <button type="submit" className="button primary">
            {t("follow.unsubscribe.button")}
          </button>
        </Form>
      ) : (
        <p>{t("follow.unsubscribe.unknown")}</p>
      )}
    </section>
  );
}
