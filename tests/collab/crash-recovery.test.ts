import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { COLLAB_PATH } from "~/editor/collab-protocol";
import { connectClient, sessionCookieFor, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { createDraftSetup } from "../helpers/factories";

type Child = { process: ChildProcess; url: string; origin: string };

/**
 * The standalone collab server (`npm run start:collab`) as a child process we can kill -9.
 * Node itself runs it (tsx as a loader): through the tsx launcher, SIGKILL would only kill
 * the launcher and leave the real server running.
 */
async function startCollabProcess(): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", "collab/index.ts"], {
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`collab exited with ${code}: ${output}`)));
  });
  return { process: child, url: `ws://127.0.0.1:${port}${COLLAB_PATH}`, origin: `http://127.0.0.1:${port}` };
}

const children: ChildProcess[] = [];
const clients: TestClient[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy());
  children.splice(0).forEach((c) => c.kill("SIGKILL"));
});

describe("persistence", () => {
  it("keeps every acknowledged update when the server is killed with SIGKILL", async () => {
    const { staff, draft } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const first = await startCollabProcess();
    children.push(first.process);
    const writer = connectClient(first, draft.id, cookie);
    clients.push(writer);
    await waitForSync(writer);
    for (let i = 1; i <= 20; i++) typeParagraph(writer, `Հոդված ${i}. acknowledged edit ${i}`);
    await expect.poll(() => writer.saved(), { timeout: 10_000 }).toBe(true);
    const acknowledged = writer.text();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    writer.provider.disconnect();
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));

    const second = await startCollabProcess();
    children.push(second.process);
    const reader = connectClient(second, draft.id, cookie);
    clients.push(reader);
    await waitForSync(reader);
    expect(reader.text()).toBe(acknowledged);
    expect(reader.text()).toContain("acknowledged edit 20");
  });
});
