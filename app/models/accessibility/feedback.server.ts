import type { AccessibilityFeedbackInput } from "~/schemas/accessibility-feedback";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { enforceRateLimit, type RateSubjects } from "~/utils/rate-limit.server";

/**
 * Stores a message from the accessibility statement's form for the platform admins. The
 * rate limit is counted in the same transaction, so a refused message leaves nothing behind.
 */
export async function sendAccessibilityFeedback(
  input: AccessibilityFeedbackInput,
  sender: { userId: string | null; address: string },
) {
  const subjects: RateSubjects = { address: sender.address, ...(sender.userId ? { account: sender.userId } : {}) };
  return db().$transaction(async (tx) => {
    await enforceRateLimit(tx, "accessibilityFeedback", subjects);
    const feedback = await tx.accessibilityFeedback.create({ data: { ...input, userId: sender.userId } });
    await audit(tx, {
      actorId: sender.userId,
      action: "accessibilityFeedback.send",
      objectType: "accessibilityFeedback",
      objectId: feedback.id,
    });
    return feedback;
  });
}

/** The newest messages first, a page at a time, for the admins' list. */
export function listAccessibilityFeedback(page: { skip: number; take: number }) {
  return Promise.all([
    db().accessibilityFeedback.findMany({ orderBy: { createdAt: "desc" }, skip: page.skip, take: page.take }),
    db().accessibilityFeedback.count(),
  ]);
}
