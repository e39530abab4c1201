import * as prng from "lib0/prng";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { connectClient, fragmentText, sessionCookieFor, waitForSync, type TestClient } from "../helpers/collab";
import { collabServerForFile } from "../helpers/collab-test-server";
import { createDraftSetup } from "../helpers/factories";

const { server } = collabServerForFile({ compactEveryBatches: 7, compactMinIntervalMs: 0 });

/** One random edit of the kind an editor makes: add, type into, or delete a paragraph. */
function randomEdit(gen: prng.PRNG, doc: Y.Doc) {
  const fragment = doc.getXmlFragment("default");
  const roll = prng.uint32(gen, 0, 9);
  if (fragment.length === 0 || roll < 3) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(prng.word(gen, 1, 6))]);
    fragment.insert(prng.uint32(gen, 0, fragment.length), [paragraph]);
  } else if (roll < 8) {
    const paragraph = fragment.get(prng.uint32(gen, 0, fragment.length - 1)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText | undefined;
    if (text) text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 4));
  } else {
    fragment.delete(prng.uint32(gen, 0, fragment.length - 1), 1);
  }
}

describe("convergence", () => {
  for (const seed of [1, 2, 3]) {
    it(`random edits with random disconnects converge, and the stored snapshot matches (seed ${seed})`, async () => {
      const gen = prng.create(seed);
      const { staff, draft } = await createDraftSetup();
      const cookie = await sessionCookieFor(staff.id);
      const clients: TestClient[] = [];
      for (let i = 0; i < 4; i++) clients.push(connectClient(server, draft.id, cookie));
      await Promise.all(clients.map(waitForSync));

      for (let step = 0; step < 120; step++) {
        const client = clients[prng.uint32(gen, 0, clients.length - 1)]!;
        const roll = prng.uint32(gen, 0, 19);
        if (roll === 0 && client.provider.shouldConnect) client.provider.disconnect();
        else if (roll === 1 && !client.provider.shouldConnect) client.provider.connect();
        else randomEdit(gen, client.doc);
        if (step % 10 === 0) await new Promise((resolve) => setTimeout(resolve, prng.uint32(gen, 0, 20)));
      }
      clients.forEach((c) => c.provider.shouldConnect || c.provider.connect());
      await Promise.all(clients.map(waitForSync));

      const state = (doc: Y.Doc) => Y.encodeStateVector(doc).toString();
      await expect.poll(() => new Set(clients.map((c) => state(c.doc))).size, { timeout: 15_000 }).toBe(1);
      await expect.poll(() => clients.every((c) => c.saved()), { timeout: 15_000 }).toBe(true);
      const texts = new Set(clients.map((c) => c.text()));
      expect(texts.size).toBe(1);

      clients.forEach((c) => c.destroy());
      await expect.poll(() => server.collab.rooms.has(draft.id), { timeout: 5000 }).toBe(false);
      const stored = await loadDocument(draft.id);
      expect(fragmentText(stored.doc)).toBe([...texts][0]);
      expect(await db().documentUpdate.count({ where: { draftId: draft.id } })).toBe(0);
    });
  }
});
