import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { FollowForm } from "~/components/follow/follow-form";
import { OwnSubscriptions } from "~/components/follow/own-subscriptions";
import { resolveLocale } from "~/i18n/locale.server";
import { organizationName } from "~/i18n/localized-name";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import {
  describeScope,
  followableOrganizations,
  followableRound,
  validScope,
} from "~/models/follow/follow-choices.server";
import { DRAFT_KINDS, scopeFromForm, scopeOf } from "~/models/follow/follow-scope";
import {
  accountSubscriptions,
  requestSubscription,
  subscribeAccount,
  unsubscribe,
} from "~/models/follow/subscriptions.server";
import { can } from "~/policies";
import { FollowSchema, VisitorEmailSchema } from "~/schemas/follow";
import { auditRefusal } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { deliverOutbox } from "~/utils/mailer.server";
import { takeRateLimit } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.pageTitle ?? "Agora" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const locale = resolveLocale(request, user?.locale);
  const roundId = new URL(request.url).searchParams.get("round");
  const round = roundId ? await followableRound(roundId) : null;
  const subscriptions = user ? await accountSubscriptions(user.email) : [];
  return {
    pageTitle: `${serverT(locale)("follow.title")} · Agora`,
    signedIn: !!user,
    round,
    ministries: (await followableOrganizations()).map((o) => ({ id: o.id, name: organizationName(o, locale) })),
    kinds: DRAFT_KINDS,
    subscriptions: await Promise.all(
      subscriptions.map(async (s) => ({ id: s.id, label: await describeScope(scopeOf(s), locale) })),
    ),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  const form = await readForm(request);
  if (!can(user?.actor ?? null, "follow.subscribe")) throw new Response("Forbidden", { status: 403 });
  if (form.get("intent") === "stop") {
    // One's own subscriptions only: the id must be one of the account address's.
    const own = user ? await accountSubscriptions(user.email) : [];
    const row = own.find((s) => s.id === String(form.get("subscriptionId") ?? ""));
    if (!row) {
      await auditRefusal(request, user?.id, {
        action: "follow.stop",
        objectType: "Subscription",
        objectId: String(form.get("subscriptionId") ?? ""),
        reason: "not own",
      });
      return data({ done: null, errors: { form: "errors.notFound" } }, { status: 404 });
    }
    await unsubscribe(row.unsubscribeToken, user!.id);
    return { done: "stopped" as const, errors: {} as Record<string, string> };
  }
  const parsed = parseForm(FollowSchema, form);
  if (!parsed.ok) return data({ done: null, errors: parsed.errors }, { status: 400 });
  const scope = await validScope(scopeFromForm(parsed.value));
  if (!scope) return data({ done: null, errors: { form: "errors.notFound" } }, { status: 404 });
  if (user) {
    await subscribeAccount(user, scope);
    return { done: "followed" as const, errors: {} as Record<string, string> };
  }
  const visitor = parseForm(VisitorEmailSchema, form);
  if (!visitor.ok) return data({ done: null, errors: visitor.errors }, { status: 400 });
  // The same answer whatever happens next, over a limit too: the form must not tell whether
  // this address follows something already or was asked for a moment ago. Each request mails
  // a link, so both limits stop the form being used to flood someone's inbox.
  const limit = await takeRateLimit(db(), "follow", { email: visitor.value.email, address: context.clientAddress });
  if (limit.ok) {
    const locale = resolveLocale(request);
    context.afterResponse(() => {
      requestSubscription({ email: visitor.value.email, locale, scope })
        .then(() => deliverOutbox())
        .catch((error: unknown) => console.error("follow confirmation e-mail failed", error));
    });
  }
  return { done: "checkInbox" as const, errors: {} as Record<string, string> };
}

export default function FollowPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="narrow stack">
      <h1>{t("follow.title")}</h1>
      <p>{t("follow.lead")}</p>
      {result?.done ? (
        <p className="card notice" role="status">
          {t(result.done === "stopped" ? "follow.unsubscribe.done" : `follow.${result.done}`)}
        </p>
      ) : null}
      {result?.done === "checkInbox" ? null : (
        <FollowForm
          signedIn={loaded.signedIn}
          round={loaded.round}
          ministries={loaded.ministries}
          kinds={loaded.kinds}
          errors={result?.errors ?? {}}
        />
      )}
      {loaded.signedIn ? <OwnSubscriptions subscriptions={loaded.subscriptions} /> : null}
    </section>
  );
}
