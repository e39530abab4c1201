import { Prisma } from "~/generated/prisma/sqlite/client";
import { db } from "~/utils/db.server";
import { sqlDialect } from "~/utils/sql-dialect.server";

/**
 * Reads of a document's binary columns, as text. Prisma's driver adapters hand a Bytes value
 * over as a JavaScript array with one element per byte: reading a 1.4 MB snapshot took 70 ms
 * of event loop, every time a draft was opened. As hex (SQLite) or base64 (PostgreSQL) text
 * it takes 5 ms. Appends to the update log are raw SQL too (`insertUpdates`); the other writes
 * go through Prisma (they are rare, or off the hot path).
 */
/** Prisma's Bytes want an ArrayBuffer-backed array; Yjs may hand out views of larger buffers. */
export const prismaBytes = (data: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(data);

export type StoredSnapshot = { state: Uint8Array; lastUpdateId: number };
export type StoredUpdate = { id: number; update: Uint8Array };

export async function readSnapshot(documentId: string): Promise<StoredSnapshot | null> {
  const sql = sqlDialect();
  const rows = await db().$queryRaw<{ state: string; lastUpdateId: number | bigint }[]>(
    Prisma.sql`SELECT ${sql.bytesAsText("state")}, "lastUpdateId" FROM ${sql.table("DocumentSnapshot")} WHERE "documentId" = ${documentId}`,
  );
  const row = rows[0];
  return row ? { state: sql.bytesFromText(row.state), lastUpdateId: Number(row.lastUpdateId) } : null;
}

/** The log rows of a document (document-id.ts) with an id above `afterId`, in order. */
export async function readUpdates(documentId: string, afterId = 0): Promise<StoredUpdate[]> {
  const sql = sqlDialect();
  const rows = await db().$queryRaw<{ id: number | bigint; update: string }[]>(
    Prisma.sql`SELECT "id", ${sql.bytesAsText("update")} FROM ${sql.table("DocumentUpdate")}
      WHERE "documentId" = ${documentId} AND "id" > ${afterId} ORDER BY "id"`,
  );
  return rows.map((row) => ({ id: Number(row.id), update: sql.bytesFromText(row.update) }));
}

/** A new row of a document's update log. */
export type NewUpdate = { documentId: string; draftId: string; textId: string | null; update: Uint8Array };

/**
 * Appends rows to the update log in one `INSERT … RETURNING`, as raw SQL. This is the collab
 * server's hottest write (every few keystrokes of every open draft): through Prisma's query
 * compiler one batch cost 1.6 ms of event loop, raw 0.6 ms (8 rows, SQLite). `createdAt` is
 * sent rather than left to the column's default, which SQLite would store in another text
 * format than Prisma's and so sort wrongly against the rows Prisma writes.
 */
export async function insertUpdates(rows: NewUpdate[]): Promise<{ id: number; documentId: string }[]> {
  const sql = sqlDialect();
  const createdAt = new Date();
  const values = Prisma.join(
    rows.map(
      (row) => Prisma.sql`(${row.documentId}, ${row.draftId}, ${row.textId}, ${Buffer.from(row.update)}, ${createdAt})`,
    ),
  );
  const inserted = await db().$queryRaw<{ id: number | bigint; documentId: string }[]>(
    Prisma.sql`INSERT INTO ${sql.table("DocumentUpdate")} ("documentId", "draftId", "textId", "update", "createdAt")
      VALUES ${values} RETURNING "id", "documentId"`,
  );
  return inserted.map((row) => ({ id: Number(row.id), documentId: row.documentId }));
}
