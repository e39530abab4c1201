import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { loadDocument } from "~/models/documents/document-log.server";
import { isHealthz, serveHealthz } from "../../server/healthz";
import { fragmentText, sessionCookieFor, typeParagraph, waitForSync, type RunningCollab } from "../helpers/collab";
import { collabServersPerTest } from "../helpers/collab-test-server";
import { createDraftSetup } from "../helpers/factories";

const { start, connect } = collabServersPerTest();

/** The collab server with /healthz on its HTTP server, as in `npm start` and `start:collab`. */
async function startCollabWithHealthz(): Promise<RunningCollab & { healthz: () => Promise<Response> }> {
  const running = await start({ retryBaseMs: 100, retryMaxMs: 1000 });
  // The server never closes an idle keep-alive connection: on a loaded machine its 5 s idle timer
  // fired just as fetch reused the socket for the next /healthz, and that request was reset.
  running.http.keepAliveTimeout = 0;
  running.http.removeAllListeners("request");
  running.http.on("request", (req, res) => {
    if (isHealthz(req)) void serveHealthz(res, { collab: running.collab });
    else res.writeHead(404).end();
  });
  return { ...running, healthz: () => fetch(`${running.origin}/healthz`) };
}

/**
 * Another connection holding SQLite's write lock, as a long-running migration, a backup
 * tool or a stuck process would: every write of the collab server fails with SQLITE_BUSY
 * (after the driver's busy timeout) until it is released.
 */
function lockDatabase(): () => void {
  const file = process.env.DATABASE_URL!.replace(/^file:/, "");
  const holder = new Database(file);
  holder.exec("BEGIN EXCLUSIVE");
  return () => {
    holder.exec("ROLLBACK");
    holder.close();
  };
}

const sqlite = (process.env.TEST_DATABASE ?? "sqlite") === "sqlite";

describe.runIf(sqlite)("database outage during editing", () => {
  it("keeps editing in memory, retries with back-off, loses nothing and reports degraded meanwhile", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const running = await startCollabWithHealthz();
    const writers = [0, 1, 2].map(() => connect(running, draft.id, cookie));
    await Promise.all(writers.map(waitForSync));
    expect((await running.healthz()).status).toBe(200);

    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let release: (() => void) | null = lockDatabase();
    try {
      // An outage of several seconds (the issue asks for 30 s; the mechanism does not
      // depend on the length, and a test on a shared machine should not take a minute).
      const outageEndsAt = Date.now() + 8000;
      let round = 0;
      // Every 503 answer: the write probe may report the database before the collab server
      // has failed a flush, so the backlog shows in a later answer.
      const degradedAnswers: Record<string, unknown>[] = [];
      // On a loaded machine the health answer cached from before can last into the outage:
      // the outage then goes on (a few seconds more at most) until a fresh answer reports it.
      const lastsAtMost = outageEndsAt + 8000;
      while (Date.now() < outageEndsAt || (degradedAnswers.length === 0 && Date.now() < lastsAtMost)) {
        round++;
        writers.forEach((writer, i) => typeParagraph(writer, `during the outage: writer ${i} round ${round}`));
        const response = await running.healthz();
        if (response.status === 503) degradedAnswers.push((await response.json()) as Record<string, unknown>);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      // The others see each other's edits while the database is down: editing goes on.
      await expect.poll(() => writers.every((w) => w.text() === writers[0]!.text()), { timeout: 10_000 }).toBe(true);
      expect(writers[0]!.text()).toContain(`writer 2 round ${round}`);
      expect(writers.some((w) => w.saved())).toBe(false);
      expect(degradedAnswers.length).toBeGreaterThan(0);
      expect(degradedAnswers.every((answer) => answer.status === "degraded")).toBe(true);
      expect(degradedAnswers).toContainEqual(
        expect.objectContaining({ collab: expect.objectContaining({ failingDocuments: 1 }) }),
      );
      expect(JSON.stringify(degradedAnswers)).not.toMatch(/file:|password|DATABASE_URL/i);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining("failed; retrying"), expect.anything());

      release();
      release = null;
      await expect.poll(() => writers.every((w) => w.saved()), { timeout: 15_000 }).toBe(true);
      const { doc } = await loadDocument(draft.id);
      const stored = fragmentText(doc);
      for (let r = 1; r <= round; r++)
        for (let i = 0; i < 3; i++) expect(stored).toContain(`during the outage: writer ${i} round ${r}`);
      const healthy = await running.healthz();
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ status: "ok", database: "ok", collab: { failingDocuments: 0 } });
    } finally {
      release?.();
      errors.mockRestore();
    }
  }, 60_000);
});
