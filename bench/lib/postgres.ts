import pg from "pg";

/** The PostgreSQL the benches use when it answers (the one CI and the tests use). */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

async function admin<T>(work: (client: pg.Client) => Promise<T>, url = BENCH_POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether a PostgreSQL answers at `url` within 2 s (benches skip it with a warning otherwise). */
export async function postgresAnswers(url = BENCH_POSTGRES_URL): Promise<boolean> {
  return admin(async () => true, url).catch(() => false);
}

/** Drops a bench's own schema and everything in it. */
export async function dropSchema(schema: string, url = BENCH_POSTGRES_URL): Promise<void> {
  await admin((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`), url);
}

/**
 * A fresh, empty database `agora_bench_<pid>` on the benchmark's PostgreSQL (a database of
 * its own, not a schema, so nothing of the tests' `test` database is touched), or null with
 * the reason if PostgreSQL does not answer. `drop()` removes it, connections and all.
 */
export async function createPostgresBenchDatabase(): Promise<
  { databaseUrl: string; drop: () => Promise<void> } | { unreachable: string }
> {
  const name = `agora_bench_${process.pid}`;
  try {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    return { unreachable: `${BENCH_POSTGRES_URL}: ${(error as Error).message}` };
  }
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
