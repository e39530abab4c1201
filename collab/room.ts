import * as awarenessProtocol from "y-protocols/awareness";
import { truthfulAwarenessUpdate, type PresenceIdentity } from "./presence";
import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MESSAGE_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from "../app/editor/collab-protocol";
import * as documents from "../app/models/documents/documents.server";
import type { CollabConfig } from "./config";
import { TickBroadcast } from "./tick-broadcast";

/** What a room needs from a connection: a way to send, and whether it wants "saved" notices. */
/** Where rooms load and store documents: the database log and snapshot by default. */
export type DocumentStore = Pick<typeof documents, "loadDocument" | "appendUpdate" | "compactDocument">;
export const databaseStore: DocumentStore = documents;

export interface RoomMember {
  send(message: Uint8Array): void;
  readonly wantsSaved: boolean;
  /** The person behind the connection, stamped on their presence. */
  readonly presence: PresenceIdentity;
}

/** Origin of updates and awareness from another collab node: shown here, never stored or re-published. */
export const FROM_OTHER_NODE = Symbol("from another collab node");

/** A room's line to the other collab nodes (collab/redis-relay.ts); absent on a single node. */
export interface RoomRelayLink {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
  close(): void;
}

/** Awareness changes are merged for this long before one broadcast (quadratic traffic otherwise). */
const AWARENESS_BATCH_MS = 50;

/**
 * One draft's live document in memory: the Yjs doc, presence, the members connected to it,
 * and its persistence. Every accepted update is broadcast once-encoded to the others and
 * appended to the database log in batches (one write per event-loop turn); after each
 * write the members learn the saved state vector. The log is compacted now and then and
 * when the room unloads.
 */
export class Room {
  readonly members = new Set<RoomMember>();
  readonly awareness: awarenessProtocol.Awareness;
  private pending: Uint8Array[] = [];
  private flushing: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private batchesSinceCompaction: number;
  private lastCompactedAt = Date.now();
  private awarenessChanged = new Set<number>();
  /** The subset of awarenessChanged made by this node's members (what other nodes need). */
  private localAwarenessChanged = new Set<number>();
  private relay: RoomRelayLink | null = null;
  /** Updates of one event-loop turn go out as one merged frame per member. */
  private readonly broadcast = new TickBroadcast(() => this.members);
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Awareness client ids introduced by each member, removed when it leaves. */
  private readonly clientIds = new Map<RoomMember, Set<number>>();
  /** State vector of what the database holds (at load, then after each write). */
  private savedVector: Uint8Array;
  /** When storing started failing (null while writes succeed); read by /healthz. */
  failingSince: number | null = null;
  /**
   * The answer to a SyncStep1 with an empty state vector (a new joiner: the whole draft),
   * kept until the document changes, so twenty people opening a big draft cost one encode.
   */
  private fullStateAnswer: Uint8Array | null = null;
  /** Whole-document encodes made for sync answers (visible to tests and monitoring). */
  fullStateEncodes = 0;

  private constructor(
    readonly draftId: string,
    readonly doc: Y.Doc,
    private lastUpdateId: number,
    logRows: number,
    private readonly config: CollabConfig,
    private readonly store: DocumentStore,
  ) {
    // A room loaded from a current snapshot and never written to has nothing to compact:
    // unloading it must not rewrite (and re-index) a megabyte snapshot. That rewrite also
    // made the next open of the same draft wait for it (cold load 622 ms instead of ~150).
    this.batchesSinceCompaction = logRows;
    this.retryDelay = config.retryBaseMs;
    this.savedVector = Y.encodeStateVector(doc);
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on("update", this.onAwareness);
  }

  /** Loads the stored document completely before anyone is answered (y-websocket-server PR #7). */
  static async open(draftId: string, config: CollabConfig, store: DocumentStore = databaseStore): Promise<Room> {
    const { doc, lastUpdateId, logRows } = await store.loadDocument(draftId);
    return new Room(draftId, doc, lastUpdateId, logRows, config, store);
  }

