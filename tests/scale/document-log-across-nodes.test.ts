/**
 * The document log as several collab nodes share it (PostgreSQL + Redis): what a node
 * compacts is found by search, and a version frozen on a web node holds every
 * acknowledged edit, also one whose row committed after another node's compaction.
 */
import * as Y from "yjs";
import { eventually, type ChildNode } from "../helpers/child-node";
import { connectClient, typeParagraph, waitForSync, type TestClient } from "../helpers/collab";
import { scaleServicesUp, startScaleCluster, type ScaleCluster } from "../helpers/scale-cluster";

const servicesUp = await scaleServicesUp("the document-log scale test");

describe.skipIf(!servicesUp)("one document log across collab nodes", () => {
  let cluster: ScaleCluster;
  let collabA: ChildNode;
  let collabB: ChildNode;
  let web: ChildNode;
  let owner: string;
  const clients: TestClient[] = [];

  const newDraft = async (title: string) => {
    const anahit = await cluster.database.user.findUniqueOrThrow({
      where: { email: "anahit@mta.example" },
      include: { memberships: true },
    });
    const draft = await cluster.database.draft.create({
      data: { kind: "LAW", ownerOrganizationId: anahit.memberships[0]!.organizationId, titleEn: title },
    });
    return draft.id;
  };
  const connect = (node: ChildNode, draftId: string) => {
    const client = connectClient({ url: `ws://127.0.0.1:${node.port}/collab`, origin: node.origin }, draftId, owner);
    clients.push(client);
    return client;
  };
  const openRooms = async (node: ChildNode) =>
    ((await (await fetch(`${node.url}/stats`)).json()) as { rooms: number }).rooms;
  const searchText = async (draftId: string) =>
    (await cluster.database.searchEntry.findUnique({ where: { key: `draft:${draftId}` } }))?.text ?? "";
  const storedRows = (draftId: string) =>
    cluster.database.documentUpdate.findMany({ where: { draftId }, select: { id: true }, orderBy: { id: "asc" } });

  beforeAll(async () => {
    cluster = await startScaleCluster({
      collabNodes: 2,
      webNodes: 1,
      // Compaction happens when a draft unloads, shortly after its last client leaves.
      collabEnv: { COLLAB_UNLOAD_AFTER_MS: "300", COLLAB_COMPACT_EVERY_BATCHES: "1000000" },
    });
    [collabA, collabB] = cluster.collab as [ChildNode, ChildNode];
    web = cluster.web[0]!;
    owner = await cluster.cookieFor("anahit@mta.example");
  }, 240_000);

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await cluster?.stop();
  });

  it("re-indexes for search the text a node compacts", async () => {
    const draftId = await newDraft("Search across nodes");
    const onA = connect(collabA, draftId);
    const onB = connect(collabB, draftId);
    await Promise.all([waitForSync(onA), waitForSync(onB)]);
    typeParagraph(onA, "quokkaalpha typed on node a");
    typeParagraph(onB, "quokkabeta typed on node b");
    await eventually("both edits saved", () => onA.saved() && onB.saved() && onA.text().includes("quokkabeta"));
    onA.destroy();
    onB.destroy();
    await eventually("both nodes unloaded and compacted", async () => {
      const [a, b] = [await openRooms(collabA), await openRooms(collabB)];
      return a + b === 0 && (await storedRows(draftId)).length === 0;
    });
    const text = await searchText(draftId);
    expect(text).toContain("quokkaalpha");
    expect(text).toContain("quokkabeta");
  });

  it("freezes a version with an edit whose row committed after another node compacted", async () => {
    const draftId = await newDraft("Late row across nodes");
    const onA = connect(collabA, draftId);
    await waitForSync(onA);
    typeParagraph(onA, "wombatfirst");
    await eventually("the first edit saved", () => onA.saved() && !onA.provider.wsconnecting);
    await eventually("the first edit stored", async () => (await storedRows(draftId)).length > 0);

    // Node B's append of an acknowledged edit: its row id is taken now, its commit comes
    // later (PostgreSQL hands out ids at insert, not at commit).
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(onA.doc));
    const before = Y.encodeStateVector(late);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("wombatlate")]);
    late.getXmlFragment("default").push([paragraph]);
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    let lateId = 0;
    const inserted = new Promise<void>((resolve) => {
      void cluster.database.$transaction(
        async (tx) => {
          lateId = (
            await tx.documentUpdate.create({
              data: { documentId: draftId, draftId, update: new Uint8Array(Y.encodeStateAsUpdate(late, before)) },
              select: { id: true },
            })
          ).id;
          resolve();
          await committing;
        },
        { timeout: 120_000 },
      );
    });
    await inserted;

    // Meanwhile node A stores a newer edit and compacts when its client leaves.
    typeParagraph(onA, "wombatsecond");
    await eventually("the second edit stored above the late row", async () =>
      (await storedRows(draftId)).some((row) => row.id > lateId),
    );
    onA.destroy();
    await eventually(
      "node A compacted",
      async () => (await openRooms(collabA)) === 0 && (await storedRows(draftId)).length === 0,
    );
    const snapshot = await cluster.database.documentSnapshot.findUniqueOrThrow({ where: { documentId: draftId } });
    expect(snapshot.lastUpdateId).toBeGreaterThan(lateId);

    commit();
    await eventually("the late row committed", async () =>
      (await storedRows(draftId)).some((row) => row.id === lateId),
    );

    const frozen = await fetch(`${web.url}/drafts/${draftId}/versions`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: owner, Origin: web.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ name: "With every acknowledged edit" }),
    });
    expect(frozen.status).toBe(302);
    const version = await cluster.database.draftVersion.findFirstOrThrow({ where: { draftId } });
    expect(version.plainText).toContain("wombatfirst");
    expect(version.plainText).toContain("wombatsecond");
    expect(version.plainText).toContain("wombatlate");

    // The live side of a comparison reads the same log.
    const compared = await fetch(`${web.url}/drafts/${draftId}/compare?from=${version.id}&to=live`, {
      headers: { Cookie: owner, "Accept-Language": "en" },
    });
    expect(compared.status).toBe(200);
    expect(await compared.text()).not.toMatch(/data-status="(removed|added|changed)"/);
    late.destroy();
  });
});
