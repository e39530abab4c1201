import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { roomName } from "~/editor/collab-protocol";
import { shareDraft } from "~/models/drafts/drafts.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { COLLAB_READY, startChildNode, WEB_READY, type ChildNode } from "../helpers/child-node";
import { openRaw, type RawSocket } from "../helpers/collab-frames";
import { sessionCookieFor, startCollab, type RunningCollab } from "../helpers/collab";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";
import { idleConnection, rawRequest, upgradeRequest } from "../helpers/raw-http";

/**
 * A signed-out visitor cannot use up the server's sockets: every upgrade that is not ours
 * is answered and closed on every kind of node, slow or idle connections are cut, and
 * connections are capped per address (HTTP) and per account and address (collab).
 */
const stoppers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stoppers.splice(0).reverse()) await stop();
});

const portOf = (node: { url: string }) => Number(new URL(node.url).port);
const FOREIGN_PATHS = [
  "/",
  "/socket.io/?EIO=4&transport=websocket",
  "/collabx",
  "/collab",
  "/collab/",
  "/collab/%E0%A4%A",
];

/** 200 upgrades to paths that are not a collab room, 20 at a time: every one must be answered and closed. */
async function floodForeignUpgrades(port: number) {
  const outcomes = [];
  for (let batch = 0; batch < 10; batch++) {
    outcomes.push(
      ...(await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          rawRequest(port, upgradeRequest(FOREIGN_PATHS[(batch * 20 + i) % FOREIGN_PATHS.length]!), {
            giveUpMs: 10_000,
          }),
        ),
      )),
    );
  }
  return outcomes;
}

describe("upgrades that are not ours", () => {
  it("are answered 404 and closed on the single-process node", async () => {
    const app = await startApp();
    stoppers.push(app.stop);
    const outcomes = await floodForeignUpgrades(portOf(app));
    expect(outcomes.filter((o) => o.status !== 404 || !o.closed)).toEqual([]);
    // The node still serves everyone else.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("are answered 404 and closed on a web-only node (no collab server attached)", async () => {
    const web: ChildNode = await startChildNode(["scripts/start.ts", "--web-only"], { PORT: "0" }, WEB_READY);
    stoppers.push(web.stop);
    const outcomes = await floodForeignUpgrades(web.port);
    expect(outcomes.filter((o) => o.status !== 404 || !o.closed)).toEqual([]);
    // On this node even /collab is not ours: the proxy sends it to the collab nodes.
    const collab = await rawRequest(web.port, upgradeRequest("/collab/draft.abc"), { giveUpMs: 10_000 });
    expect([collab.status, collab.closed]).toEqual([404, true]);
  });

  it("are answered 404 and closed on a collab-only node", async () => {
    const node = await startChildNode(["collab/index.ts"], { COLLAB_PORT: "0" }, COLLAB_READY);
    stoppers.push(node.stop);
    const outcomes = await floodForeignUpgrades(node.port);
    expect(outcomes.filter((o) => o.status !== 404 || !o.closed)).toEqual([]);
  });
});

describe("HTTP connections that hold on", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ HTTP_HEADERS_TIMEOUT_MS: "1500", HTTP_REQUEST_TIMEOUT_MS: "10000" });
    stoppers.push(app.stop);
  });

  it("cuts a slowloris whose headers trickle in byte by byte", async () => {
    // Still trickling when given up on: the limit here is well under the 10 s request timeout.
    const outcome = await rawRequest(portOf(app), "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", {
      drip: "a",
      dripMs: 100,
      giveUpMs: 8_000,
    });
    expect(outcome.closed).toBe(true);
  });

  it("cuts a body that trickles in past the request time limit", async () => {
    // A declared size under /login's body limit, so only the time limit can end it.
    const outcome = await rawRequest(
      portOf(app),
      "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n",
      { drip: "a", dripMs: 100, giveUpMs: 30_000 },
    );
    expect(outcome.closed).toBe(true);
  });

  it("caps open connections per address, and takes new ones once some close", async () => {
    const capped = await startApp({ HTTP_MAX_CONNECTIONS_PER_ADDRESS: "20" });
    stoppers.push(capped.stop);
    const port = portOf(capped);
    const held = await Promise.all(Array.from({ length: 20 }, () => idleConnection(port)));
    const extra = await rawRequest(port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n", { giveUpMs: 10_000 });
    expect([extra.status, extra.closed]).toEqual([503, true]);
    held.forEach((connection) => connection.socket.destroy());
    await Promise.all(held.map((connection) => connection.closed));
    await expect
      .poll(
        async () =>
          (await rawRequest(port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).status,
        {
          timeout: 10_000,
        },
      )
      .toBe(200);
  });
});

