import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { reuseStatements } from "./sqlite-statements.server";

/**
 * Prisma's better-sqlite3 adapter, made to survive a failed COMMIT (a full disk, an I/O
 * error). The stock adapter holds a lock from BEGIN until Prisma calls commit() or
 * rollback(); when the COMMIT statement itself fails, Prisma calls neither, so the lock is
 * never released and every later transaction of the process waits forever, even after the
 * disk has room again (reproduced on a full tmpfs: comment posts and document compaction
 * never answered). The connection is also left inside the failed transaction, so later
 * plain writes would join it and never be committed.
 *
 * Here transactions take our own lock, and a failed COMMIT or ROLLBACK ends the transaction
 * for real (ROLLBACK if SQLite has not already rolled back) and releases the lock once.
 */
export function recoveringSqliteAdapter(config: {
  url: string;
  timeout: number;
}): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSQLite3(config);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => recovering(await inner.connect()),
    connectToShadowDb: async () => recovering(await inner.connectToShadowDb()),
  };
}

/** One transaction at a time on the one connection, in arrival order. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  return async function acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  };
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK|END)\b/i;

/** What the better-sqlite3 build allows (its compile options say MAX_VARIABLE_NUMBER=32766). */
const SQLITE_MAX_VARIABLE_NUMBER = 32766;

function recovering(adapter: SqlDriverAdapter): SqlDriverAdapter {
  // The stock adapter keeps its better-sqlite3 connection in a public field.
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  if (!client) throw new Error("the better-sqlite3 adapter no longer exposes its connection");
  reuseStatements(client);
  const acquire = createLock();

  async function startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // Only SERIALIZABLE exists in SQLite: let the stock adapter refuse anything else.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
    const release = await acquire();
    let open = true;
    const finish = () => {
      if (open) {
        open = false;
        release();
      }
    };
    const abandon = () => {
      if (client!.inTransaction) {
        try {
          client!.exec("ROLLBACK");
        } catch {
          // Nothing more to do: SQLite ends the transaction itself on the errors ROLLBACK fails on.
        }
      }
      finish();
    };
    try {
      // IMMEDIATE: the write lock is taken here, waiting (busy timeout) for another process's
      // write to end. A plain BEGIN takes it at the first write instead, and if another process
      // (the collab process, a second web node) committed after this transaction's first read,
      // SQLite refuses that write at once with SQLITE_BUSY, which no wait can cure: a version
      // frozen while the platform's background jobs wrote failed that way on a loaded machine.
      // Within this process transactions already run one at a time (the lock above).
      await adapter.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
    } catch (error) {
      abandon();
      throw error;
    }
    const run = async <T>(query: SqlQuery, perform: (q: SqlQuery) => Promise<T>, none: T): Promise<T> => {
      try {
        return await perform(query);
      } catch (error) {
        if (!ENDS_TRANSACTION.test(query.sql)) throw error;
        abandon();
        // A ROLLBACK that fails because SQLite already rolled back has done its job.
        if (/^\s*ROLLBACK\b/i.test(query.sql)) return none;
        throw error;
      }
    };
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => run(query, (q) => adapter.queryRaw(q), { columnNames: [], columnTypes: [], rows: [] }),
      executeRaw: (query) => run(query, (q) => adapter.executeRaw(q), 0),
      commit: async () => finish(),
      rollback: async () => abandon(),
    };
  }

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => adapter.executeScript(script),
    // Prisma assumes 999 bind values on SQLite unless told; better-sqlite3 is built with
    // SQLITE_MAX_VARIABLE_NUMBER=32766, and at 999 a query with two lists (a batch's band keys
    // and articles, 1,050 values) was refused instead of run.
    getConnectionInfo: () => ({
      supportsRelationJoins: false,
      ...adapter.getConnectionInfo?.(),
      maxBindValues: SQLITE_MAX_VARIABLE_NUMBER,
    }),
    dispose: () => adapter.dispose(),
    startTransaction,
  };
}
