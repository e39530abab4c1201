import { z } from "zod";

/** Environment, checked once at startup so a typo fails loudly instead of at the first request. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** `file:./data/agora.db` (embedded SQLite, the default) or `postgresql://…`. */
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://")
      .default("file:./data/agora.db"),
    /** Set on every node of a multi-node deployment: collab fan-out, access and comment events. */
    REDIS_URL: z.string().url().optional(),
    /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
    REDIS_PREFIX: z.string().default("agora:"),
    /** Public origin used in links sent by e-mail and for the same-origin check behind a proxy. */
    APP_ORIGIN: z.string().url().optional(),
    /**
     * Where a web node reaches a collab node to write into a live document as the person
     * behind a request (a Word review's suggestions), e.g. ws://collab-1:1234. Unset: this
     * node's own port (a node started with `npm start` serves /collab itself).
     */
    COLLAB_INTERNAL_URL: z.string().url().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Agora <no-reply@agora.local>"),
    /** Shortest consultation round allowed, in hours (Armenian practice: 15 days). */
    ROUND_MIN_HOURS: z.coerce
      .number()
      .min(0)
      .default(15 * 24),
    /** How often the round scheduler opens and closes rounds whose time has come. */
    ROUND_SCHEDULER_MS: z.coerce.number().int().positive().default(15_000),
    /**
     * Seconds a public page (round, summary, register) rendered for all signed-out visitors
     * is served before it is rendered again, here and by a caching proxy; 0 turns it off.
     */
    PUBLIC_PAGE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
    /**
     * `npm start`: the collab server in a process of its own behind the same port
     * (`separate`, so page rendering never delays live edits) or in the web process (`shared`).
     */
    COLLAB_PROCESS: z.enum(["separate", "shared"]).default("separate"),
    /** Session lifetime without activity, in days (sliding expiry). */
    SESSION_DAYS: z.coerce.number().positive().default(30),
  })
  .refine((config) => config.NODE_ENV !== "production" || config.APP_ORIGIN, {
    // Links in e-mails (password resets, invitations) must point to the real site; guessing
    // it from a request would let anyone send a victim a reset link to their own host.
    path: ["APP_ORIGIN"],
    message:
      "APP_ORIGIN is required in production (the public address links in e-mails point to, e.g. https://agora.example.am)",
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

/** Every problem with the environment, one readable line each (empty when it is fine). */
export function envProblems(source: Record<string, string | undefined> = process.env): string[] {
  const result = EnvSchema.safeParse(source);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`);
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith("postgres://") || url.startsWith("postgresql://");
}

/**
 * Splits Prisma's `?schema=` parameter off a PostgreSQL URL: the driver does not know it,
 * the adapter and the migration runner use it (tests run each worker in its own schema).
 */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string | undefined } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
