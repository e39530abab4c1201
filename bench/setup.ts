import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession } from "../app/auth/session.server";
import { article, paragraph, part, type DocNode } from "../app/editor/document-json";
import { jsonToYUpdate } from "../app/editor/yjs-document";
import { initializeDocument } from "../app/models/documents/document-log.server";
import { createDb } from "../app/utils/db.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { foldForSearch } from "../app/utils/search-text";

export type BenchDatabase = Awaited<ReturnType<typeof createBenchFixture>>;

/** A temporary SQLite database with one editor, a session, and the drafts the runs need. */
export async function prepareBenchDatabase(draftCount: number) {
  // Callers' own database code (db()) follows DATABASE_URL: point it at this database.
  process.env.DATABASE_URL = temporarySqliteUrl();
  return createBenchFixture(process.env.DATABASE_URL, draftCount);
}

/** The URL of a new SQLite file in a temporary folder of its own. */
export function temporarySqliteUrl(): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), "agora-bench-")), "bench.db")}`;
}

/**
 * Migrates the (empty) database at `databaseUrl`, SQLite or PostgreSQL, and stores the
 * benchmark's fixture: an organization, one editor with a session, `draftCount` empty
 * drafts and, unless `big` is false, the 300-article draft. Uses its own client, not the
 * process-wide db(), so one process can prepare several databases.
 */
export async function createBenchFixture(databaseUrl: string, draftCount: number, { big = true } = {}) {
  await applyMigrations(databaseUrl);
  const client = createDb(databaseUrl);
  try {
    const org = await client.organization.create({
      data: { kind: "MINISTRY", nameEn: "Ministry", country: "AM", slug: "bench", searchText: "ministry" },
    });
    const user = await client.user.create({
      data: {
        email: "bench@example.test",
        name: "Bench",
        emailVerifiedAt: new Date(),
        searchText: foldForSearch("bench"),
      },
    });
    await client.membership.create({ data: { userId: user.id, organizationId: org.id } });
    const { token } = await createSession(client, user.id);
    const created = await client.draft.createManyAndReturn({
      data: Array.from({ length: draftCount }, (_, i) => ({
        kind: "LAW" as const,
        ownerOrganizationId: org.id,
        titleEn: `Bench ${i}`,
      })),
      select: { id: true },
    });
    const drafts = created.map((draft) => draft.id);
    // A partner's expert who may only suggest in every bench draft (the suggesting scenario).
    const ngo = await client.organization.create({
      data: { kind: "NGO", nameEn: "Partner NGO", country: "AM", slug: "bench-ngo", searchText: "partner ngo" },
    });
    const suggester = await client.user.create({
      data: {
        email: "bench-suggester@example.test",
        name: "Bench suggester",
        emailVerifiedAt: new Date(),
        searchText: foldForSearch("bench suggester"),
      },
    });
    await client.membership.create({ data: { userId: suggester.id, organizationId: ngo.id } });
    await client.draftAccess.createMany({
      data: drafts.map((draftId) => ({ draftId, organizationId: ngo.id, level: "SUGGEST" as const })),
    });
    const suggesterSession = await createSession(client, suggester.id);
    let bigDraft = "";
    let bigBytes = 0;
    if (big) {
      const draft = await client.draft.create({
        data: { kind: "LAW", ownerOrganizationId: org.id, titleEn: "300 articles" },
      });
      const update = jsonToYUpdate(bigDocument(300));
      await client.$transaction((tx) => initializeDocument(draft.id, update, tx));
      bigDraft = draft.id;
      bigBytes = update.length;
    }
    return {
      databaseUrl,
      cookie: `agora_session=${token}`,
      suggester: { userId: suggester.id, cookie: `agora_session=${suggesterSession.token}` },
      drafts,
      bigDraft,
      bigBytes,
    };
  } finally {
    await client.$disconnect();
  }
}

const SENTENCE =
  "Համայնքի ղեկավարը յուրաքանչյուր եռամսյակ հրապարակում է համայնքի բյուջեի կատարման մասին հաշվետվությունը համայնքի պաշտոնական կայքում։ ";

/** A draft of `articles` articles, each with three parts of Armenian text: about 1 MB of Yjs state for 300. */
export function bigDocument(articles: number): DocNode {
  return {
    type: "doc",
    content: Array.from({ length: articles }, (_, i) =>
      article(
        `a${i}`,
        `Հոդված ${i + 1} վերնագիր`,
        part(`a${i}p1`, SENTENCE.repeat(6)),
        part(`a${i}p2`, SENTENCE.repeat(6)),
        paragraph(SENTENCE.repeat(6)),
      ),
    ),
  };
}
