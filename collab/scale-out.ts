import { redisBus } from "../app/utils/redis-bus.server";
import { redisRoomRelay, type RoomRelay } from "./redis-relay";
import { sharedDatabaseStore, type CompactionStats, type SharedStoreOptions } from "./shared-store";
import type { CollabOptions } from "./server";

export type ScaleOut = {
  options: Pick<CollabOptions, "relay" | "store">;
  relay: RoomRelay;
  compaction: CompactionStats;
};

/**
 * What a collab node needs to share documents with other nodes, when `REDIS_URL` is set:
 * the Redis fan-out and the store that compacts under a lock. Null on a single node.
 */
export function scaleOutFromEnv(storeOptions: SharedStoreOptions = {}): ScaleOut | null {
  const bus = redisBus();
  if (!bus) return null;
  const relay = redisRoomRelay(bus);
  const store = sharedDatabaseStore(bus, storeOptions);
  return { options: { relay, store }, relay, compaction: store.stats };
}
