/**
 * Several platform processes against one PostgreSQL and one Redis, started exactly as
 * `npm run start:collab` / `start:web` start them. Each cluster has its own PostgreSQL
 * schema (migrated and seeded with the demo data) and its own Redis prefix, so parallel
 * runs never meet. Without both services a test file is skipped with a notice (in CI it fails).
 */
import { Redis } from "ioredis";
import { createSession } from "~/auth/session.server";
import { createDb, type Db } from "~/utils/db.server";
import { redisPing } from "~/utils/redis-ping.server";
import { prepareDatabase } from "../../scripts/prepare-database";
import { startChildNode, COLLAB_READY, WEB_READY, type ChildNode } from "./child-node";
import { dropSchema, POSTGRES_URL, postgresAvailable } from "./postgres";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Whether PostgreSQL and Redis are there; `what` names the test file in the notice. */
export async function scaleServicesUp(what: string): Promise<boolean> {
  const up = (await postgresAvailable()) && (await redisPing(REDIS_URL));
  if (!up) {
    if (process.env.CI) throw new Error(`${what} needs PostgreSQL (${POSTGRES_URL}) and Redis (${REDIS_URL})`);
    console.warn(`PostgreSQL or Redis is not reachable: skipping ${what}`);
  }
  return up;
}

export type ScaleCluster = {
  database: Db;
  redis: Redis;
  /** Prefix of this cluster's Redis keys. */
  prefix: string;
  collab: ChildNode[];
  web: ChildNode[];
  /** A session cookie for a demo account, valid on every node. */
  cookieFor(email: string): Promise<string>;
  stop(): Promise<void>;
};

export type ClusterOptions = {
  collabNodes: number;
  webNodes: number;
  /** Extra settings of the collab nodes (COLLAB_*). */
  collabEnv?: Record<string, string>;
  webEnv?: Record<string, string>;
};

export async function startScaleCluster(options: ClusterOptions): Promise<ScaleCluster> {
  const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const schema = `agora_scale_${run}`;
  const databaseUrl = `${POSTGRES_URL}?schema=${schema}`;
  const prefix = `agora-test-${run}:`;
  await prepareDatabase(databaseUrl, { seed: true });
  const database = createDb(databaseUrl);
  const redis = new Redis(REDIS_URL);
  const shared = { DATABASE_URL: databaseUrl, REDIS_URL, REDIS_PREFIX: prefix, NODE_ENV: "test" };
  const collabEnv = { ...shared, COLLAB_PORT: "0", ...options.collabEnv };
  const webEnv = { ...shared, PORT: "0", ...options.webEnv };
  const started = await Promise.all([
    ...Array.from({ length: options.collabNodes }, () => startChildNode(["collab/index.ts"], collabEnv, COLLAB_READY)),
    ...Array.from({ length: options.webNodes }, () =>
      startChildNode(["scripts/start.ts", "--web-only"], webEnv, WEB_READY),
    ),
  ]);
  return {
    database,
    redis,
    prefix,
    collab: started.slice(0, options.collabNodes),
    web: started.slice(options.collabNodes),
    async cookieFor(email) {
      const user = await database.user.findUniqueOrThrow({ where: { email } });
      return `agora_session=${(await createSession(database, user.id)).token}`;
    },
    async stop() {
      await Promise.all(started.map((node) => node.stop()));
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await database.$disconnect();
      await dropSchema(schema);
    },
  };
}
