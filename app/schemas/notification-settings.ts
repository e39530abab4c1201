import { z } from "zod";
import { EMAIL_MODES, OPTIONAL_KINDS, type NotificationKind } from "~/models/notifications/notification-kinds";

const modeChoice = z.enum(EMAIL_MODES, { errorMap: () => ({ message: "errors.required" }) });

/** One choice per optional kind; a value outside the list is refused, never read as "off". */
export const NotificationSettingsSchema = z.object(
  Object.fromEntries(OPTIONAL_KINDS.map((kind) => [kind, modeChoice])) as Record<NotificationKind, typeof modeChoice>,
);
