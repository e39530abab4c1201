import { MODERATION_REASONS } from "./moderation-reasons";

/**
 * The participation rules page of this deployment. Its wording comes from the translation
 * files unless a platform admin has written the deployment's own for a language (a ministry's
 * rules are its own legal text). The rules themselves stay the moderation reasons: a hidden
 * proposal names one of them, so a deployment rewords them but cannot remove one.
 */
export const RULE_TEXT_KEYS = [
  "rules.lead",
  ...MODERATION_REASONS.map((reason) => `rules.items.${reason}` as const),
  "rules.moderation",
  "rules.flagging",
] as const;
export type RuleTextKey = (typeof RULE_TEXT_KEYS)[number];

export const RULE_TEXT_MAX_LENGTH = 4000;