describe("collab sockets", () => {
  let server: RunningCollab | undefined;
  const sockets: (RawSocket | WebSocket)[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) ("ws" in socket ? socket.ws : socket).terminate();
    await server?.stop();
    server = undefined;
  });

  async function sharedDraft(people: number) {
    const { staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO");
    const cookies = [await sessionCookieFor(staff.id)];
    for (let i = 1; i < people; i++) {
      const expert = await createUser();
      await addMember(expert.id, ngo.id);
      cookies.push(await sessionCookieFor(expert.id));
    }
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "EDIT");
    return { draftId: draft.id, cookies };
  }

  const open = (running: RunningCollab, draftId: string, headers: Record<string, string>) => {
    const socket = openRaw(running, draftId, headers);
    sockets.push(socket);
    return socket;
  };

  it("refuses an account's sockets past its limit with 429 before the handshake", async () => {
    const running = (server = await startCollab({ maxSocketsPerAccount: 3 }));
    const { draftId, cookies } = await sharedDraft(2);
    for (let i = 0; i < 3; i++) expect(await open(running, draftId, { Cookie: cookies[0]! }).opened).toBe(true);
    const extra = open(running, draftId, { Cookie: cookies[0]! });
    expect(await extra.closed).toBe(429);
    expect(extra.received).toHaveLength(0);
    // Someone else is not affected.
    expect(await open(running, draftId, { Cookie: cookies[1]! }).opened).toBe(true);
  });

  it("refuses an address's sockets past its limit, counting the forwarded address behind a local proxy", async () => {
    const running = (server = await startCollab({ maxSocketsPerAddress: 3 }));
    const { draftId, cookies } = await sharedDraft(5);
    const via = (address: string) => ({ "X-Forwarded-For": address });
    for (let i = 0; i < 3; i++) {
      expect(await open(running, draftId, { Cookie: cookies[i]!, ...via("203.0.113.7") }).opened).toBe(true);
    }
    expect(await open(running, draftId, { Cookie: cookies[3]!, ...via("203.0.113.7") }).closed).toBe(429);
    // Another client of the same proxy has its own count.
    expect(await open(running, draftId, { Cookie: cookies[4]!, ...via("203.0.113.8") }).opened).toBe(true);
  });

  it("terminates a peer that stops answering pings, and keeps one that answers", async () => {
    const running = (server = await startCollab({ heartbeatMs: 200 }));
    const { draftId, cookies } = await sharedDraft(2);
    const connect = (cookie: string, autoPong: boolean) => {
      const ws = new WebSocket(`${running.url}/${roomName(draftId)}`, {
        headers: { Origin: running.origin, Cookie: cookie },
        autoPong,
      });
      sockets.push(ws);
      ws.on("error", () => undefined);
      return ws;
    };
    const dead = connect(cookies[0]!, false);
    const healthy = connect(cookies[1]!, true);
    let pings = 0;
    healthy.on("ping", () => pings++);
    const deadClosed = new Promise<void>((resolve) => dead.once("close", () => resolve()));
    await deadClosed;
    await expect.poll(() => pings, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    expect(healthy.readyState).toBe(WebSocket.OPEN);
  });

  it("answers 503 and closes an upgrade whose access decision hangs", async () => {
    const running = (server = await startCollab({
      upgradeDecisionTimeoutMs: 300,
      decide: () => new Promise(() => {}),
    }));
    const { draftId, cookies } = await sharedDraft(1);
    const stuck = open(running, draftId, { Cookie: cookies[0]! });
    expect(await stuck.closed).toBe(503);
    expect(stuck.received).toHaveLength(0);
  });
});
