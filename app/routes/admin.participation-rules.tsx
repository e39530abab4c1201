import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/current-user.server";
import { allow, handleForm, InvalidInput } from "~/boundary/request-boundary.server";
import { FormError } from "~/components/field";
import { TextAreaField } from "~/components/text-area-field";
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/config";
import { pageTitle } from "~/i18n/page-title";
import { serverT } from "~/i18n/server-t.server";
import { useT } from "~/i18n/use-t";
import { deploymentRuleTexts, saveRuleTexts } from "~/models/moderation/participation-rules.server";
import { RULE_TEXT_KEYS, RULE_TEXT_MAX_LENGTH, type RuleTextKey } from "~/models/moderation/rule-texts";
import { PLATFORM } from "~/policies";
import { parseValues } from "~/utils/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("rules.admin.title"));

/** The language being worded: `?lang=`, else the admin's own. */
function wordedLocale(request: Request, fallback: Locale): Locale {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLocale(asked) ? asked : fallback;
}

/** A platform admin words this deployment's participation rules, language by language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "admin.editParticipationRules", PLATFORM, { hide: true });
  const locale = wordedLocale(request, isLocale(user.locale) ? user.locale : "hy");
  const { texts } = await deploymentRuleTexts(locale);
  const t = serverT(locale);
  const defaults = Object.fromEntries(RULE_TEXT_KEYS.map((key) => [key, t(key)])) as Record<RuleTextKey, string>;
  return { locale, texts, defaults };
}

const RuleTextsSchema = z.object(
  Object.fromEntries(
    RULE_TEXT_KEYS.map((key) => [
      key,
      z.string().max(RULE_TEXT_MAX_LENGTH, `rules.admin.tooLong?max=${RULE_TEXT_MAX_LENGTH}`).default(""),
    ]),
  ) as Record<RuleTextKey, z.ZodDefault<z.ZodString>>,
);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await allow(request, user, "admin.editParticipationRules", PLATFORM, { hide: true });
  const locale = wordedLocale(request, "hy");
  return handleForm(request, {
    audit: { action: "rules.edit", objectType: "DeploymentText", objectId: locale },
    handle: async ({ form }) => {
      const parsed = parseValues(RuleTextsSchema, Object.fromEntries(form.entries()));
      if (!parsed.ok) throw new InvalidInput(parsed.errors);
      await saveRuleTexts(user.id, locale, parsed.value as Record<RuleTextKey, string>);
    },
  });
}

/** What each field of the form is, in the admin's language. */
function fieldLabel(t: ReturnType<typeof useT>, key: RuleTextKey): string {
  if (key.startsWith("rules.items.")) {
    return t("rules.admin.fields.rule", { reason: t(`moderation.reasons.${key.slice("rules.items.".length)}`) });
  }
  return t(`rules.admin.fields.${key.slice("rules.".length)}`);
}

export default function ParticipationRulesAdminPage() {
  const t = useT();
  const { locale, texts, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const saving = useNavigation().state === "submitting";
  return (
    <section className="narrow stack">
      <h1>{t("rules.admin.title")}</h1>
      <p>{t("rules.admin.lead")}</p>
      <nav aria-label={t("rules.admin.language")} className="language-tabs">
        {LOCALES.map((code) => (
          <Link key={code} to={`?lang=${code}`} aria-current={code === locale ? "page" : undefined} lang={code}>
            {LOCALE_NAMES[code]}
          </Link>
        ))}
      </nav>
      {/* Keyed by language: switching tabs shows that language's stored wording, not the last one typed. */}
      <Form method="post" action={`?lang=${locale}`} className="card stack" key={locale} noValidate>
        <FormError error={errors.form} />
        {RULE_TEXT_KEYS.map((key) => (
          <TextAreaField
            key={key}
            name={key}
            lang={locale}
            label={fieldLabel(t, key)}
            defaultValue={texts[key] ?? ""}
            hint={`${t("rules.admin.default")} ${defaults[key]}`}
            error={errors[key]}
            maxLength={RULE_TEXT_MAX_LENGTH}
          />
        ))}
        {result?.ok ? <p role="status">{t("rules.admin.saved")}</p> : null}
        <p>
          <button type="submit" className="button primary" disabled={saving}>
            {t("rules.admin.save")}
          </button>{" "}
          <Link to="/participation-rules">{t("rules.title")}</Link>
        </p>
      </Form>
    </section>
  );
}
