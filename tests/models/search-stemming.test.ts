import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/policies";
import { searchBackendFor } from "~/search/search-backends.server";
import { indexDraft } from "~/search/search-index.server";
import { searchHits, type SearchOrder } from "~/search/search.server";
import { queryTerms } from "~/search/search-words";
import { stemOf } from "~/search/word-stems";
import { createDb, type Db } from "~/utils/db.server";
import { applyMigrations } from "~/utils/migrations.server";
import { dropSchema, POSTGRES_URL } from "../helpers/postgres";

/**
 * Word forms in Armenian, Russian and English are found through their Snowball stems, and
 * SQLite and PostgreSQL give the very same hits for the same rows: this file fills one
 * database of each kind with the same drafts and asks both (whichever project runs it).
 */
const provider = process.env.TEST_DATABASE ?? "sqlite";
const schema = `agora_stem_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(path.join(tmpdir(), "agora-stem-"));
const urls = {
  sqlite: provider === "sqlite" ? process.env.DATABASE_URL! : `file:${path.join(dir, "stem.db")}`,
  postgres: provider === "postgres" ? process.env.DATABASE_URL! : `${POSTGRES_URL}?schema=${schema}`,
};
const clients: Record<"sqlite" | "postgres", Db> = {} as never;

// A platform administrator sees every entry: this file is about matching, not visibility.
const admin = { id: "admin", isPlatformAdmin: true, memberships: [] } as unknown as Actor;

const TEXTS: Record<string, string> = {
  hyCouncil: "Համայնքի ավագանու որոշումը հրապարակվում է",
  hyCouncilOften: "Ավագանու նիստ։ Ավագանու որոշում։ Ավագանու կանոնակարգ։",
  ruCooperation: "Соглашение о сотрудничестве между городами",
  ruCooperationNoun: "Настоящее сотрудничество развивается",
  enCities: "Agreement between the cities",
  kaCouncil: "მუნიციპალიტეტის საკრებულოს დადგენილება",
};

async function fill(client: Db) {
  const org = await client.organization.create({
    data: { slug: "stem-org", kind: "MINISTRY", nameEn: "Ministry", country: "AM" },
  });
  let minute = 0;
  for (const [id, text] of Object.entries(TEXTS)) {
    await client.draft.create({
      data: { id, titleEn: id, kind: "LAW", ownerOrganizationId: org.id, updatedAt: new Date(2026, 0, 1, 0, ++minute) },
    });
    await indexDraft(client, id, text);
    // Entries are dated by when they were indexed: fix the order for "newest first".
    await client.searchEntry.update({
      where: { key: `draft:${id}` },
      data: { updatedAt: new Date(2026, 0, 1, 0, minute) },
    });
  }
}

const hits = async (database: "sqlite" | "postgres", query: string, order: SearchOrder = "relevance") =>
  (
    await searchHits(admin, query, { order }, { skip: 0, take: 20 }, "en", {
      client: clients[database],
      backend: searchBackendFor(urls[database]),
    })
  ).map((hit) => hit.id);

beforeAll(async () => {
  for (const database of ["sqlite", "postgres"] as const) {
    if (database !== provider) await applyMigrations(urls[database]);
    clients[database] = createDb(urls[database]);
    await fill(clients[database]);
  }
});

afterAll(async () => {
  for (const client of Object.values(clients)) await client.$disconnect();
  if (provider !== "postgres") await dropSchema(schema);
  rmSync(dir, { recursive: true, force: true });
});

describe("search by word forms, the same on SQLite and PostgreSQL", () => {
  const cases: [string, string[]][] = [
    // Armenian: the genitive finds the nominative's forms and back.
    ["ավագանի", ["hyCouncil", "hyCouncilOften"]],
    ["ավագանու", ["hyCouncil", "hyCouncilOften"]],
    ["ԱՎԱԳԱՆԻՆ", ["hyCouncil", "hyCouncilOften"]],
    // Russian: the prepositional finds the nominative and back.
    ["сотрудничестве", ["ruCooperation", "ruCooperationNoun"]],
    ["сотрудничество", ["ruCooperation", "ruCooperationNoun"]],
    ["городов", ["ruCooperation"]],
    // English: "city" finds "cities" though its stem ("citi") starts neither word.
    ["city", ["enCities"]],
    ["agreements", ["enCities"]],
    // Georgian has no stemmer: a word's beginning finds it.
    ["მუნიციპალიტ", ["kaCouncil"]],
    ["საკრებულოს", ["kaCouncil"]],
    ["nothingsuch", []],
  ];

  for (const [query, expected] of cases) {
    it(`"${query}" finds ${expected.join(", ") || "nothing"} on both databases`, async () => {
      const sqlite = await hits("sqlite", query);
      const postgres = await hits("postgres", query);
      expect([...sqlite].sort(), "sqlite").toEqual([...expected].sort());
      expect([...postgres].sort(), "postgres").toEqual([...expected].sort());
    });
  }

  it("ranks by relevance (BM25, ts_rank), or newest first when asked, alike on both", async () => {
    for (const database of ["sqlite", "postgres"] as const) {
      // Three occurrences rank above one, although the single one is older.
      expect(await hits(database, "ավագանի"), database).toEqual(["hyCouncilOften", "hyCouncil"]);
    }
    const newest = await hits("sqlite", "сотрудничестве", "newest");
    expect(newest).toEqual(["ruCooperationNoun", "ruCooperation"]);
    expect(await hits("postgres", "сотрудничестве", "newest")).toEqual(newest);
  });

  it("stems as PostgreSQL's own Snowball dictionaries do", async () => {
    const words: [string, string][] = [
      ["armenian_stem", "ավագանու"],
      ["armenian_stem", "ավագանի"],
      ["armenian_stem", "համայնքների"],
      ["armenian_stem", "որոշումը"],
      ["russian_stem", "сотрудничестве"],
      ["russian_stem", "городами"],
      ["russian_stem", "самоуправления"],
      ["english_stem", "cities"],
      ["english_stem", "agreements"],
      ["english_stem", "governance"],
    ];
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      for (const [dictionary, word] of words) {
        const { rows } = await client.query<{ stem: string[] }>("SELECT ts_lexize($1, $2) AS stem", [dictionary, word]);
        expect(stemOf(word), word).toBe(rows[0]!.stem[0]);
      }
    } finally {
      await client.end();
    }
  });

  it("turns a query into stems, Georgian words left whole", () => {
    expect(queryTerms("Ավագանի сотрудничестве Cities საკრებულოს")).toEqual([
      "ավագ",
      "сотрудничеств",
      "citi",
      "საკრებულოს",
    ]);
  });
});
