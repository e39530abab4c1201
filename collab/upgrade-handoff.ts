import type { IncomingHttpHeaders } from "node:http";

/**
 * What the web process sends the collab process with an upgrade's socket: the request as
 * the web process parsed it, and the bytes it had already read past the request head.
 */
export type UpgradeHandoff = {
  type: "upgrade";
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Base64 of the bytes read after the head (usually none: the client waits for 101). */
  head: string;
};

export type ToCollabProcess = UpgradeHandoff | { type: "access-changed"; draftId: string } | { type: "close" };

export type FromCollabProcess =
  | { type: "ready" }
  | { type: "backlog"; backlog: import("../app/utils/health.server").PersistenceBacklog };
