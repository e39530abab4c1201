import { useEffect, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CLOSE, COLLAB_PATH, roomName, SAVED_PARAM } from "~/editor/collab-protocol";
import { trackSaved } from "~/editor/saved-tracker";

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "offline" | "revoked";

export type Collaborator = { clientId: number; name: string; color: string };

export type CollabConnection = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: ConnectionState;
  allSaved: boolean;
  people: Collaborator[];
  /** True once the server's copy has arrived; the editor waits for it (see draft-editor). */
  synced: boolean;
};

/**
 * One Y.Doc and y-websocket provider for the draft, with what the status bar shows:
 * connection state, "all changes saved", and who is here. Closed with ACCESS_REVOKED,
 * it stops reconnecting; with ACCESS_CHANGED it reconnects and `onAccessChanged` lets
 * the page reload its permissions.
 */
export function useCollabConnection(draftId: string, onAccessChanged: () => void): CollabConnection | null {
  const [connection, setConnection] = useState<{ doc: Y.Doc; provider: WebsocketProvider } | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [allSaved, setAllSaved] = useState(true);
  const [people, setPeople] = useState<Collaborator[]>([]);
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const provider = new WebsocketProvider(
      `${scheme}://${window.location.host}${COLLAB_PATH}`,
      roomName(draftId),
      doc,
      {
        params: { [SAVED_PARAM]: "1" },
        maxBackoffTime: 5000,
      },
    );
    let everConnected = false;
    let revoked = false;
    const stopSaved = trackSaved(provider, setAllSaved);
    const onStatus = ({ status }: { status: string }) => {
      if (revoked) return;
      if (status === "connected") everConnected = true;
      if (!navigator.onLine) setState("offline");
      else if (status === "connected") setState("connected");
      else setState(everConnected ? "reconnecting" : "connecting");
    };
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE.ACCESS_REVOKED) {
        revoked = true;
        provider.disconnect();
        setState("revoked");
      } else if (event?.code === CLOSE.ACCESS_CHANGED) {
        onAccessChanged();
      }
    };
    const onNetwork = () => onStatus({ status: provider.wsconnected ? "connected" : "disconnected" });
    const onAwareness = () => {
      const list: Collaborator[] = [];
      provider.awareness.getStates().forEach((value, clientId) => {
        const user = (value as { user?: { name?: string; color?: string } }).user;
        if (user?.name) list.push({ clientId, name: user.name, color: user.color ?? "#888" });
      });
      setPeople(list);
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on("sync", onSync);
    provider.on("status", onStatus);
    provider.on("connection-close", onClose);
    provider.awareness.on("change", onAwareness);
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);
    setConnection({ doc, provider });
    return () => {
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
      stopSaved();
      provider.destroy();
      doc.destroy();
    };
    // onAccessChanged is a stable callback from the page; reconnecting on its change would lose state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  return connection ? { ...connection, state, allSaved, people, synced } : null;
}

const PALETTE = ["#1f5fa8", "#b3261e", "#1e7b45", "#8a4fbf", "#c26a00", "#00796b", "#ad1457", "#5d4037"];

/** A stable colour per person, so everyone sees the same colour for the same name. */
export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
