import { generateToken } from "~/auth/tokens.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import {
  DEFAULT_EMAIL_MODE,
  EMAIL_MODES,
  OPTIONAL_KINDS,
  type EmailMode,
  type NotificationKind,
} from "./notification-kinds";

const asMode = (value: string): EmailMode =>
  (EMAIL_MODES as readonly string[]).includes(value) ? (value as EmailMode) : DEFAULT_EMAIL_MODE;

/**
 * How this person wants e-mail about an optional kind, with the kind's unsubscribe secret.
 * The row (and so the secret) is made the first time such an e-mail goes out, so every
 * e-mail of the kind carries the same link and one click stops all of them.
 */
export async function emailModeFor(
  tx: Tx,
  userId: string,
  kind: NotificationKind,
): Promise<{ mode: EmailMode; unsubscribeToken: string | null }> {
  const row = await tx.notificationSetting.upsert({
    where: { userId_kind: { userId, kind } },
    create: { userId, kind, email: DEFAULT_EMAIL_MODE, unsubscribeToken: generateToken() },
    update: {},
  });
  return { mode: asMode(row.email), unsubscribeToken: row.unsubscribeToken };
}

/** Every optional kind with this person's choice (the default where they made none). */
export async function notificationSettings(userId: string): Promise<{ kind: NotificationKind; email: EmailMode }[]> {
  const rows = await db().notificationSetting.findMany({ where: { userId } });
  return OPTIONAL_KINDS.map((kind) => ({
    kind,
    email: asMode(rows.find((r) => r.kind === kind)?.email ?? DEFAULT_EMAIL_MODE),
  }));
}

/** Saves the person's choices for the optional kinds named; other kinds cannot be switched off. */
export async function saveNotificationSettings(userId: string, choices: Partial<Record<NotificationKind, EmailMode>>) {
  await db().$transaction(async (tx) => {
    for (const kind of OPTIONAL_KINDS) {
      const email = choices[kind];
      if (!email) continue;
      await tx.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, email, unsubscribeToken: generateToken() },
        update: { email },
      });
    }
    await audit(tx, {
      actorId: userId,
      action: "notifications.settings",
      objectType: "User",
      objectId: userId,
      details: choices,
    });
  });
}

export function findSettingByUnsubscribeToken(token: string) {
  if (!token) return Promise.resolve(null);
  return db().notificationSetting.findUnique({
    where: { unsubscribeToken: token },
    include: { user: { select: { locale: true } } },
  });
}

/** The one-click link of an optional kind's e-mail: no more e-mail of that kind (in-app stays). */
export async function unsubscribeFromKind(token: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const row = await tx.notificationSetting.findUnique({ where: { unsubscribeToken: token } });
    if (!row || row.email === "OFF") return false;
    await tx.notificationSetting.update({ where: { id: row.id }, data: { email: "OFF" } });
    await audit(tx, {
      actorId: null,
      action: "notifications.unsubscribe",
      objectType: "User",
      objectId: row.userId,
      details: { kind: row.kind },
    });
    return true;
  });
}
