/**
 * Every kind of notification the platform sends, in one list. A kind is either **required**
 * (a duty or a record: the e-mail always goes, immediately, and carries no unsubscribe
 * link) or **optional** (the person chooses e-mail immediately, in a daily digest, or not at
 * all; the in-app notice is always kept). A new kind (a meeting invitation, say) is one row
 * here plus its `email.<kind>` and `notifications.kinds.<kind>` texts.
 */
export const NOTIFICATION_KINDS = {
  "draft.shared": { optional: true },
  "round.opened": { optional: true },
  "round.closing": { optional: true },
  "round.closed": { optional: true },
  "proposal.received": { optional: false },
  "proposal.answered": { optional: true },
  "review.sent": { optional: false },
  "review.due": { optional: false },
  "review.outcome": { optional: true },
  // A meeting's invitation, changes and cancellation keep the member's calendar right: duties.
  "meeting.invited": { optional: false },
  "meeting.changed": { optional: false },
  "meeting.cancelled": { optional: false },
  "meeting.minutesCirculated": { optional: true },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const OPTIONAL_KINDS = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter(
  (kind) => NOTIFICATION_KINDS[kind].optional,
);

export const EMAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** Without a setting, optional kinds are e-mailed at once, as before settings existed. */
export const DEFAULT_EMAIL_MODE: EmailMode = "IMMEDIATE";

export const isOptionalKind = (kind: string): kind is NotificationKind => (OPTIONAL_KINDS as string[]).includes(kind);
