/**
 * `npm run bench:queue` (`-- --quick` for a short run): how long the signed-in home page's work
 * queue takes to build (`loadWorkQueue`, every section with its policy checks) on SQLite with
 * the demo world plus many drafts shared with one NGO and many closed rounds with unanswered
 * proposals, for a partner, ministry staff, a collegium member and the platform admin (who
 * reaches every draft). p50/p95 in ms as a Markdown table. Numbers are for a quiet machine.
 * Environment: BENCH_RUNS (30), BENCH_DRAFTS (2000; 200 with --quick).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Histogram } from "./lib/histogram";

const quick = process.argv.includes("--quick");
const RUNS = Number(process.env.BENCH_RUNS ?? (quick ? 5 : 30));
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? (quick ? 200 : 2000));
const PEOPLE = ["lilit@ucfo.example", "anahit@mta.example", "armen@ucfo.example", "admin@agora.example"];

const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-queue-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

// The app's modules read DATABASE_URL when first used: imported only now.
const { applyMigrations } = await import("../app/utils/migrations.server");
const { db } = await import("../app/utils/db.server");
const { seedDemoData } = await import("../prisma/seed/demo");
const { loadActor } = await import("../app/models/accounts/actors.server");
const { loadWorkQueue } = await import("../app/models/queue/work-queue.server");

try {
  await applyMigrations(process.env.DATABASE_URL);
  await seedDemoData(db());
  const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
  const ucfo = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
  const lilit = await db().user.findFirstOrThrow({ where: { email: "lilit@ucfo.example" } });
  const seededRound = await db().consultationRound.findFirstOrThrow();
  for (let i = 0; i < DRAFTS; i++) {
    const draft = await db().draft.create({
      data: {
        kind: "LAW",
        ownerOrganizationId: mta.id,
        titleEn: `Bench draft ${i}`,
        access:
          i % 2 === 0 ? { create: { organizationId: ucfo.id, level: i % 4 === 0 ? "EDIT" : "COMMENT" } } : undefined,
      },
    });
    await db().auditEvent.create({
      data: { actorId: lilit.id, action: "draft.update", objectType: "Draft", objectId: draft.id },
    });
    if (i % 10 === 0) {
      await db().consultationRound.create({
        data: {
          draftId: draft.id,
          versionId: seededRound.versionId,
          title: `Bench round ${i}`,
          opensAt: new Date(Date.now() - 20 * 86_400_000),
          closesAt: new Date(Date.now() - 86_400_000),
          audience: "PUBLIC",
          status: "CLOSED",
          proposals: {
            create: [1, 2, 3].map((number) => ({
              number,
              articleId: "a1",
              proposedText: `Proposal ${number}`,
              justification: "",
              authorId: lilit.id,
            })),
          },
        },
      });
    }
  }
  const rows: string[] = [];
  for (const email of PEOPLE) {
    const user = await db().user.findFirstOrThrow({ where: { email } });
    const person = { id: user.id, actor: await loadActor(user) };
    await loadWorkQueue(person);
    const histogram = new Histogram();
    let counts = "";
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const queue = await loadWorkQueue(person);
      histogram.record(performance.now() - start);
      counts = Object.entries(queue)
        .map(([name, s]) => `${name} ${s.count}`)
        .join(", ");
    }
    rows.push(
      `| ${email} | ${counts} | ${histogram.percentile(50).toFixed(1)} | ${histogram.percentile(95).toFixed(1)} |`,
    );
  }
  console.log(`\nWork queue, SQLite, ${DRAFTS} extra drafts, ${RUNS} runs each\n`);
  console.log("| person | counts | p50 ms | p95 ms |\n| --- | --- | --- | --- |\n" + rows.join("\n"));
} finally {
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
