/**
 * Campaign grouping, in process on a temporary SQLite database (docs/decisions/025):
 *
 * - **Cost per submission at two round sizes**: a round already holding `existing` distinct
 *   proposals on one article, each its own group with the 21 band rows a distinct proposal
 *   stores (seeded in SQL: random keys of the same shape, since what a lookup costs is the
 *   index, not the keys' meaning), then 500 new proposals (half one campaign's variants,
 *   half distinct) grouped by the real `groupPendingProposals`; ms per proposal.
 * - **Quality**: generated campaigns (tests/helpers/campaign-texts.ts) and distinct proposals
 *   grouped by the real code: the share of variants in their campaign's group, and the share
 *   of distinct proposals that ended up in a group with another proposal.
 *
 * Usage: tsx bench/campaigns/grouping.ts <existing…> (prints one JSON line).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { groupPendingProposals } from "../../app/models/rounds/proposal-groups.server";
import { db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { campaign, distinctProposal, seededRandom, TEXT_LANGUAGES } from "../../tests/helpers/campaign-texts";
import { createUser } from "../../tests/helpers/factories";
import { openRound } from "../../tests/helpers/open-round";

const NEW_PROPOSALS = 500;

async function groupAll(): Promise<void> {
  while ((await groupPendingProposals(1000)) > 0);
}

/** Stores texts as submitted, ungrouped, numbered after `from`. */
async function store(roundId: string, authorId: string, texts: string[], from: number, articleId = "art-1") {
  for (let i = 0; i < texts.length; i += 500) {
    await db().proposal.createMany({
      data: texts.slice(i, i + 500).map((proposedText, j) => ({
        roundId,
        number: from + i + j + 1,
        articleId,
        proposedText,
        justification: "",
        authorId,
      })),
    });
  }
}

/** `count` distinct proposals already grouped, each with its exact key and 20 band keys, in SQL. */
async function seedGrouped(roundId: string, authorId: string, count: number) {
  const at = plain`(SELECT "createdAt" FROM "ConsultationRound" WHERE "id" = '${roundId}')`;
  const seq = `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count})`;
  const tag = roundId.replace(/\W/g, "");
  await db().$executeRawUnsafe(`${seq}
    INSERT INTO "ProposalGroup" ("id", "roundId", "articleId", "representativeId", "signature", "normalizedText", "createdAt")
    SELECT 'g${tag}-' || i, '${roundId}', 'art-1', 'p${tag}-' || i, '', '', ${at} FROM seq`);
  await db().$executeRawUnsafe(`${seq}
    INSERT INTO "Proposal" ("id", "roundId", "number", "articleId", "proposedText", "justification", "authorId", "status", "groupId", "createdAt")
    SELECT 'p${tag}-' || i, '${roundId}', i, 'art-1', 'p ' || i, '', '${authorId}', 'SUBMITTED', 'g${tag}-' || i, ${at} FROM seq`);
  await db().$executeRawUnsafe(`${seq}, bands(b) AS (SELECT 0 UNION ALL SELECT b + 1 FROM bands WHERE b < 20)
    INSERT INTO "ProposalBand" ("roundId", "articleId", "key", "groupId")
    SELECT '${roundId}', 'art-1',
      CASE b WHEN 0 THEN 'x:' || lower(hex(randomblob(16))) ELSE 'b' || (b - 1) || ':' || lower(hex(randomblob(5))) END,
      'g${tag}-' || i FROM seq, bands`);
  await db().consultationRound.update({ where: { id: roundId }, data: { lastProposalNumber: count } });
}

/** Plain SQL text for the seeding statements (values are ids this script made). */
function plain(strings: TemplateStringsArray, ...values: string[]) {
  return strings.reduce((sql, part, i) => sql + part + (values[i] ?? ""), "");
}

async function costAt(existing: number) {
  const { round } = await openRound("PUBLIC");
  const author = await createUser();
  const seedStart = performance.now();
  await seedGrouped(round.id, author.id, existing);
  const seedS = (performance.now() - seedStart) / 1000;
  const random = seededRandom(existing);
  const texts = [
    ...campaign(random, "hy", NEW_PROPOSALS / 2),
    ...Array.from({ length: NEW_PROPOSALS / 2 }, () => distinctProposal(random, "hy")),
  ];
  await store(round.id, author.id, texts, existing);
  const start = performance.now();
  await groupAll();
  const ms = performance.now() - start;
  const bandRows = await db().proposalBand.count({ where: { roundId: round.id } });
  return { existing, bandRows, seedS, grouped: texts.length, msPerProposal: ms / texts.length };
}

async function quality(campaigns: number, variants: number, distinct: number) {
  const { round } = await openRound("PUBLIC");
  const author = await createUser();
  const random = seededRandom(2026);
  const campaignTexts = Array.from({ length: campaigns }, (_, c) =>
    campaign(random, TEXT_LANGUAGES[c % TEXT_LANGUAGES.length]!, variants),
  );
  const distinctTexts = Array.from({ length: distinct }, (_, d) =>
    distinctProposal(random, TEXT_LANGUAGES[d % TEXT_LANGUAGES.length]!),
  );
  const all = [...campaignTexts.flat(), ...distinctTexts];
  await store(round.id, author.id, all, 0);
  await groupAll();
  const rows = await db().proposal.findMany({
    where: { roundId: round.id },
    orderBy: { number: "asc" },
    select: { number: true, groupId: true },
  });
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(row.groupId!, (sizes.get(row.groupId!) ?? 0) + 1);
  let variantsGrouped = 0;
  for (let c = 0; c < campaigns; c++) {
    // The campaign's group: the one its original (first text) is in.
    const own = rows.slice(c * variants, (c + 1) * variants);
    variantsGrouped += own.slice(1).filter((row) => row.groupId === own[0]!.groupId).length;
  }
  const distinctRows = rows.slice(campaigns * variants);
  const wronglyGrouped = distinctRows.filter((row) => sizes.get(row.groupId!)! > 1).length;
  return {
    campaigns,
    variants,
    distinct,
    variantsGroupedShare: variantsGrouped / (campaigns * (variants - 1)),
    distinctWronglyGroupedShare: wronglyGrouped / distinct,
  };
}

async function main() {
  const sizes = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-grouping-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "grouping.db")}`;
  await applyMigrations(process.env.DATABASE_URL);
  const costs = [];
  for (const existing of sizes) costs.push(await costAt(existing));
  const biggest = Math.max(...sizes);
  const result = {
    costs,
    quality: await quality(
      biggest >= 100_000 ? 100 : 20,
      biggest >= 100_000 ? 100 : 50,
      biggest >= 100_000 ? 10_000 : 2_000,
    ),
  };
  console.log(JSON.stringify(result));
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

await main();