  join(member: RoomMember): void {
    this.members.add(member);
    this.clientIds.set(member, new Set());
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    member.send(encoding.toUint8Array(step1));
    // A client that reconnects with changes the server already stored learns so at once.
    if (member.wantsSaved) member.send(this.savedMessage(this.savedVector));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) member.send(this.awarenessMessage(states));
  }

  leave(member: RoomMember): void {
    this.members.delete(member);
    const ids = this.clientIds.get(member);
    this.clientIds.delete(member);
    if (ids && ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** Applies an editor's update; the origin keeps it from being echoed back to its sender. */
  applyUpdate(update: Uint8Array, from: RoomMember): void {
    Y.applyUpdate(this.doc, update, from);
  }

  applyAwareness(update: Uint8Array, from: RoomMember): void {
    // Another person's client id is off limits; the same person's (a reconnecting tab whose
    // old socket has not closed yet) passes to the new connection.
    const ownedByOthers = (clientId: number) =>
      [...this.clientIds].some(
        ([member, ids]) => member !== from && ids.has(clientId) && member.presence.userId !== from.presence.userId,
      );
    const truthful = truthfulAwarenessUpdate(update, from.presence, ownedByOthers);
    if (truthful) awarenessProtocol.applyAwarenessUpdate(this.awareness, truthful, from);
  }

  linkRelay(link: RoomRelayLink): void {
    this.relay = link;
  }

  /** An update accepted by another node (which stores it): shown to our members only. */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, FROM_OTHER_NODE);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_OTHER_NODE);
  }

  /** The presence of this node's members, for a node that just opened the room; null if none. */
  localAwarenessUpdate(): Uint8Array | null {
    const states = this.awareness.getStates();
    const ids = [...this.clientIds.values()].flatMap((owned) => [...owned]).filter((id) => states.has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /** The reply to a client's SyncStep1: everything it lacks. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    // An empty state vector is one byte: zero clients.
    const everything = stateVector.length === 1 && stateVector[0] === 0;
    if (everything && this.fullStateAnswer) return this.fullStateAnswer;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    const answer = encoding.toUint8Array(encoder);
    if (everything) {
      this.fullStateEncodes++;
      this.fullStateAnswer = answer;
    }
    return answer;
  }

  /** Updates held in memory and not yet in the database (the persistence backlog). */
  get unsavedUpdates(): number {
    return this.pending.length;
  }

  get hasUnsavedChanges(): boolean {
    return this.pending.length > 0 || this.flushing !== null;
  }

  /** Writes what is pending; resolves when the database has it (or rejects on failure). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    const savedVector = Y.encodeStateVector(this.doc);
    this.flushing = (async () => {
      try {
        const merged = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
        this.lastUpdateId = await this.store.appendUpdate(this.draftId, merged);
        this.retryDelay = this.config.retryBaseMs;
        this.failingSince = null;
        this.batchesSinceCompaction++;
        this.notifySaved(savedVector);
      } catch (error) {
        // Keep the updates, in order, ahead of anything newer, and try again later.
        this.pending.unshift(...batch);
        throw error;
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
    if (
      this.batchesSinceCompaction >= this.config.compactEveryBatches &&
      Date.now() - this.lastCompactedAt >= this.config.compactMinIntervalMs
    ) {
      // The updates are safe in the log; a failed compaction only delays the next one.
      await this.compact().catch((error: unknown) =>
        console.error(`collab: compacting draft ${this.draftId} failed`, error),
      );
    }
  }

  /** Folds the log into a snapshot. Safe while updates arrive: only rows already in memory go. */
  async compact(): Promise<void> {
    const upTo = this.lastUpdateId;
    const batches = this.batchesSinceCompaction;
    this.batchesSinceCompaction = 0;
    this.lastCompactedAt = Date.now();
    try {
      await this.store.compactDocument(this.draftId, this.doc, upTo);
    } catch (error) {
      this.batchesSinceCompaction += batches;
      throw error;
    }
  }

  /** Stores everything, compacts if the log grew, and frees the document. Throws (and keeps it) if storing fails. */
  async unload(): Promise<void> {
    await this.flush();
    if (this.batchesSinceCompaction > 0) await this.compact();
    this.destroy();
  }

  destroy(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.relay?.close();
    this.relay = null;
    this.awareness.destroy();
    this.doc.destroy();
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.fullStateAnswer = null;
    this.broadcast.add(update, origin);
    if (origin === FROM_OTHER_NODE) return;
    this.relay?.publishUpdate(update);
    this.pending.push(update);
    this.scheduleFlush(this.config.flushDelayMs);
  }

  private scheduleFlush(delay: number): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch((error: unknown) => {
        console.error(`collab: storing updates of draft ${this.draftId} failed; retrying`, error);
        this.failingSince ??= Date.now();
        this.retryDelay = Math.min(this.retryDelay * 2, this.config.retryMaxMs);
        this.scheduleFlush(this.retryDelay);
      });
    }, delay);
  }

  private notifySaved(stateVector: Uint8Array): void {
    this.savedVector = stateVector;
    const message = this.savedMessage(stateVector);
    for (const member of this.members) if (member.wantsSaved) member.send(message);
  }

  private savedMessage(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SAVED);
    encoding.writeVarUint8Array(encoder, stateVector);
    return encoding.toUint8Array(encoder);
  }

  private onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const ids = origin ? this.clientIds.get(origin as RoomMember) : undefined;
    if (ids) {
      for (const id of [...added, ...updated]) {
        for (const [member, owned] of this.clientIds) if (member !== origin) owned.delete(id);
      }
    }
    for (const id of [...added, ...updated]) ids?.add(id);
    for (const id of removed) ids?.delete(id);
    for (const id of [...added, ...updated, ...removed]) {
      this.awarenessChanged.add(id);
      if (origin !== FROM_OTHER_NODE) this.localAwarenessChanged.add(id);
    }
    this.awarenessTimer ??= setTimeout(() => {
      this.awarenessTimer = null;
      const changed = [...this.awarenessChanged];
      const local = [...this.localAwarenessChanged];
      this.awarenessChanged.clear();
      this.localAwarenessChanged.clear();
      const message = this.awarenessMessage(changed);
      for (const member of this.members) member.send(message);
      if (this.relay && local.length > 0)
        this.relay.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
    }, AWARENESS_BATCH_MS);
  };

  private awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    return encoding.toUint8Array(encoder);
  }
}
