import { validateSessionToken } from "~/auth/session.server";
import { loadDraftResources } from "~/models/drafts/draft-access.server";
import { can, type Actor, type DraftResource } from "~/policies";
import { ConnectionQuota } from "./connection-quota";
import { db } from "./db.server";
import { onDraftAccessChanged } from "./draft-events.server";

/**
 * Open comment event streams (server-sent events), held to the same rules as the collab
 * WebSockets: a stream whose reader lost access, or whose session ended, is closed (on an
 * access notice from this or, with Redis, another node; on sign-out here; and by a periodic
 * re-check that also catches changes no notice announced), and streams are capped per
 * account and per client address.
 */
export const COMMENT_STREAM_LIMITS = {
  perAccount: 20,
  perAddress: 50,
  /** Same period as the collab server's access re-check. */
  recheckMs: Number(process.env.COMMENT_STREAM_RECHECK_MS) || 2_000,
};

export type CommentStream = { draftId: string; sessionToken: string; close: () => void };

type Registry = {
  streams: Set<CommentStream>;
  perAccount: ConnectionQuota;
  perAddress: ConnectionQuota;
  timer?: NodeJS.Timeout;
  listening?: boolean;
  rechecking?: boolean;
};
// On globalThis: a development rebuild re-imports this module, and the open streams must stay counted.
const globalForStreams = globalThis as unknown as { agoraCommentStreams?: Registry };
const registry = (globalForStreams.agoraCommentStreams ??= {
  streams: new Set(),
  perAccount: new ConnectionQuota(COMMENT_STREAM_LIMITS.perAccount),
  perAddress: new ConnectionQuota(COMMENT_STREAM_LIMITS.perAddress),
});

/**
 * Registers a stream; null when its account or address already holds the most allowed.
 * The returned function unregisters it (idempotent); `close` is what a re-check calls.
 */
export function openCommentStream(options: {
  draftId: string;
  sessionToken: string;
  userId: string;
  address: string;
  close: () => void;
}): (() => void) | null {
  const releaseAccount = registry.perAccount.acquire(options.userId);
  if (!releaseAccount) return null;
  const releaseAddress = registry.perAddress.acquire(options.address);
  if (!releaseAddress) {
    releaseAccount();
    return null;
  }
  const stream: CommentStream = { draftId: options.draftId, sessionToken: options.sessionToken, close: options.close };
  registry.streams.add(stream);
  startWatching();
  return () => {
    if (!registry.streams.delete(stream)) return;
    releaseAccount();
    releaseAddress();
    if (registry.streams.size === 0) stopWatching();
  };
}

/** Sign-out in this process closes that session's streams at once. */
export function closeCommentStreamsOfSession(sessionToken: string): void {
  for (const stream of [...registry.streams]) if (stream.sessionToken === sessionToken) stream.close();
}

/** Decides again for every open stream (of one draft, or all); lookups are shared within the pass. */
export async function recheckCommentStreams(draftId?: string): Promise<void> {
  const affected = [...registry.streams].filter((stream) => !draftId || stream.draftId === draftId);
  if (affected.length === 0) return;
  const drafts = await loadDraftResources([...new Set(affected.map((stream) => stream.draftId))]);
  const actors = new Map<string, Promise<Actor | null>>();
  const actorOf = (token: string) => {
    let found = actors.get(token);
    if (!found) {
      found = validateSessionToken(db(), token).then((session) => session?.actor ?? null);
      actors.set(token, found);
    }
    return found;
  };
  for (const stream of affected) {
    const actor = await actorOf(stream.sessionToken);
    const draft: DraftResource | undefined = drafts.get(stream.draftId);
    if (!actor || !draft || !can(actor, "draft.comment", draft)) stream.close();
  }
}

function startWatching(): void {
  if (!registry.listening) {
    registry.listening = true;
    onDraftAccessChanged((draftId) => {
      recheckCommentStreams(draftId === "*" ? undefined : draftId).catch((error: unknown) =>
        console.error("comment streams: access re-check failed", error),
      );
    });
  }
  if (registry.timer) return;
  registry.timer = setInterval(() => {
    if (registry.rechecking) return;
    registry.rechecking = true;
    recheckCommentStreams()
      .catch((error: unknown) => console.error("comment streams: access re-check failed", error))
      .finally(() => (registry.rechecking = false));
  }, COMMENT_STREAM_LIMITS.recheckMs);
  registry.timer.unref();
}

function stopWatching(): void {
  clearInterval(registry.timer);
  registry.timer = undefined;
}
