import { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

/**
 * The browser's own copy of a draft (IndexedDB through y-indexeddb), so text typed while
 * the server is unreachable survives a reload and reaches the server on reconnect.
 *
 * One database per draft **and per person**: on a shared computer one account never
 * loads (or sends) another account's unsent text of the same draft.
 */
const PREFIX = "agora.draft.";

/** `documentId`: the draft's id for its main text, as before; "<draft>.<text>" for another (document-id.ts). */
export function localDraftCopyName(documentId: string, userId: string): string {
  return `${PREFIX}${documentId}.user.${userId}`;
}

/**
 * Opens the copy and loads it into `doc`. Resolves once the doc holds everything kept
 * on this device, so a provider connected afterwards sends it; resolves with null when
 * the browser has no usable IndexedDB (private modes, blocked storage): the editor
 * then works as before, online only.
 */
export async function openLocalDraftCopy(name: string, doc: Y.Doc): Promise<IndexeddbPersistence | null> {
  if (typeof indexedDB === "undefined") return null;
  const persistence = new IndexeddbPersistence(name, doc);
  // y-indexeddb's `whenSynced` never settles when the database cannot be opened.
  const opened = (persistence as unknown as { _db: Promise<unknown> })._db;
  try {
    await opened;
    await persistence.whenSynced;
    return persistence;
  } catch {
    void persistence.destroy().catch(() => undefined);
    return null;
  }
}

/**
 * Deletes every local draft copy of this person (on sign-out: the next person at this
 * computer must not find them in the browser's storage). Browsers without
 * `indexedDB.databases()` keep them; they are still keyed by person and never shown to
 * anyone else.
 */
export async function clearLocalDraftCopies(userId: string): Promise<void> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
  const suffix = `.user.${userId}`;
  const databases = await indexedDB.databases().catch(() => []);
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => !!name && name.startsWith(PREFIX) && name.endsWith(suffix))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            // "blocked" means an open editor still holds it: deletion completes once it closes.
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}
