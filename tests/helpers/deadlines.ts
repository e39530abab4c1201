import { db } from "~/utils/db.server";

/*
 * Deadlines that pass now instead of being waited for. A browser flow that waited for one in
 * real time held one of the suite's few workers idle for up to a minute. The date moves a
 * second into the past; the platform's own scheduler still notices and acts on it, so the flow
 * still sees the event happen by the clock. That nothing happens before the date is proved by
 * the model tests, which give the rules a clock of their own.
 */

/** The due date of these collegium reviews passes now. */
export async function letDueDatePass(reviewIds: string[]): Promise<void> {
  await db().collegiumReview.updateMany({
    where: { id: { in: reviewIds } },
    data: { dueAt: new Date(Date.now() - 1000) },
  });
}

/** The closing time of this consultation round passes now (it stays open until the scheduler closes it). */
export async function letRoundDeadlinePass(roundId: string): Promise<void> {
  await db().consultationRound.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 1000) } });
}
