import pg from "pg";

/** The PostgreSQL the benches use when it answers (the one CI and the tests use). */
export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/** Whether a PostgreSQL answers at `url` within 2 s (benches skip it with a warning otherwise). */
export async function postgresAnswers(url = BENCH_POSTGRES_URL): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** Drops a bench's own schema and everything in it. */
export async function dropSchema(schema: string, url = BENCH_POSTGRES_URL): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await admin.end();
  }
}
