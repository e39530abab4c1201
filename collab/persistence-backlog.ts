import type { PersistenceBacklog } from "../app/utils/health.server";
import type { CollabServer } from "./server";

export type { PersistenceBacklog };

/**
 * What the collab server holds in memory that the database does not have yet. A document
 * still loading is skipped: it holds no edits yet.
 */
export async function persistenceBacklog(
  collab: Pick<CollabServer, "rooms">,
  now = Date.now(),
): Promise<PersistenceBacklog> {
  // A settled promise wins the race against an already-resolved null; one still loading loses.
  const loaded = await Promise.all(
    [...collab.rooms.values()].map((room) => Promise.race([room, Promise.resolve(null)]).catch(() => null)),
  );
  const backlog: PersistenceBacklog = {
    openDocuments: 0,
    unsavedUpdates: 0,
    failingDocuments: 0,
    failingForSeconds: 0,
  };
  for (const room of loaded) {
    if (!room) continue;
    backlog.openDocuments++;
    backlog.unsavedUpdates += room.unsavedUpdates;
    if (room.failingSince === null) continue;
    backlog.failingDocuments++;
    backlog.failingForSeconds = Math.max(backlog.failingForSeconds, Math.round((now - room.failingSince) / 1000));
  }
  return backlog;
}
