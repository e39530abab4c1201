import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { connectClient, fragmentText, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { demoSessions } from "../helpers/demo-sessions";

/**
 * The platform's SQLite database on a small filesystem of its own (tmpfs, mounted by the
 * test; it runs as root here and in CI), so the disk really fills under the running server
 * and is really freed. Where mounting is refused the test is skipped and says so.
 */
const mountDir = mkdtempSync(path.join(tmpdir(), "agora-disk-full-"));
const sqlite = (process.env.TEST_DATABASE ?? "sqlite") === "sqlite";
let mounted = false;
if (sqlite) {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", mountDir], { stdio: "ignore" });
    mounted = true;
    // Before anything opened the test database: this file and the platform share this one.
    process.env.DATABASE_URL = `file:${path.join(mountDir, "agora.db")}`;
  } catch {
    console.warn("disk-full test skipped: mounting a tmpfs was refused (needs root)");
  }
}

const filler = path.join(mountDir, "filler.bin");

/** Writes one file until the filesystem answers ENOSPC: no room is left for anyone. */
function fillDisk(): void {
  const fd = openSync(filler, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
  } finally {
    closeSync(fd);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: RunningApp;
const { as } = demoSessions(() => app);
const clients: TestClient[] = [];

beforeAll(async () => {
  if (mounted) app = await startApp({ DATABASE_URL: process.env.DATABASE_URL! });
}, 120_000);
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await app?.stop();
  await db().$disconnect();
  if (mounted) execFileSync("umount", ["-l", mountDir]);
  rmSync(mountDir, { recursive: true, force: true });
});

describe.runIf(mounted)("the disk fills up during editing and is freed again", () => {
  it("stores every edit made meanwhile within seconds, answers comment posts, and health tells the truth", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const cookie = await as("gor@mta.example");
    const writer = connectClient(
      { url: `${app.url.replace(/^http/, "ws")}/collab`, origin: app.origin },
      draft.id,
      cookie,
    );
    clients.push(writer);
    await waitForSync(writer);
    const health = async () => {
      const response = await fetch(`${app.url}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    /** A comment post's status, or "no answer" when it hangs (what a stuck connection did). */
    const postComment = (body: string) =>
      fetch(`${app.url}/drafts/${draft.id}/comments`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ intent: "create", articleId: "lsg-a1", visibility: "WORKING_GROUP", body }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        (response) => response.status,
        () => "no answer" as const,
      );
    expect((await health()).status).toBe(200);

    fillDisk();
    const edits: string[] = [];
    let degraded: { status: number; body: Record<string, unknown> } | null = null;
    const whileFull: (number | "no answer")[] = [];
    for (let i = 1; i <= 80; i++) {
      const text = `typed while the disk was full: edit ${i}`;
      typeParagraph(writer, text);
      edits.push(text);
      if (i % 20 === 0) {
        whileFull.push(await postComment(`comment while full ${i}`));
        const seen = await health();
        if (seen.status === 503) degraded = seen;
      }
      await pause(50);
    }
    // Writes really failed: nothing typed meanwhile is acknowledged, health says why.
    expect(writer.saved()).toBe(false);
    expect(degraded?.body).toMatchObject({ status: "degraded", database: "unavailable" });
    expect(whileFull).not.toContain("no answer");

    rmSync(filler);
    await expect.poll(() => writer.saved(), { timeout: 15_000 }).toBe(true);
    const stored = fragmentText((await loadDocument(draft.id)).doc);
    expect(edits.filter((edit) => !stored.includes(edit))).toEqual([]);
    expect(await postComment("comment after the disk was freed")).toBe(200);
    await expect
      .poll(async () => (await health()).body, { timeout: 15_000 })
      .toMatchObject({ status: "ok", database: "ok", collab: { failingDocuments: 0 } });
    expect((await health()).status).toBe(200);
    expect(await db().commentThread.count({ where: { draftId: draft.id } })).toBeGreaterThan(0);
  }, 120_000);
});
