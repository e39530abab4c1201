import { spawn, type ChildProcess } from "node:child_process";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { COLLAB_PATH, MESSAGE_SAVED } from "~/editor/collab-protocol";
import { connectClient, sessionCookieFor, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { createDraftSetup } from "../helpers/factories";
import { COLLAB_READY, whenReady } from "../../scripts/child-ready";
import { platformCommand } from "../helpers/platform-command";

type Child = { process: ChildProcess; url: string; origin: string };

/**
 * The standalone collab server (`npm run start:collab`) as a child process we can kill -9.
 * Node itself runs it (the compiled entry point, tests/helpers/platform-command.ts): through
 * the tsx launcher, SIGKILL would only kill the launcher and leave the real server running.
 */
async function startCollabProcess(listenPort = 0): Promise<Child> {
  const child = spawn(...platformCommand("collab/index.ts"), {
    env: { ...process.env, PORT: String(listenPort) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { port } = await whenReady(child, COLLAB_READY, "collab");
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
  }, 60_000);
});

/**
 * A client typing numbered paragraphs, remembering for each one the clock it reached, and
 * which of them the server acknowledged as stored (MESSAGE_SAVED with its state vector).
 */
function typist(server: Child, draftId: string, cookie: string, name: string) {
  const client = connectClient(server, draftId, cookie);
  clients.push(client);
  const typed: { text: string; clock: number }[] = [];
  let savedClock = 0;
  const track = client.provider.messageHandlers[MESSAGE_SAVED]!;
  client.provider.messageHandlers[MESSAGE_SAVED] = (encoder, decoder, ...rest) => {
    const peek = decoding.createDecoder(decoder.arr.subarray(decoder.pos));
    const vector = Y.decodeStateVector(decoding.readVarUint8Array(peek));
    savedClock = Math.max(savedClock, vector.get(client.doc.clientID) ?? 0);
    track(encoder, decoder, ...rest);
  };
  return {
    client,
    typed,
    type() {
      const text = `${name} edit ${typed.length + 1}`;
      typeParagraph(client, text);
      typed.push({ text, clock: Y.getState(client.doc.store, client.doc.clientID) });
    },
    acknowledged: () => typed.filter((t) => t.clock <= savedClock).map((t) => t.text),
  };
}

/** Several people typing at once, each a paragraph every few milliseconds, until stopped. */
function heavyEditing(typists: ReturnType<typeof typist>[]) {
  const timer = setInterval(() => typists.forEach((t) => t.type()), 15);
  return () => clearInterval(timer);
}

/** Three people typing heavily on a collab process of its own, each with 10 edits acknowledged. */
async function threePeopleTypingOnANode() {
  const { staff, draft } = await createDraftSetup();
  const cookie = await sessionCookieFor(staff.id);
  const first = await startCollabProcess();
  children.push(first.process);
  const typists = ["Անահիտ", "Գոռ", "Արմեն"].map((name) => typist(first, draft.id, cookie, name));
  await Promise.all(typists.map((t) => waitForSync(t.client)));
  const stop = heavyEditing(typists);
  await expect.poll(() => typists.every((t) => t.acknowledged().length >= 10), { timeout: 15_000 }).toBe(true);
  return { draft, cookie, first, typists, stop };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("kill -9 during heavy editing by several clients", () => {
  it("without reconnecting: every acknowledged edit is there after the restart", async () => {
    const { draft, cookie, first, typists, stop } = await threePeopleTypingOnANode();
    first.process.kill("SIGKILL"); // while the interval is still typing
    stop();
    await new Promise((resolve) => first.process.once("exit", resolve));
    const acknowledged = typists.flatMap((t) => t.acknowledged());
    typists.forEach((t) => t.client.provider.disconnect());

    const second = await startCollabProcess();
    children.push(second.process);
    const reader = connectClient(second, draft.id, cookie);
    clients.push(reader);
    await waitForSync(reader);
    const paragraphs = new Set(reader.text().split("\n"));
    expect(acknowledged.filter((text) => !paragraphs.has(text))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
  }, 60_000);

  it("with reconnecting: every edit, including those typed while the server was down, is there", async () => {
    const { draft, cookie, first, typists, stop } = await threePeopleTypingOnANode();
    first.process.kill("SIGKILL");
    await new Promise((resolve) => first.process.once("exit", resolve));
    const acknowledgedBeforeKill = typists.flatMap((t) => t.acknowledged()).length;
    await pause(300); // typing goes on offline
    stop();

    // Same port: the clients' providers reconnect on their own and send what the server lacks.
    const second = await startCollabProcess(Number(new URL(first.origin).port));
    children.push(second.process);
    await expect.poll(() => typists.every((t) => t.client.saved()), { timeout: 20_000 }).toBe(true);
    const reader = connectClient(second, draft.id, cookie);
    clients.push(reader);
    await waitForSync(reader);
    const paragraphs = new Set(reader.text().split("\n"));
    const typed = typists.flatMap((t) => t.typed.map((p) => p.text));
    expect(typed.filter((text) => !paragraphs.has(text))).toEqual([]);
    // Not a vacuous pass: some edits had not been stored when the server died.
    expect(typed.length).toBeGreaterThan(acknowledgedBeforeKill);
  }, 60_000);
});
