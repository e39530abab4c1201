/**
 * The reasons a moderator (or a participant flagging) can choose, each one a rule of the
 * published participation rules page (`rules.items.<reason>`), named in `moderation.reasons.<reason>`.
 */
export const MODERATION_REASONS = ["insult", "personalData", "spam", "offTopic", "unlawful"] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

export function isModerationReason(value: unknown): value is ModerationReason {
  return typeof value === "string" && (MODERATION_REASONS as readonly string[]).includes(value);
}
