import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/current-user.server";
import { Field, FormError } from "~/components/field";
import { TextAreaField } from "~/components/text-area-field";
import { pageTitle } from "~/i18n/page-title";
import { useT } from "~/i18n/use-t";
import { sendAccessibilityFeedback } from "~/models/accessibility/feedback.server";
import { AccessibilityFeedbackSchema } from "~/schemas/accessibility-feedback";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { RateLimitedError, retryAfter } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/read-form.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("accessibility.title"));

/** Passes the action's Retry-After (429) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

/** The day this statement was last reviewed (the EU model asks for the date of preparation). */
const PREPARED_ON = "2026-12-02";

/** Anyone may write, signed in or not: a barrier may be the very thing that keeps one from signing in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getCurrentUser(request);
  const parsed = parseForm(AccessibilityFeedbackSchema, await readForm(request));
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors }, { status: 400 });
  try {
    await sendAccessibilityFeedback(parsed.value, { userId: user?.id ?? null, address: context.clientAddress });
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error;
    return data(
      { sent: false, errors: { form: error.messageKey } as FieldErrors },
      { status: 429, headers: retryAfter(error.retryAfterSeconds) },
    );
  }
  return { sent: true, errors: {} as FieldErrors };
}

export default function AccessibilityStatementPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <article className="statement">
      <h1>{t("accessibility.title")}</h1>
      <p>{t("accessibility.intro")}</p>

      <h2>{t("accessibility.status.title")}</h2>
      <p>{t("accessibility.status.text")}</p>

      <h2>{t("accessibility.gaps.title")}</h2>
      <ul>
        <li>{t("accessibility.gaps.exports")}</li>
        <li>{t("accessibility.gaps.editor")}</li>
        <li>{t("accessibility.gaps.uploads")}</li>
      </ul>

      <h2>{t("accessibility.preparation.title")}</h2>
      <p>{t("accessibility.preparation.text", { date: t.date(PREPARED_ON) })}</p>

      <h2 id="feedback">{t("accessibility.feedback.title")}</h2>
      <p>{t("accessibility.feedback.text")}</p>
      {result?.sent ? (
        <p className="notice" role="status" data-testid="feedback-sent">
          {t("accessibility.feedback.sent")}
        </p>
      ) : (
        <Form method="post" noValidate className="card stack" aria-labelledby="feedback">
          <FormError error={errors.form} />
          <TextAreaField
            label={t("accessibility.feedback.message")}
            name="message"
            error={errors.message}
            required
            rows={5}
          />
          <Field label={t("accessibility.feedback.name")} name="name" autoComplete="name" error={errors.name} />
          <Field
            label={t("accessibility.feedback.email")}
            name="email"
            type="email"
            autoComplete="email"
            error={errors.email}
          />
          <Field label={t("accessibility.feedback.pageUrl")} name="pageUrl" type="url" error={errors.pageUrl} />
          <button type="submit" className="button primary" data-testid="feedback-send">
            {t("accessibility.feedback.send")}
          </button>
        </Form>
      )}

      <h2>{t("accessibility.enforcement.title")}</h2>
      <p>{t("accessibility.enforcement.text")}</p>
    </article>
  );
}
