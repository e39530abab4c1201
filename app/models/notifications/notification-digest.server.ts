import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import { queueEmail } from "~/utils/mailer.server";
import { appLink } from "~/utils/origin.server";
import { unsubscribeLink } from "../follow/follower-mail.server";

export const DIGEST_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily digest: a person whose oldest waiting digest line is a day old gets one e-mail
 * with every line waiting, in their language, with the unsubscribe link of each kind it
 * holds. The lines are claimed in the same transaction as the e-mail is queued; when another
 * process claimed any of them first the whole step rolls back, so no line is mailed twice.
 * `now` comes from the caller (the background jobs pass the clock, tests any moment).
 */
export async function sendDailyDigests(now: Date): Promise<number> {
  const due = await db().notification.findMany({
    where: {
      digestLine: { not: null },
      digestedAt: null,
      createdAt: { lte: new Date(now.getTime() - DIGEST_EVERY_MS) },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
  let sent = 0;
  for (const { userId } of due) {
    const mailed = await db()
      .$transaction(async (tx) => {
        const lines = await tx.notification.findMany({
          where: { userId, digestLine: { not: null }, digestedAt: null },
          orderBy: { createdAt: "asc" },
          select: { id: true, kind: true, digestLine: true },
        });
        const claimed = await tx.notification.updateMany({
          where: { id: { in: lines.map((l) => l.id) }, digestedAt: null },
          data: { digestedAt: now },
        });
        if (claimed.count !== lines.length) throw new DigestTaken();
        const person = await tx.user.findUniqueOrThrow({ where: { id: userId } });
        if (!person.isActive || lines.length === 0) return false;
        const t = serverT(isLocale(person.locale) ? person.locale : DEFAULT_LOCALE);
        const settings = await tx.notificationSetting.findMany({
          where: { userId, kind: { in: [...new Set(lines.map((l) => l.kind))] } },
        });
        const stops = settings.map(
          (s) => `${t(`notifications.settings.kinds.${s.kind}`)}: ${unsubscribeLink(s.unsubscribeToken)}`,
        );
        await queueEmail(tx, {
          to: person.email,
          subject: t("email.digest.subject", { count: lines.length }),
          body: t("email.digest.body", {
            lines: lines.map((l) => l.digestLine).join("\n\n"),
            link: appLink("/notifications"),
            settings: appLink("/notifications/settings"),
            stops: stops.join("\n"),
          }),
        });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof DigestTaken) return false;
        throw error;
      });
    if (mailed) sent++;
  }
  return sent;
}

class DigestTaken extends Error {}
