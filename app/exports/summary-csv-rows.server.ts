import { Prisma } from "~/generated/prisma/sqlite/client";
import type { SummaryProposal } from "~/models/rounds/round-summary.server";
import { db } from "~/utils/db.server";
import { fromSqlBoolean, sqlDialect, type SqlBoolean } from "~/utils/sql-dialect.server";

/** The statement's columns: the proposal's own as the summary reads them, the rest flattened. */
type RawRow = Pick<
  SummaryProposal,
  "id" | "groupId" | "hiddenReason" | "articleId" | "quote" | "proposedText" | "justification" | "decision" | "answer"
> & {
  number: number | bigint;
  hidden: SqlBoolean;
  authorName: string;
  authorDeleted: SqlBoolean;
  organizationId: string | null;
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string | null;
  textLanguage: string | null;
};

/**
 * One step of the summary CSV: up to `take` submitted proposals of one article after number
 * `after`, with their author's and organization's names, in one SQL statement. The same rows
 * through Prisma's `findMany` with its relations cost three statements and, for a million
 * proposals, several hundred MB of short-lived objects that V8 promoted to its old
 * generation before collecting them (the download's memory growth, docs/benchmarks.md).
 */
export async function readSummaryBatch(
  roundId: string,
  articleId: string,
  after: number,
  take: number,
): Promise<{ rows: SummaryProposal[]; last: number }> {
  const sql = sqlDialect();
  const raw = await db().$queryRaw<RawRow[]>(Prisma.sql`
    SELECT p."id", p."number", p."groupId", p."hiddenAt" IS NOT NULL AS "hidden", p."hiddenReason",
      p."articleId", p."quote", p."proposedText", p."justification", p."decision", p."answer",
      u."name" AS "authorName", u."deletedAt" IS NOT NULL AS "authorDeleted",
      p."organizationId", o."nameHy", o."nameRu", o."nameKa", o."nameEn", t."textLanguage"
    FROM ${sql.table("Proposal")} p
      JOIN ${sql.table("User")} u ON u."id" = p."authorId"
      LEFT JOIN ${sql.table("Organization")} o ON o."id" = p."organizationId"
      LEFT JOIN ${sql.table("VersionText")} t ON t."id" = p."versionTextId"
    WHERE p."roundId" = ${roundId} AND p."status" = 'SUBMITTED' AND p."articleId" = ${articleId}
      AND p."number" > ${after}
    ORDER BY p."number" LIMIT ${take}`);
  const rows = raw.map(
    (r): SummaryProposal => ({
      id: r.id,
      groupId: r.groupId,
      hiddenAt: fromSqlBoolean(r.hidden),
      hiddenReason: r.hiddenReason,
      articleId: r.articleId,
      quote: r.quote,
      proposedText: r.proposedText,
      justification: r.justification,
      decision: r.decision,
      answer: r.answer,
      author: { name: r.authorName, deletedAt: fromSqlBoolean(r.authorDeleted) },
      organization: r.organizationId
        ? { nameHy: r.nameHy, nameRu: r.nameRu, nameKa: r.nameKa, nameEn: r.nameEn }
        : null,
      versionText: r.textLanguage === null ? null : { textLanguage: r.textLanguage },
    }),
  );
  return { rows, last: raw.length > 0 ? Number(raw[raw.length - 1]!.number) : after };
}
