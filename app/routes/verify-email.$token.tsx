import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { sessionCookie } from "~/auth/session.server";
import { FormError } from "~/components/field";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { confirmEmailChange } from "~/models/accounts/email-change.server";
import { confirmVerification, inspectEmailLink, type LinkState } from "~/models/accounts/email-verification.server";
import { safeRedirect } from "~/utils/origin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Agora" }];

/** Used and expired links answer 410 Gone, unknown ones 404, each with its own message. */
const statusOf = (link: LinkState) => (link.state === "ready" ? 200 : link.state === "unknown" ? 404 : 410);

/**
 * Opening the link only shows a button: mail scanners and link previews fetch links, and a
 * GET that used up the single-use link would leave the person with a dead one.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await inspectEmailLink(params.token ?? "");
  const title = `${serverT(resolveLocale(request))("citizens.verify.title")} · Agora`;
  const view = link.state === "ready" ? { state: link.state, purpose: link.purpose, email: link.email } : link;
  return data({ title, link: view }, { status: statusOf(link) });
}

export async function action({ params }: ActionFunctionArgs) {
  const link = await inspectEmailLink(params.token ?? "");
  if (link.state !== "ready") return data({ error: `citizens.verify.${link.state}` }, { status: statusOf(link) });
  if (link.purpose === "EMAIL_CHANGE") {
    const result = await confirmEmailChange(link.id);
    if (result === "changed") throw redirect("/profile?emailChanged=1");
    return data({ error: `citizens.verify.${result === "taken" ? "taken" : "used"}` }, { status: 409 });
  }
  const confirmed = await confirmVerification(link.id);
  if (!confirmed) return data({ error: "citizens.verify.used" }, { status: 410 });
  throw redirect(safeRedirect(confirmed.returnTo), { headers: { "Set-Cookie": sessionCookie(confirmed.token) } });
}

export default function VerifyEmailPage() {
  const t = useT();
  const { link } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>()?.error;
  return (
    <section className="narrow card">
      <h1>{t("citizens.verify.title")}</h1>
      {link.state === "ready" ? (
        <Form method="post" className="stack">
          <p>
            {t(link.purpose === "EMAIL_CHANGE" ? "citizens.verify.changeIntro" : "citizens.verify.intro", {
              email: link.email,
            })}
          </p>
          <FormError error={error} />
          <button type="submit" className="button primary" data-testid="verify-email">
            {t("citizens.verify.submit")}
          </button>
        </Form>
      ) : (
        <>
          <p role="alert" data-testid="verify-refused">
            {t(`citizens.verify.${link.state}`)}
          </p>
          <p>
            <Link to="/login">{t("nav.login")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
