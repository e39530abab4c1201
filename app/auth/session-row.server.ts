import { Prisma } from "~/generated/prisma/sqlite/client";
import type { ActorMembership } from "~/policies";
import type { Db } from "~/utils/db.server";
import { fromSqlBoolean, sqlDialect, type SqlBoolean } from "~/utils/sql-dialect.server";
import type { SessionUser } from "./session.server";

/** A session row with its user and the user's memberships, as the sign-in check needs them. */
export type SessionRow = {
  expiresAt: Date;
  user: SessionUser & { isActive: boolean };
  memberships: ActorMembership[];
};

type RawRow = Omit<SessionRow["user"], "isPlatformAdmin" | "isActive"> & {
  expiresAt: Date;
  isPlatformAdmin: SqlBoolean;
  isActive: SqlBoolean;
  organizationId: string | null;
  role: ActorMembership["role"] | null;
  organizationKind: ActorMembership["organizationKind"] | null;
};

/**
 * Every signed-in request (page, data request, live stream, collab connection) starts here, so
 * it is one SQL statement, one row per membership: through Prisma the same answer took a
 * session query with its user and a memberships query with their organizations, and on a
 * draft page the query compiler alone cost more CPU than rendering the page (docs/benchmarks.md).
 * Memberships come in organization order, as the memberships query returned them.
 */
export async function readSessionRow(client: Db, sessionId: string): Promise<SessionRow | null> {
  const sql = sqlDialect();
  const rows = await client.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT s."expiresAt", u."id", u."email", u."name", u."isPlatformAdmin", u."locale", u."emailVerifiedAt",
      u."isActive", m."organizationId", m."role", o."kind" AS "organizationKind"
    FROM ${sql.table("Session")} s
      JOIN ${sql.table("User")} u ON u."id" = s."userId"
      LEFT JOIN ${sql.table("Membership")} m ON m."userId" = u."id"
      LEFT JOIN ${sql.table("Organization")} o ON o."id" = m."organizationId"
    WHERE s."id" = ${sessionId}
    ORDER BY m."organizationId"`);
  const first = rows[0];
  if (!first) return null;
  return {
    expiresAt: first.expiresAt,
    user: {
      id: first.id,
      email: first.email,
      name: first.name,
      isPlatformAdmin: fromSqlBoolean(first.isPlatformAdmin),
      locale: first.locale,
      emailVerifiedAt: first.emailVerifiedAt,
      isActive: fromSqlBoolean(first.isActive),
    },
    memberships: rows.flatMap((row) =>
      row.organizationId && row.role && row.organizationKind
        ? [{ organizationId: row.organizationId, role: row.role, organizationKind: row.organizationKind }]
        : [],
    ),
  };
}
