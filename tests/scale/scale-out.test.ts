/**
 * Several nodes against one PostgreSQL and one Redis: two collab nodes and two
 * web nodes as child processes, exactly as `npm run start:collab` / `start:web` run them
 * (tests/helpers/scale-cluster.ts). In CI both services must be there; elsewhere the file is
 * skipped with a notice.
 */
import type { Redis } from "ioredis";
import * as Y from "yjs";
import { CLOSE } from "~/editor/collab-protocol";
import type { Db } from "~/utils/db.server";
import { eventually, type ChildNode } from "../helpers/child-node";
import { connectClient, fragmentText, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { scaleServicesUp, startScaleCluster, type ScaleCluster } from "../helpers/scale-cluster";

const servicesUp = await scaleServicesUp("the scale-out test");

/** The compaction lock is held this long by the node that takes it (test hook), so the other one meets it. */
const HOLD_MS = 3_000;

describe.skipIf(!servicesUp)("scale-out: two collab nodes and two web nodes on PostgreSQL + Redis", () => {
  let cluster: ScaleCluster;
  let database: Db;
  let redis: Redis;
  let prefix: string;
  let collabA: ChildNode;
  let collabB: ChildNode;
  let web: ChildNode;
  let otherWeb: ChildNode;
  let draftId: string;
  let ministryId: string;
  let grantId: string;
  const cookies: Record<"anahit" | "armen", string> = { anahit: "", armen: "" };
  const names: Record<"anahit" | "armen", string> = { anahit: "", armen: "" };
  const clients: TestClient[] = [];

  const connect = (node: ChildNode, who: "anahit" | "armen") => {
    const client = connectClient(
      { url: `ws://127.0.0.1:${node.port}/collab`, origin: node.origin },
      draftId,
      cookies[who],
    );
    clients.push(client);
    return client;
  };
  const stats = async (node: ChildNode) =>
    (await (await fetch(`${node.url}/stats`)).json()) as {
      rooms: number;
      compaction: { compactions: number; skippedLocked: number; failed: number };
    };

  beforeAll(async () => {
    cluster = await startScaleCluster({
      collabNodes: 2,
      webNodes: 2,
      collabEnv: {
        // Only the notice over Redis can close a revoked socket quickly in this test.
        COLLAB_ACCESS_RECHECK_MS: "600000",
        COLLAB_UNLOAD_AFTER_MS: "300",
        COLLAB_COMPACT_EVERY_BATCHES: "1000000",
        COLLAB_COMPACTION_HOLD_MS: String(HOLD_MS),
      },
      webEnv: { ROUND_SCHEDULER_MS: "200" },
    });
    ({ database, redis, prefix } = cluster);
    [collabA, collabB] = cluster.collab as [ChildNode, ChildNode];
    [web, otherWeb] = cluster.web as [ChildNode, ChildNode];
    const anahit = await database.user.findUniqueOrThrow({
      where: { email: "anahit@mta.example" },
      include: { memberships: true },
    });
    const armen = await database.user.findUniqueOrThrow({ where: { email: "armen@ucfo.example" } });
    ministryId = anahit.memberships[0]!.organizationId;
    const draft = await database.draft.create({
      data: { kind: "LAW", ownerOrganizationId: ministryId, titleEn: "Scale-out" },
    });
    draftId = draft.id;
    grantId = (
      await database.draftAccess.create({ data: { draftId, userId: armen.id, level: "EDIT", grantedById: anahit.id } })
    ).id;
    names.anahit = anahit.name;
    names.armen = armen.name;
    cookies.anahit = await cluster.cookieFor(anahit.email);
    cookies.armen = await cluster.cookieFor(armen.email);
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
  });

  it("lets clients on different collab nodes see each other's edits and cursors", async () => {
    const onA = connect(collabA, "anahit");
    const onB = connect(collabB, "armen");
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    typeParagraph(onA, "typed on node A");
    typeParagraph(onB, "typed on node B");
    const both = (client: TestClient) =>
      client.text().includes("typed on node A") && client.text().includes("typed on node B");
    await eventually("both edits on both nodes", () => both(onA) && both(onB));
    expect(onA.text()).toBe(onB.text());

    onA.provider.awareness.setLocalStateField("cursor", { at: "A" });
    onB.provider.awareness.setLocalStateField("cursor", { at: "B" });
    // The name is stamped by the node that received the presence, from the session.
    const sees = (client: TestClient, at: string, name: string) =>
      [...client.provider.awareness.getStates().values()].some(
        (state) => (state.cursor as { at?: string } | undefined)?.at === at && state.user?.name === name,
      );
    await eventually("A's cursor on node B", () => sees(onB, "A", names.anahit));
    await eventually("B's cursor on node A", () => sees(onA, "B", names.armen));
  });

  it("compacts on one node at a time and keeps an update appended meanwhile", async () => {
    // Both nodes unload the draft at once when its clients leave, and both try to compact.
    for (const client of clients.splice(0)) client.destroy();
    const lock = `${prefix}compaction-lock:${draftId}`;
    await eventually("a node takes the compaction lock", async () => (await redis.exists(lock)) === 1);

    // While the holder works, another writer appends to the log.
    const late = new Y.Doc();
    const snapshot = await database.documentSnapshot.findUnique({ where: { documentId: draftId } });
    if (snapshot) Y.applyUpdate(late, snapshot.state);
    for (const row of await database.documentUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" } }))
      Y.applyUpdate(late, row.update);
    const before = Y.encodeStateVector(late);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("appended during compaction")]);
    late.getXmlFragment("default").push([paragraph]);
    const lateRow = await database.documentUpdate.create({
      data: { documentId: draftId, draftId, update: new Uint8Array(Y.encodeStateAsUpdate(late, before)) },
    });

    await eventually("the lock is released", async () => (await redis.exists(lock)) === 0, HOLD_MS + 20_000);
    await eventually(
      "both nodes unloaded",
      async () => (await stats(collabA)).rooms + (await stats(collabB)).rooms === 0,
    );
    const [a, b] = [(await stats(collabA)).compaction, (await stats(collabB)).compaction];
    expect(a.compactions + b.compactions).toBe(1);
    expect(a.skippedLocked + b.skippedLocked).toBe(1);
    expect(a.failed + b.failed).toBe(0);

    // Folded rows are gone, the late one stays, and a node loading the draft shows everything.
    const left = await database.documentUpdate.findMany({ where: { draftId }, select: { id: true } });
    expect(left.map((row) => row.id)).toEqual([lateRow.id]);
    const reader = connect(collabB, "anahit");
    await waitForSync(reader);
    await eventually("the late update is loaded", () => reader.text().includes("appended during compaction"));
    expect(reader.text()).toContain("typed on node A");
    expect(reader.text()).toContain("typed on node B");
    expect(fragmentText(late)).toContain("appended during compaction");
  });

  it("closes a revoked person's socket on another node at once", async () => {
    const armen = connect(collabB, "armen");
    await waitForSync(armen);
    const response = await fetch(`${web.url}/drafts/${draftId}/sharing`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookies.anahit, Origin: web.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "revoke", grantId }),
    });
    expect(response.status).toBe(200);
    // The periodic re-check is 10 minutes away on the collab nodes: only the notice can do this.
    await eventually("armen's socket closed as revoked", () => armen.closeCodes.includes(CLOSE.ACCESS_REVOKED));
  });

  it("tells a page streaming from one web node about a comment posted through the other", async () => {
    // A demo draft of Anahit's ministry with articles to comment on.
    const owned = await database.documentSnapshot.findMany({
      where: { draft: { ownerOrganizationId: ministryId } },
      select: { draftId: true, outline: true },
    });
    const target = owned
      .map((row) => ({
        draftId: row.draftId,
        article: (row.outline as { type: string; id: string }[]).find((e) => e.type === "article"),
      }))
      .find((row) => row.article);
    const events = await fetch(`${otherWeb.url}/drafts/${target!.draftId}/comments/events`, {
      headers: { Cookie: cookies.anahit },
    });
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    let received = "";
    const changed = (async () => {
      while (!received.includes("event: changed")) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    })();
    await eventually("the stream is open", () => received.includes("retry:"));
    const posted = await fetch(`${web.url}/drafts/${target!.draftId}/comments`, {
      method: "POST",
      headers: { Cookie: cookies.anahit, Origin: web.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "create", articleId: target!.article!.id, body: "posted on the other node" }),
    });
    expect(posted.status).toBe(200);
    await changed;
    expect(received).toContain("event: changed");
    await reader.cancel();
  });

  it("opens a scheduled round exactly once although every web node runs the scheduler", async () => {
    const version = await database.draftVersion.findFirstOrThrow();
    const round = await database.consultationRound.create({
      data: {
        draftId: version.draftId,
        versionId: version.id,
        title: "Scale-out round",
        audience: "PUBLIC",
        opensAt: new Date(Date.now() + 500),
        closesAt: new Date(Date.now() + 30 * 24 * 3600_000),
      },
    });
    await eventually("the round opened", async () => {
      const { status } = await database.consultationRound.findUniqueOrThrow({ where: { id: round.id } });
      return status === "OPEN";
    });
    // Let both schedulers tick several more times before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const opened = await database.auditEvent.count({ where: { action: "round.open", objectId: round.id } });
    expect(opened).toBe(1);
  });
});
