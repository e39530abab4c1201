import { Prisma } from "~/generated/prisma/sqlite/client";
import { db } from "~/utils/db.server";
import { sqlDialect } from "~/utils/sql-dialect.server";

/**
 * Reads of a document's binary columns, as text. Prisma's driver adapters hand a Bytes value
 * over as a JavaScript array with one element per byte: reading a 1.4 MB snapshot took 70 ms
 * of event loop, every time a draft was opened. As hex (SQLite) or base64 (PostgreSQL) text
 * it takes 5 ms. Writes still go through Prisma (they are rare and small, or off the hot path).
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
