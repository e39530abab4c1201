import type { Locale } from "~/i18n/config";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { RULE_TEXT_KEYS, type RuleTextKey } from "./rule-texts";

export type RuleTexts = Partial<Record<RuleTextKey, string>>;

/** The deployment's own wording in one language, by key, and when it last changed. */
export async function deploymentRuleTexts(locale: Locale): Promise<{ texts: RuleTexts; updatedAt: Date | null }> {
  const rows = await db().deploymentText.findMany({
    where: { locale, key: { in: [...RULE_TEXT_KEYS] } },
    select: { key: true, text: true, updatedAt: true },
  });
  const texts: RuleTexts = {};
  let updatedAt: Date | null = null;
  for (const row of rows) {
    texts[row.key as RuleTextKey] = row.text;
    if (!updatedAt || row.updatedAt > updatedAt) updatedAt = row.updatedAt;
  }
  return { texts, updatedAt };
}

/**
 * Stores one language's wording as the admin left the form: a filled field replaces the
 * default, an empty one goes back to it (the form says so). Audited with the keys changed.
 */
export async function saveRuleTexts(actorId: string, locale: Locale, texts: Record<RuleTextKey, string>) {
  await db().$transaction(async (tx) => {
    const before = await tx.deploymentText.findMany({ where: { locale, key: { in: [...RULE_TEXT_KEYS] } } });
    const previous = new Map(before.map((row) => [row.key, row.text]));
    const changed: string[] = [];
    for (const key of RULE_TEXT_KEYS) {
      const text = texts[key].trim();
      if ((previous.get(key) ?? "") === text) continue;
      changed.push(key);
      if (text === "") await tx.deploymentText.delete({ where: { key_locale: { key, locale } } });
      else
        await tx.deploymentText.upsert({
          where: { key_locale: { key, locale } },
          create: { key, locale, text, updatedById: actorId },
          update: { text, updatedById: actorId },
        });
    }
    if (changed.length === 0) return;
    await audit(tx, {
      actorId,
      action: "rules.edit",
      objectType: "DeploymentText",
      objectId: locale,
      details: { locale, changed },
    });
  });
}
