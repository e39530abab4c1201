/**
 * One submission, profiled: runs `submitProposal` one at a time (no concurrency, so the
 * numbers are the cost of a submission, not of a queue) and reports per submission the wall
 * time, the process CPU, and the SQL statements the database client sent (by kind), then the
 * same for the grouping that follows. Prints one JSON line.
 *
 * With a wave size above 1, that many submissions start together (one batch, as in a burst).
 *
 * Usage: tsx bench/campaigns/submit-profile.ts <sqlite|postgres> [count] [wave]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../app/generated/prisma/sqlite/client";
import { PrismaClient as PostgresClient } from "../../app/generated/prisma/postgres/client";
import { groupPendingProposals } from "../../app/models/rounds/proposal-groups.server";
import { submitProposal } from "../../app/models/rounds/proposals.server";
import { db, type Db } from "../../app/utils/db.server";
import { parsePostgresUrl } from "../../app/utils/env.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { recoveringSqliteAdapter } from "../../app/utils/sqlite-adapter.server";
import { campaign, distinctProposal, seededRandom } from "../../tests/helpers/campaign-texts";
import { createUser } from "../../tests/helpers/factories";
import { asCurrentUser, openRound } from "../../tests/helpers/open-round";
import { createPostgresBenchDatabase } from "../lib/postgres";

const statements: string[] = [];
const durations = new Map<string, number>();
const LOG = { log: [{ emit: "event" as const, level: "query" as const }] };

async function main() {
  const kind = process.argv[2] === "postgres" ? "postgres" : "sqlite";
  const count = Number(process.argv[3] ?? 200);
  const wave = Number(process.argv[4] ?? 1);
  let cleanup: () => Promise<void>;
  if (kind === "postgres") {
    const database = await createPostgresBenchDatabase();
    if ("unreachable" in database) throw new Error(database.unreachable);
    process.env.DATABASE_URL = database.databaseUrl;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-profile-"));
    process.env.DATABASE_URL = `file:${path.join(dir, "profile.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await applyMigrations(process.env.DATABASE_URL);
  const url = process.env.DATABASE_URL;
  const client =
    kind === "postgres"
      ? (new PostgresClient({
          adapter: new PrismaPg(
            { connectionString: parsePostgresUrl(url).connectionString },
            { schema: parsePostgresUrl(url).schema },
          ),
          ...LOG,
        }) as unknown as Db)
      : new SqliteClient({ adapter: recoveringSqliteAdapter({ url, timeout: 5000 }), ...LOG });
  (client as unknown as { $on(e: "query", f: (q: { query: string; duration: number }) => void): void }).$on(
    "query",
    (q) => {
      statements.push(q.query);
      const key = q.query.replace(/\s+/g, " ").slice(0, 70);
      durations.set(key, (durations.get(key) ?? 0) + q.duration);
    },
  );
  (globalThis as unknown as { agoraDb?: Db }).agoraDb = client;

  const { round } = await openRound("PUBLIC");
  const people: Awaited<ReturnType<typeof asCurrentUser>>[] = [];
  for (let i = 0; i < 20; i++) people.push(await asCurrentUser((await createUser()).id));
  const random = seededRandom(7);
  const copies = campaign(random, "hy", count);
  const texts = Array.from({ length: count }, (_, i) => (i % 2 ? distinctProposal(random, "hy") : copies[i]!));
  // Warm up (the frozen text's parse, the query plans).
  for (let i = 0; i < 10; i++) await submit(people, round.id, texts[i]!, i);
  await groupPendingProposals();

  statements.length = 0;
  durations.clear();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 10; i < count; i += wave)
    await Promise.all(
      texts.slice(i, Math.min(i + wave, count)).map((text, k) => submit(people, round.id, text, i + k)),
    );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const submitted = count - 10;
  const submitStatements = tally(statements.splice(0));

  const gcpu0 = process.cpuUsage();
  const g0 = performance.now();
  while ((await groupPendingProposals()) > 0);
  const gwall = performance.now() - g0;
  const gcpu = process.cpuUsage(gcpu0);
  const groupStatements = tally(statements.splice(0));

  console.log(
    JSON.stringify({
      kind,
      submitted,
      wave,
      submit: {
        msWall: wall / submitted,
        msCpu: (cpu.user + cpu.system) / 1000 / submitted,
        statements: per(submitStatements, submitted),
        // The database's own time per statement kind (ms per submission, as the client reports it).
        msByKind: Object.fromEntries([...durations].map(([k, v]) => [k, v / submitted])),
      },
      grouping: {
        msWall: gwall / submitted,
        msCpu: (gcpu.user + gcpu.system) / 1000 / submitted,
        statements: per(groupStatements, submitted),
      },
    }),
  );
  await db().$disconnect();
  await cleanup();
  process.exit(0);
}

function submit(people: Awaited<ReturnType<typeof asCurrentUser>>[], roundId: string, proposedText: string, i: number) {
  return submitProposal(people[i % people.length]!, roundId, {
    articleId: i % 3 ? "art-1" : "art-2",
    quote: null,
    proposedText,
    justification: "Հիմնավորում",
    onBehalfOf: "",
  });
}

function tally(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sql of list) {
    const key = sql.replace(/\s+/g, " ").slice(0, 70);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function per(counts: Map<string, number>, n: number) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return { total: total / n, byKind: Object.fromEntries([...counts].map(([k, v]) => [k, v / n])) };
}

await main();
