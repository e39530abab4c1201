import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSession } from "../app/auth/session.server";
import { article, paragraph, part, type DocNode } from "../app/editor/document-json";
import { jsonToYUpdate } from "../app/editor/yjs-document";
import { initializeDocument } from "../app/models/documents.server";
import { db } from "../app/utils/db.server";
import { applyMigrations } from "../app/utils/migrations.server";
import { foldForSearch } from "../app/utils/search-text";

/** A temporary SQLite database with one editor, a session, and the drafts the runs need. */
export async function prepareBenchDatabase(draftCount: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "agora-bench-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  await applyMigrations(process.env.DATABASE_URL);
  const org = await db().organization.create({
    data: { kind: "MINISTRY", nameEn: "Ministry", country: "AM", slug: "bench", searchText: "ministry" },
  });
  const user = await db().user.create({
    data: { email: "bench@example.test", name: "Bench", searchText: foldForSearch("bench") },
  });
  await db().membership.create({ data: { userId: user.id, organizationId: org.id } });
  const { token } = await createSession(db(), user.id);
  const created = await db().draft.createManyAndReturn({
    data: Array.from({ length: draftCount }, (_, i) => ({
      kind: "LAW" as const,
      ownerOrganizationId: org.id,
      titleEn: `Bench ${i}`,
    })),
    select: { id: true },
  });
  const drafts = created.map((draft) => draft.id);
  const big = await db().draft.create({ data: { kind: "LAW", ownerOrganizationId: org.id, titleEn: "300 articles" } });
  const update = jsonToYUpdate(bigDocument(300));
  await initializeDocument(big.id, update);
  return {
    databaseUrl: process.env.DATABASE_URL,
    cookie: `agora_session=${token}`,
    drafts,
    bigDraft: big.id,
    bigBytes: update.length,
  };
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
