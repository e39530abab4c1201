import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { eventually } from "../helpers/child-node";
import { connectClient, sessionCookieFor, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { createDraftSetup } from "../helpers/factories";

/**
 * `npm start` runs the collab server in a process of its own behind the web port, so live
 * edits do not wait for page rendering. Proof: with the web process frozen outright (no page
 * can be rendered, no request answered), an edit still reaches the other editor.
 */
let app: RunningApp;
const clients: TestClient[] = [];

beforeAll(async () => {
  app = await startApp(process.env.TEST_COLLAB_PROCESS ? { COLLAB_PROCESS: process.env.TEST_COLLAB_PROCESS } : {}, {
    collab: "separate",
  });
});
afterAll(async () => {
  clients.forEach((client) => client.destroy());
  await app?.stop();
});

describe("the collab server in its own process", () => {
  it("relays an edit to the other editor while the web process can render nothing", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const server = { url: `${app.url.replace(/^http/, "ws")}/collab`, origin: app.origin };
    const [writer, reader] = [connectClient(server, draft.id, cookie), connectClient(server, draft.id, cookie)];
    clients.push(writer, reader);
    await Promise.all([waitForSync(writer), waitForSync(reader)]);

    // The process serving the port (the collab process is its child).
    const web = app.pid;
    process.kill(web, "SIGSTOP");
    try {
      // The web process really is stuck: a page request gets no answer at all.
      await expect(fetch(`${app.url}/rounds`, { signal: AbortSignal.timeout(1_000) })).rejects.toThrow();
      typeParagraph(writer, "typed while every page is stuck");
      await eventually("the other editor sees the edit", () => reader.text().includes("every page is stuck"), 15_000);
      await eventually("the edit is stored", () => writer.saved(), 15_000);
    } finally {
      process.kill(web, "SIGCONT");
    }
    // And the web process is fine afterwards, and still hands new editors over.
    expect((await fetch(`${app.url}/rounds`)).status).toBe(200);
    const late = connectClient(server, draft.id, cookie);
    clients.push(late);
    await waitForSync(late);
    expect(late.text()).toContain("every page is stuck");
  });

  it("refuses upgrades that are not ours, and signed-out ones, as before", async () => {
    const { draft } = await createDraftSetup();
    const { upgradeStatus } = await import("../helpers/collab");
    const ws = app.url.replace(/^http/, "ws");
    expect(await upgradeStatus(`${ws}/elsewhere`, { Origin: app.origin })).toBe(404);
    expect(await upgradeStatus(`${ws}/collab/draft.${draft.id}`, { Origin: app.origin })).toBe(401);
    expect(await upgradeStatus(`${ws}/collab/draft.${draft.id}`, { Origin: "https://evil.example" })).toBe(403);
  });
});
