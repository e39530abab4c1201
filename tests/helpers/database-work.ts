import { db, type Db } from "~/utils/db.server";

const globalForDb = globalThis as unknown as { agoraDb?: Db };

/**
 * Every database operation made while `run` goes, as "Model.operation". Answers that must not
 * tell whether an account exists are compared by this list on the real database, not by a
 * clock (which a 2-core test machine makes meaningless).
 */
export async function databaseWork(run: () => Promise<unknown>): Promise<string[]> {
  const base = db();
  const operations: string[] = [];
  globalForDb.agoraDb = base.$extends({
    query: {
      // Every operation, raw SQL included (the rate limits count in one raw upsert).
      async $allOperations({ model, operation, args, query }) {
        operations.push(`${model ?? "sql"}.${operation}`);
        return query(args);
      },
    },
  }) as unknown as Db;
  try {
    await run();
  } finally {
    globalForDb.agoraDb = base;
  }
  return operations;
}
