/**
 * The proposal burst, in a process of its own per database (the model functions use the
 * process-wide database client): 200 participants submitting 100 proposals/s for the given
 * seconds through `submitProposal`, the same model call the round page's action makes (the
 * route's rate limit is not in the path: one address would hit it at once). A fixed
 * schedule, spread evenly (no coordinated omission): latency is completion − scheduled
 * time. Afterwards, once grouping has finished, every stored proposal is counted: "lost" is
 * scheduled − errors − stored. The process's CPU time over the burst, per submission, is the
 * platform's cost (with `--dry`, the same schedule with no submission behind it: what the load
 * generator itself costs, to show whether the bench is the limit). Prints one JSON line.
 *
 * Usage: tsx bench/campaigns/burst.ts <sqlite|postgres> <seconds> [--dry]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { whenGrouped } from "../../app/models/rounds/proposal-groups.server";
import { submitProposal } from "../../app/models/rounds/proposals.server";
import { db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { campaign, distinctProposal, seededRandom } from "../../tests/helpers/campaign-texts";
import { createUser } from "../../tests/helpers/factories";
import { asCurrentUser, openRound } from "../../tests/helpers/open-round";
import { Histogram } from "../lib/histogram";
import { createPostgresBenchDatabase } from "../lib/postgres";

const PARTICIPANTS = 200;
const RATE = 100;

async function main() {
  const kind = process.argv[2] === "postgres" ? "postgres" : "sqlite";
  const seconds = Number(process.argv[3] ?? 60);
  let cleanup: () => Promise<void>;
  if (kind === "postgres") {
    const database = await createPostgresBenchDatabase();
    if ("unreachable" in database) {
      console.log(JSON.stringify({ kind, skipped: database.unreachable }));
      process.exit(0);
    }
    process.env.DATABASE_URL = database.databaseUrl;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-burst-"));
    process.env.DATABASE_URL = `file:${path.join(dir, "burst.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await applyMigrations(process.env.DATABASE_URL);
  const { round } = await openRound("PUBLIC");
  const people: Awaited<ReturnType<typeof asCurrentUser>>[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) people.push(await asCurrentUser((await createUser()).id));

  // Half the burst is one campaign (with its small edits), half independent proposals.
  const random = seededRandom(7);
  const total = RATE * seconds;
  const copies = campaign(random, "hy", Math.ceil(total / 2));
  const texts = Array.from({ length: total }, (_, i) => (i % 2 ? distinctProposal(random, "hy") : copies[i / 2]!));

  const dry = process.argv.includes("--dry");
  const latency = new Histogram();
  let errors = 0;
  const firstErrors: string[] = [];
  const start = performance.now() + 200;
  const loadBefore = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  const submissions = texts.map(async (proposedText, i) => {
    const due = start + (i * 1000) / RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    try {
      if (dry) {
        latency.record(performance.now() - due);
        return;
      }
      await submitProposal(people[i % PARTICIPANTS]!, round.id, {
        articleId: i % 3 ? "art-1" : "art-2",
        quote: null,
        proposedText,
        justification: "Հիմնավորում",
        onBehalfOf: "",
      });
      latency.record(performance.now() - due);
    } catch (error) {
      errors++;
      if (firstErrors.length < 3) firstErrors.push(String((error as Error).message).slice(0, 200));
    }
  });
  await Promise.all(submissions);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuAfterSubmissions = process.cpuUsage();
  await whenGrouped();
  const groupingCpu = process.cpuUsage(cpuAfterSubmissions);
  const stored = await db().proposal.count({ where: { roundId: round.id } });
  const ungrouped = await db().proposal.count({ where: { roundId: round.id, groupId: null } });
  const numbers = await db().proposal.aggregate({ where: { roundId: round.id }, _max: { number: true } });
  console.log(
    JSON.stringify({
      kind,
      seconds,
      participants: PARTICIPANTS,
      rate: RATE,
      scheduled: total,
      stored,
      lost: total - errors - stored,
      errors,
      firstErrors,
      ungrouped,
      maxNumber: numbers._max.number,
      elapsed,
      dry,
      // Grouping runs alongside the burst (after each batch's commit): most of it is in the first figure.
      cpuMsPerSubmission: (cpu.user + cpu.system) / 1000 / total,
      groupingTailCpuMs: (groupingCpu.user + groupingCpu.system) / 1000,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      p50: latency.percentile(50),
      p99: latency.percentile(99),
      max: latency.percentile(100),
    }),
  );
  await db().$disconnect();
  await cleanup();
  process.exit(0);
}

await main();
