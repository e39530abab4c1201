import * as syncProtocol from "y-protocols/sync";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MESSAGE_SAVED, MESSAGE_SYNC } from "../app/editor/collab-protocol";
import { documentLogFor, type DocumentLog } from "../app/models/documents/document-log.server";
import type { CollabConfig } from "./config";
import type { PresenceIdentity } from "./presence";
import { RoomPersistence } from "./room-persistence";
import { ClientIdBindings } from "./client-id-binding";
import { RoomPresence } from "./room-presence";
import { TickBroadcast } from "./tick-broadcast";

/** Where rooms load and store documents: the database's document log. */
export type DocumentStore = DocumentLog;
/** The store of a collab node alone; collab/scale-out.ts gives shared nodes theirs. */
export const databaseStore: DocumentStore = documentLogFor("one node");

/** What a room needs from a connection: a way to send, and whether it wants "saved" notices. */
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

/**
 * One live document in memory (a draft's main text or another of its texts, by document id) and the members connected to it. Every accepted
 * update is broadcast once-encoded to the others, relayed to the other nodes and handed to
 * the persistence part (room-persistence.ts), which stores it and tells the members what
 * is saved; who is there and where is the presence part (room-presence.ts).
 */
export class Room {
  readonly members = new Set<RoomMember>();
  private readonly persistence: RoomPersistence;
  private readonly presence: RoomPresence<RoomMember>;
  private relay: RoomRelayLink | null = null;
  /** Updates of one event-loop turn go out as one merged frame per member. */
  private readonly broadcast = new TickBroadcast(() => this.members);
  /**
   * The answer to a SyncStep1 with an empty state vector (a new joiner: the whole draft),
   * kept until the document changes, so twenty people opening a big draft cost one encode.
   */
  private fullStateAnswer: Uint8Array | null = null;
  /** Whole-document encodes made for sync answers (visible to tests and monitoring). */
  fullStateEncodes = 0;
  /** Which suggester may write with which Yjs client id (client-id-binding.ts). */
  readonly clientIds: ClientIdBindings;

  private constructor(
    readonly documentId: string,
    readonly doc: Y.Doc,
    lastUpdateId: number,
    logRows: number,
    config: CollabConfig,
    store: DocumentStore,
  ) {
    this.persistence = new RoomPersistence(documentId, doc, lastUpdateId, logRows, config, store, (vector) =>
      this.notifySaved(vector),
    );
    this.presence = new RoomPresence(
      doc,
      () => this.members,
      FROM_OTHER_NODE,
      () => this.relay,
    );
    this.clientIds = new ClientIdBindings(doc, (client) => {
      const user = (this.presence.awareness.getStates().get(client) as { user?: { id?: unknown } } | undefined)?.user;
      return typeof user?.id === "string" ? user.id : undefined;
    });
    doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
  }

  /** Loads the stored document completely before anyone is answered (y-websocket-server PR #7). */
  static async open(documentId: string, config: CollabConfig, store: DocumentStore = databaseStore): Promise<Room> {
    const { doc, lastUpdateId, logRows, wholeState } = await store.loadDocument(documentId);
    const room = new Room(documentId, doc, lastUpdateId, logRows, config, store);
    // The first joiner of a draft opened from its snapshot alone gets the stored bytes as
    // they are: encoding the document again (10–25 ms for 1.4 MB) would hold every other
    // room's editors up on the same event loop, for an answer with the same content.
    if (wholeState) room.fullStateAnswer = syncStep2Message(wholeState);
    return room;
  }

  get awareness() {
    return this.presence.awareness;
  }

  join(member: RoomMember): void {
    this.members.add(member);
    const present = this.presence.join(member);
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(step1, this.doc);
    member.send(encoding.toUint8Array(step1));
    // A client that reconnects with changes the server already stored learns so at once.
    if (member.wantsSaved) member.send(this.savedMessage(this.persistence.savedVector));
    if (present) member.send(present);
  }

  leave(member: RoomMember): void {
    this.members.delete(member);
    this.presence.leave(member);
  }

  /** Applies an editor's update; the origin keeps it from being echoed back to its sender. */
  applyUpdate(update: Uint8Array, from: RoomMember): void {
    Y.applyUpdate(this.doc, update, from);
  }

  applyAwareness(update: Uint8Array, from: RoomMember): void {
    this.presence.apply(update, from);
  }

  linkRelay(link: RoomRelayLink): void {
    this.relay = link;
  }

  /** An update accepted by another node (which stores it): shown to our members only. */
  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, FROM_OTHER_NODE);
  }

  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.applyRemote(update);
  }

  /** The presence of this node's members, for a node that just opened the room; null if none. */
  localAwarenessUpdate(): Uint8Array | null {
    return this.presence.localUpdate();
  }

  /** The reply to a client's SyncStep1: everything it lacks. */
  syncStep2For(stateVector: Uint8Array): Uint8Array {
    // An empty state vector is one byte: zero clients.
    const everything = stateVector.length === 1 && stateVector[0] === 0;
    if (everything && this.fullStateAnswer) return this.fullStateAnswer;
    const answer = syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (everything) {
      this.fullStateEncodes++;
      this.fullStateAnswer = answer;
    }
    return answer;
  }

  /** Updates held in memory and not yet in the database (the persistence backlog). */
  get unsavedUpdates(): number {
    return this.persistence.unsavedUpdates;
  }

  get hasUnsavedChanges(): boolean {
    return this.persistence.hasUnsavedChanges;
  }

  /** When storing started failing (null while writes succeed); read by /healthz. */
  get failingSince(): number | null {
    return this.persistence.failingSince;
  }

  /** Writes what is pending; resolves when the database has it (or rejects on failure). */
  flush(): Promise<void> {
    return this.persistence.flush();
  }

  /** Folds the log into a snapshot. Safe while updates arrive: only rows already in memory go. */
  compact(): Promise<void> {
    return this.persistence.compact();
  }

  /** Stores everything, compacts if the log grew, and frees the document. Throws (and keeps it) if storing fails. */
  async unload(): Promise<void> {
    await this.persistence.storeAll();
    this.destroy();
  }

  destroy(): void {
    this.persistence.destroy();
    this.presence.destroy();
    this.relay?.close();
    this.relay = null;
    this.doc.destroy();
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.fullStateAnswer = null;
    this.broadcast.add(update, origin);
    if (origin === FROM_OTHER_NODE) return;
    this.relay?.publishUpdate(update);
    this.persistence.add(update);
  }

  private notifySaved(stateVector: Uint8Array): void {
    const message = this.savedMessage(stateVector);
    for (const member of this.members) if (member.wantsSaved) member.send(message);
  }

  private savedMessage(stateVector: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SAVED);
    encoding.writeVarUint8Array(encoder, stateVector);
    return encoding.toUint8Array(encoder);
  }
}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
