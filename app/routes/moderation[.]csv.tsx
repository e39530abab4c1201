import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/current-user.server";
import { csvDocument } from "~/exports/summary-csv.server";
import { formatDate } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { serverT } from "~/i18n/server-t.server";
import { fullModerationLog } from "~/models/moderation/moderation-log.server";
import { forbidden } from "~/boundary/request-boundary.server";
import { moderatedObjectPath, moderatorOrganizations } from "~/models/moderation/moderator-scope.server";

/**
 * The moderation log as CSV, in the reader's language, with the summary's CSV rules: the
 * notes are moderators' free text and could start with "=": every cell is guarded.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const organizations = moderatorOrganizations(user);
  if (organizations.length === 0) throw forbidden();
  const t = serverT(resolveLocale(request, user.locale));
  const lines = await fullModerationLog(organizations);
  const header = ["when", "action", "object", "reason", "note", "by"].map((c) => t(`moderation.log.${c}`));
  const records = lines.map((line) => [
    formatDate(t, line.createdAt, true),
    t(`moderation.log.actions.${line.action}`),
    `${t(`moderation.log.objects.${line.objectType}`)} ${line.objectId} (${moderatedObjectPath(line)})`,
    line.reason ? t(`moderation.reasons.${line.reason}`) : "",
    line.note,
    line.actor?.name ?? "",
  ]);
  return new Response(csvDocument([header, ...records]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="moderation-log.csv"',
    },
  });
}
