import { deliverOutbox } from "~/utils/mailer.server";
import { sendReviewReminders } from "../collegium/reviews.server";
import { resumeBulkAnswers } from "../rounds/bulk-answers.server";
import { groupPendingProposals } from "../rounds/proposal-groups.server";
import { buildDueSummaryFiles } from "../rounds/summary-file.server";
import { advanceRounds } from "../rounds/round-scheduler.server";
import { sendDailyDigests } from "./notification-digest.server";

/**
 * What every web process does on a timer: open and close rounds whose time has come (with
 * their notifications), remind reviewers who have not decided as a review's due date nears,
 * queue the daily digests that are due, group proposals left without a campaign group (stored
 * before grouping existed), resume bulk answers a stopped process left running, build the summary DOCX
 * files that are due, then send
 * pending e-mail. Each claims its work with
 * conditional updates, so running this in several processes at once is safe. Returns a stop function.
 */
export function startBackgroundJobs(intervalMs: number): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    const now = new Date();
    advanceRounds(now)
      .then(() => sendReviewReminders(now))
      .then(() => sendDailyDigests(now))
      .then(() => groupPendingProposals())
      .then(() => resumeBulkAnswers(now))
      .then(() => buildDueSummaryFiles(now))
      .then(() => deliverOutbox())
      .catch((error: unknown) => console.error("background jobs failed", error))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
