import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { createVersion } from "../../app/models/documents/versions.server";
import { db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { foldForSearch } from "../../app/utils/search-text";
import { seedDemoData } from "../../prisma/seed/demo";
import { lawDocument, STAFF_EMAIL } from "../rounds/fixture";
import { ARMENIAN } from "../rounds/text";

/** The rare word: in 20 proposals of the round, whatever its size. */
export const RARE_WORD = "ծիրանագույն";
export const CAMPAIGN_GROUP = "g-campaign";

const DAY = 86_400_000;
const SEED = 5;
const articleId = (i: number) => `art-${SEED}-${i}`;

/** A literal for SQL built here from values this file made (ids, numbers, our own words). */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * A temporary SQLite database with the demo data and one CLOSED public round over a
 * 300-article law holding `proposals` proposals, written by SQL (`INSERT … SELECT` over a
 * counter: a million rows in seconds, not the hours a million submissions would take):
 * a tenth are one campaign on the first article (one group), the others distinct, each its
 * own group, spread over the articles; 30 % on behalf of an organization; each indexed for
 * search as a submission would be; 20 of them hold a rare word.
 */
export async function prepareLargeRound(proposals: number, articles = 300) {
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-campaigns-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "campaigns.db")}`;
  await applyMigrations(process.env.DATABASE_URL);
  await seedDemoData(db());
  const staff = await db().user.update({ where: { email: STAFF_EMAIL }, data: { isDemo: false } });
  const ministry = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
  const users = await db().user.findMany({
    where: { isPlatformAdmin: false, memberships: { none: { organizationId: ministry.id } } },
    include: { memberships: { select: { organizationId: true } } },
    orderBy: { email: "asc" },
  });
  const { doc } = lawDocument(articles, SEED);
  const titleHy = `Համայնքների մասին օրենք (${proposals} առաջարկ)`;
  const draft = await db().draft.create({
    data: {
      kind: "LAW",
      status: "IN_CONSULTATION",
      titleHy,
      ownerOrganizationId: ministry.id,
      createdById: staff.id,
      searchText: foldForSearch(titleHy),
    },
  });
  await initializeDocument(draft.id, jsonToYUpdate(doc));
  const version = await createVersion(staff.id, draft.id, "Հանրային քննարկման տարբերակ");
  const now = Date.now();
  const round = await db().consultationRound.create({
    data: {
      draftId: draft.id,
      versionId: version.id,
      title: "Համազգային քննարկում",
      opensAt: new Date(now - 40 * DAY),
      closesAt: new Date(now - 2 * DAY),
      audience: "PUBLIC",
      status: "CLOSED",
      createdById: staff.id,
      lastProposalNumber: proposals,
    },
  });

  const started = performance.now();
  const campaignSize = Math.floor(proposals / 10);
  const at = `(SELECT "createdAt" FROM "ConsultationRound" WHERE "id" = ${literal(round.id)})`;
  const seq = `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${proposals})`;
  const words = ARMENIAN.flatMap((sentence) => foldForSearch(sentence).match(/[\p{L}\p{N}]+/gu) ?? []);
  const wordsTable = `words(k, w) AS (VALUES ${[...new Set(words)].map((w, k) => `(${k}, ${literal(w)})`).join(", ")})`;
  const wordCount = new Set(words).size;
  const authorsTable = `authors(k, id, org) AS (VALUES ${users
    .map((u, k) => `(${k}, ${literal(u.id)}, ${u.memberships[0] ? literal(u.memberships[0].organizationId) : "NULL"})`)
    .join(", ")})`;
  const word = (factor: number) => `(SELECT w FROM words WHERE k = (i * ${factor}) % ${wordCount})`;
  const campaignText = literal(words.slice(0, 24).join(" "));
  const distinctText = `${word(7)} || ' ' || ${word(13)} || ' ' || ${word(31)} || ' ' || ${word(57)} || ' ' || ${word(101)} || ' ' || ${word(211)} || ' ' || i`;
  // 20 proposals (never in the campaign) carry the rare word.
  const step = Math.max(1, Math.floor((proposals - campaignSize) / 20));
  const rare = `CASE WHEN i > ${campaignSize} AND (i - ${campaignSize} - 1) % ${step} = 0 AND (i - ${campaignSize} - 1) / ${step} < 20 THEN ' ${RARE_WORD}' ELSE '' END`;
  const article = `CASE WHEN i <= ${campaignSize} THEN ${literal(articleId(0))} ELSE 'art-${SEED}-' || ((i * 7919) % ${articles}) END`;

  await db()
    .$executeRawUnsafe(`INSERT INTO "ProposalGroup" ("id", "roundId", "articleId", "representativeId", "signature", "normalizedText", "createdAt")
    VALUES ('${CAMPAIGN_GROUP}', ${literal(round.id)}, ${literal(articleId(0))}, 'p-1', '', ${campaignText}, ${at})`);
  await db().$executeRawUnsafe(`${seq}
    INSERT INTO "ProposalGroup" ("id", "roundId", "articleId", "representativeId", "signature", "normalizedText", "createdAt")
    SELECT 'g-' || i, ${literal(round.id)}, ${article}, 'p-' || i, '', '', ${at} FROM seq WHERE i > ${campaignSize}`);
  await db().$executeRawUnsafe(`${seq}, ${wordsTable}, ${authorsTable}
    INSERT INTO "Proposal" ("id", "roundId", "number", "articleId", "proposedText", "justification", "authorId",
      "organizationId", "status", "groupId", "createdAt")
    SELECT 'p-' || i, ${literal(round.id)}, i, ${article},
      CASE WHEN i <= ${campaignSize} THEN ${campaignText} ELSE ${distinctText} || ${rare} END,
      ${word(3)} || ' ' || ${word(17)},
      (SELECT id FROM authors WHERE k = i % ${users.length}),
      CASE WHEN i % 10 < 3 THEN (SELECT org FROM authors WHERE k = i % ${users.length}) END,
      'SUBMITTED', CASE WHEN i <= ${campaignSize} THEN '${CAMPAIGN_GROUP}' ELSE 'g-' || i END, ${at}
    FROM seq`);
  await db()
    .$executeRawUnsafe(`INSERT INTO "SearchEntry" ("key", "kind", "draftId", "roundId", "proposalId", "text", "updatedAt")
    SELECT 'proposal:' || "id", 'PROPOSAL', ${literal(draft.id)}, "roundId", "id", "proposedText" || ' ' || "justification", "createdAt"
    FROM "Proposal" WHERE "roundId" = ${literal(round.id)}`);
  await db().$executeRawUnsafe(`ANALYZE`);
  const seedSeconds = (performance.now() - started) / 1000;
  return {
    dir,
    databaseUrl: process.env.DATABASE_URL,
    roundId: round.id,
    staffId: staff.id,
    proposals,
    articles,
    campaignSize,
    seedSeconds,
  };
}

/** Every proposal answered and the summary published, in SQL (for the summary page and the CSV). */
export async function answerAllAndPublish(roundId: string, staffId: string) {
  const started = performance.now();
  await db().$executeRawUnsafe(`UPDATE "Proposal" SET "decision" = 'NOTED', "answer" = 'Ընդունվել է ի գիտություն։',
    "answeredById" = ${literal(staffId)}, "answeredAt" = "createdAt" WHERE "roundId" = ${literal(roundId)} AND "decision" IS NULL`);
  await db().consultationRound.update({
    where: { id: roundId },
    data: { status: "ANSWERED", summaryPublishedAt: new Date() },
  });
  return (performance.now() - started) / 1000;
}
