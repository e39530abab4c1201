import type { Document } from "@hocuspocus/server";
import * as Y from "yjs";

/** The stateless message a Hocuspocus client gets once a store finished: "stored:" + base64 state vector. */
export const STORED_PREFIX = "stored:";

type StorePayload = { documentName: string; document: Document; state: Buffer };

/**
 * Measurement only, for the durability scenario: after each store of a document, its clients
 * get the state vector that store wrote, so they can tell which of their edits are durable (our
 * server's "saved" notice says the same). The vector is read where the stored state was
 * encoded: the Database extension encodes `document` and calls `store` in one synchronous
 * step, so the vector at the start of `store` is that of the state being written.
 */
export function withStoredNotices(store: (data: StorePayload) => void): (data: StorePayload) => Promise<void> {
  return async (data) => {
    const vector = Y.encodeStateVector(data.document);
    store(data);
    data.document.broadcastStateless(STORED_PREFIX + Buffer.from(vector).toString("base64"));
  };
}
