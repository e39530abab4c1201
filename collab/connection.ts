import { documentIdOf, type DocumentRef } from "../app/editor/document-id";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { CLOSE, MESSAGE_AWARENESS, MESSAGE_SYNC } from "../app/editor/collab-protocol";
import type { DocumentAccess } from "../app/policies";
import { AwarenessGate } from "./awareness-gate";
import { SyncAnswers } from "./sync-answers";
import { refuseSuggesterUpdate } from "./suggestion-gate";
import type { CollabConfig } from "./config";
import { deepestNewNesting, UNRESOLVED } from "./nesting-depth";
import type { Room, RoomMember } from "./room";

export type ConnectionIdentity = {
  userId: string;
  userName: string;
  sessionToken: string;
  access: Exclude<DocumentAccess, null>;
};

/**
 * One WebSocket of one person on one draft. Decodes the y-websocket protocol; updates from
 * a comment-only connection are dropped before they touch the document, so are a suggester's
 * updates that do more than add or withdraw that person's own suggestions, and so are updates
 * nesting elements deeper than the editor ever does. Sync requests and awareness pass a
 * per-connection gate (sync-answers.ts, awareness-gate.ts) so no client can make the server
 * encode or relay without bound. Anything it cannot decode or apply closes this connection only.
 */
export class Connection implements RoomMember {
  private room: Room | null = null;
  private queued: Uint8Array[] = [];
  /** Updates refused: a read-only connection, or a suggester's beyond its own suggestions (visible to tests and logs). */
  droppedUpdates = 0;
  readonly syncAnswers: SyncAnswers;
  private readonly awarenessGate: AwarenessGate;

  constructor(
    private readonly ws: WebSocket,
    /** The live document this connection edits or reads (its access is decided on its draft). */
    readonly document: DocumentRef,
    readonly identity: ConnectionIdentity,
    readonly wantsSaved: boolean,
    private readonly config: CollabConfig,
  ) {
    ws.binaryType = "nodebuffer";
    ws.on("message", (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
    this.syncAnswers = new SyncAnswers(config, (stateVector, done) => this.answerSync(stateVector, done));
    this.awarenessGate = new AwarenessGate(
      config,
      (update) => this.guarded(() => this.room!.applyAwareness(update, this)),
      (clientId) => this.room?.awareness.meta.get(clientId)?.clock,
    );
    ws.on("close", () => this.awarenessGate.stop());
  }

  get access() {
    return this.identity.access;
  }

  get draftId(): string {
    return this.document.draftId;
  }

  get documentId(): string {
    return documentIdOf(this.document.draftId, this.document.textId);
  }

  get presence() {
    return { userId: this.identity.userId, name: this.identity.userName };
  }

  /** Called once the room's document is loaded; replays what arrived meanwhile. */
  attach(room: Room): void {
    if (this.isClosed) return;
    this.room = room;
    room.join(this);
    const queued = this.queued;
    this.queued = [];
    for (const message of queued) this.handle(message);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.config.maxBufferedBytes) {
      this.close(CLOSE.OVERLOADED, "client is not reading");
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.isClosed) return;
    this.ws.close(code, reason);
  }

  get isClosed(): boolean {
    return this.ws.readyState === this.ws.CLOSING || this.ws.readyState === this.ws.CLOSED;
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (!isBinary) return this.close(CLOSE.MALFORMED, "binary frames only");
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!this.room) {
      if (this.queued.length >= this.config.maxPendingMessages)
        return this.close(CLOSE.OVERLOADED, "too many messages");
      this.queued.push(message);
      return;
    }
    this.handle(message);
  }

  private handle(message: Uint8Array): void {
    this.guarded(() => this.dispatch(message));
  }

  /** Runs one step of handling a message; a failure closes this connection only. */
  private guarded(step: () => void): void {
    try {
      step();
    } catch (error) {
      console.warn(
        `collab: closing a connection to document ${this.documentId} after a malformed message:`,
        String(error),
      );
      this.close(CLOSE.MALFORMED, "malformed message");
    }
  }

  private dispatch(message: Uint8Array): void {
    const room = this.room!;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload); // a malformed one closes now, not when its turn comes
        if (!this.syncAnswers.request(payload)) return this.close(CLOSE.OVERLOADED, "too many sync requests");
      } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        if (this.access === "comment") {
          this.droppedUpdates++;
          return;
        }
        if (this.access === "suggest") {
          // Its own suggestions only, whatever its browser's switch says (collab/suggestion-gate.ts).
          const refusal = refuseSuggesterUpdate(
            room.doc,
            payload,
            this.identity.userId,
            this.config.maxOpenSuggestionsPerPerson,
          );
          if (refusal) {
            this.droppedUpdates++;
            console.warn(`collab: refused a suggester's update to document ${room.documentId}: ${refusal}`);
            return;
          }
          // Checked after the gate: a forged update is refused for what it does, whoever's id it uses.
          if (!room.clientIds.allows(payload, this.identity.userId)) {
            this.droppedUpdates++;
            console.warn(
              `collab: refused a suggester's update to document ${room.documentId}: another person's client id`,
            );
            return;
          }
        }
        // Refused before it is applied, relayed or stored: once in, every derived step fails.
        const depth = deepestNewNesting(room.doc, payload);
        if (depth > this.config.maxNestingDepth) {
          const reason = depth === UNRESOLVED ? "update refers to unknown changes" : "nested too deeply";
          console.warn(`collab: closing a connection to document ${room.documentId}: ${reason}`);
          return this.close(CLOSE.MALFORMED, reason);
        }
        room.applyUpdate(payload, this);
      } else {
        throw new Error(`unknown sync message ${syncType}`);
      }
    } else if (type === MESSAGE_AWARENESS) {
      const refusal = this.awarenessGate.receive(decoding.readVarUint8Array(decoder));
      if (refusal) {
        console.warn(`collab: closing a connection to document ${room.documentId}: ${refusal.reason}`);
        this.close(refusal.code, refusal.reason);
      }
    } else {
      throw new Error(`unknown message type ${type}`);
    }
  }

  /** Sends one SyncStep2; `done` once the socket has written it (or never, if it closed). */
  private answerSync(stateVector: Uint8Array, done: () => void): void {
    this.guarded(() => {
      if (this.isClosed) return;
      if (this.ws.bufferedAmount > this.config.maxBufferedBytes) {
        this.close(CLOSE.OVERLOADED, "client is not reading");
        return;
      }
      this.ws.send(this.room!.syncStep2For(stateVector), (error) => {
        if (!error) done();
      });
    });
  }
}
