import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { article, part, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { createVersion } from "../../app/models/documents/versions.server";
import { db } from "../../app/utils/db.server";
import { applyMigrations } from "../../app/utils/migrations.server";
import { foldForSearch } from "../../app/utils/search-text";
import { seedDemoData } from "../../prisma/seed/demo";
import {
  ANSWERS_HY,
  ARMENIAN,
  JUSTIFICATIONS_HY,
  JUSTIFICATIONS_RU,
  PROPOSAL_OPENINGS_HY,
  PROPOSAL_OPENINGS_RU,
  RUSSIAN,
} from "./text";

export const STAFF_EMAIL = "anahit@mta.example";
const DAY = 24 * 60 * 60 * 1000;
const DECISIONS = ["ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED", "NOTED"] as const;
/** Cumulative shares of the decisions above: 20 % accepted, 20 % partially, 35 % rejected, 25 % noted. */
const DECISION_SHARES = [0.2, 0.4, 0.75, 1];
const ARTICLE_TITLES = [
  "Համայնքի բյուջեի հրապարակայնությունը",
  "Ավագանու նիստերի հրապարակայնությունը",
  "Բնակիչների մասնակցությունը որոշումների ընդունմանը",
  "Համայնքային ենթակայության կազմակերպությունները",
  "Համայնքային սեփականության օտարումը",
  "Վարչական ղեկավարի լիազորությունները",
  "Տեղական հանրաքվեն",
  "Որոշումների բողոքարկումը",
  "Սուբվենցիաները",
  "Բնակիչների ժողովը",
  "Անցումային դրույթներ",
];

/** mulberry32: a small seeded generator, so every run stores the same rows. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const some = (items: readonly string[], min: number, max: number) =>
    Array.from({ length: int(min, max) }, () => pick(items)).join(" ");
  return { next, int, pick, some };
}

/**
 * A draft of `count` articles in Armenian, 2–5 parts of 1–3 sentences each (≈ 0.8 k characters
 * per article, like a real law), and the sentences of each article for quoting.
 */
export function lawDocument(count: number, seed: number): { doc: DocNode; sentences: string[][] } {
  const r = random(seed);
  const sentences: string[][] = [];
  const content = Array.from({ length: count }, (_, i) => {
    const parts = Array.from({ length: r.int(2, 5) }, () =>
      Array.from({ length: r.int(1, 3) }, () => r.pick(ARMENIAN)),
    );
    sentences.push(parts.flat());
    return article(
      `art-${seed}-${i}`,
      ARTICLE_TITLES[i % ARTICLE_TITLES.length]!,
      ...parts.map((text, j) => part(`art-${seed}-${i}-p${j}`, text.join(" "))),
    );
  });
  return { doc: { type: "doc", content }, sentences };
}

export type BenchRound = { roundId: string; draftId: string; articles: number; proposals: number; textKb: number };

type Author = { id: string; russian: boolean; organizationId: string | null };

/**
 * A PUBLIC round, closed and with its summary published, over a new draft of the demo
 * ministry: `proposalCount` proposals by the non-ministry demo users (some on behalf of
 * their organization, some personally), skewed towards some articles, every one answered.
 */
async function createAnsweredRound(
  staff: { id: string; organizationId: string },
  authors: Author[],
  articleCount: number,
  proposalCount: number,
  seed: number,
): Promise<BenchRound> {
  const r = random(seed);
  const now = Date.now();
  const { doc, sentences } = lawDocument(articleCount, seed);
  const titleHy = `Տեղական ինքնակառավարման մասին օրենքում փոփոխություններ (${articleCount} հոդված)`;
  const draft = await db().draft.create({
    data: {
      kind: "LAW",
      status: "REVISION",
      titleHy,
      titleRu: `Изменения в закон о местном самоуправлении (${articleCount} статей)`,
      ownerOrganizationId: staff.organizationId,
      createdById: staff.id,
      searchText: foldForSearch(titleHy),
    },
  });
  await initializeDocument(draft.id, jsonToYUpdate(doc));
  const version = await createVersion(staff.id, draft.id, "Հանրային քննարկման տարբերակ");
  const opensAt = new Date(now - 40 * DAY);
  const closesAt = new Date(now - 20 * DAY);
  const round = await db().consultationRound.create({
    data: {
      draftId: draft.id,
      versionId: version.id,
      title: "Հանրային քննարկում",
      description: "Առաջարկները ներկայացվում են հոդվածների վերաբերյալ։",
      opensAt,
      closesAt,
      audience: "PUBLIC",
      status: "ANSWERED",
      summaryPublishedAt: new Date(now - 5 * DAY),
      createdById: staff.id,
    },
  });

  // Some articles draw far more proposals than others: a random popularity order, squared.
  const popularity = Array.from({ length: articleCount }, (_, i) => i).sort(() => r.next() - 0.5);
  const window = closesAt.getTime() - opensAt.getTime();
  const rows = Array.from({ length: proposalCount }, (_, i) => {
    const articleIndex = popularity[Math.floor(articleCount * r.next() ** 2)]!;
    const author = r.pick(authors);
    const roll = r.next();
    const decision = DECISIONS[DECISION_SHARES.findIndex((share) => roll < share)]!;
    const quoted = r.next() < 0.4 ? r.pick(sentences[articleIndex]!) : null;
    const [openings, pool, reasons] = author.russian
      ? [PROPOSAL_OPENINGS_RU, RUSSIAN, JUSTIFICATIONS_RU]
      : [PROPOSAL_OPENINGS_HY, ARMENIAN, JUSTIFICATIONS_HY];
    const createdAt = new Date(opensAt.getTime() + Math.floor((window * i) / proposalCount));
    return {
      roundId: round.id,
      articleId: `art-${seed}-${articleIndex}`,
      quote: quoted ? quoted.slice(0, r.int(60, quoted.length)) : null,
      proposedText: `${r.pick(openings)}\n${r.some(pool, 1, 4)}`,
      justification: r.some(reasons, 1, 3),
      authorId: author.id,
      organizationId: r.next() < 0.7 ? author.organizationId : null,
      status: "SUBMITTED" as const,
      decision,
      answer: [r.pick(ANSWERS_HY[decision]), r.next() < 0.3 ? r.pick(JUSTIFICATIONS_HY) : ""].join(" ").trim(),
      answeredById: staff.id,
      answeredAt: new Date(closesAt.getTime() + DAY + i * 1000),
      createdAt,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db().proposal.createMany({ data: rows.slice(i, i + 500) });
  }
  const textKb = rows.reduce((sum, p) => sum + p.proposedText.length + p.justification.length + p.answer.length, 0);
  return {
    roundId: round.id,
    draftId: draft.id,
    articles: articleCount,
    proposals: proposalCount,
    textKb: textKb / 1024,
  };
}

/**
 * A temporary SQLite database with the demo data (as `npm start` would load it) and two
 * answered public rounds: the measured one and a reference 100 times smaller.
 */
export async function prepareRoundsDatabase(big: { articles: number; proposals: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-rounds-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "rounds.db")}`;
  await applyMigrations(process.env.DATABASE_URL);
  await seedDemoData(db());
  // The server runs with NODE_ENV=production, where demo accounts cannot sign in: this
  // throwaway database makes the staff account an ordinary one so the login form works.
  const staffUser = await db().user.update({ where: { email: STAFF_EMAIL }, data: { isDemo: false } });
  const ministry = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
  const users = await db().user.findMany({
    where: { isPlatformAdmin: false, memberships: { none: { organizationId: ministry.id } } },
    include: { memberships: { select: { organizationId: true } } },
    orderBy: { email: "asc" },
  });
  const authors: Author[] = users.map((u) => ({
    id: u.id,
    russian: u.locale === "ru" || u.locale === "ka",
    organizationId: u.memberships[0]?.organizationId ?? null,
  }));
  const staff = { id: staffUser.id, organizationId: ministry.id };
  return {
    dir,
    databaseUrl: process.env.DATABASE_URL,
    big: await createAnsweredRound(staff, authors, big.articles, big.proposals, 1),
    small: await createAnsweredRound(
      staff,
      authors,
      Math.max(1, Math.round(big.articles / 30)),
      Math.max(1, Math.round(big.proposals / 100)),
      2,
    ),
  };
}
