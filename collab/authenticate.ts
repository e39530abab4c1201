import type { IncomingMessage } from "node:http";
import { readCookie, SESSION_COOKIE, validateSessionToken, type ValidSession } from "../app/auth/session.server";
import { loadDraftResource, loadDraftResources } from "../app/models/drafts/draft-access.server";
import { can, type DocumentAccess } from "../app/policies";
import type { DocumentRef } from "../app/editor/document-id";
import type { DraftTextRole } from "../app/generated/prisma/sqlite/client";
import { db } from "../app/utils/db.server";

export type UpgradeDecision =
  | { ok: true; userId: string; userName: string; sessionToken: string; access: Exclude<DocumentAccess, null> }
  | { ok: false; status: 401 | 403 | 404 };

/** Reads the session cookie of an upgrade request (the same cookie the web app set). */
export function sessionTokenOf(request: IncomingMessage): string | null {
  const headers = new Headers();
  if (request.headers.cookie) headers.set("Cookie", request.headers.cookie);
  return readCookie(new Request("http://collab.local/", { headers }), SESSION_COOKIE);
}

/**
 * Lookups shared by the decisions of one access re-check pass: a person with 200 drafts open
 * is validated once, not 200 times (each lookup is a database round trip).
 */
export class AccessLookups {
  private readonly signedIn = new Map<string, Promise<ValidSession | null>>();
  private readonly drafts = new Map<string, ReturnType<typeof loadDraftResource>>();
  private readonly texts = new Map<string, Promise<{ draftId: string; role: DraftTextRole } | null>>();

  session(token: string): Promise<ValidSession | null> {
    let found = this.signedIn.get(token);
    if (!found) {
      found = validateSessionToken(db(), token);
      this.signedIn.set(token, found);
    }
    return found;
  }

  /** Loads these drafts in one query (a re-check pass over thousands of connections). */
  async prefetchDrafts(draftIds: string[]): Promise<void> {
    const missing = [...new Set(draftIds)].filter((id) => !this.drafts.has(id));
    if (missing.length === 0) return;
    const loaded = loadDraftResources(missing);
    for (const id of missing) {
      const draft = loaded.then((found) => found.get(id) ?? null);
      // A failed query rejects the pass (awaited below); these copies must not crash the process as unhandled.
      draft.catch(() => undefined);
      this.drafts.set(id, draft);
    }
    await loaded;
  }

  draft(draftId: string): ReturnType<typeof loadDraftResource> {
    let found = this.drafts.get(draftId);
    if (!found) this.drafts.set(draftId, (found = loadDraftResource(draftId)));
    return found;
  }

  text(textId: string): Promise<{ draftId: string; role: DraftTextRole } | null> {
    let found = this.texts.get(textId);
    if (!found) {
      found = db().draftText.findUnique({ where: { id: textId }, select: { draftId: true, role: true } });
      this.texts.set(textId, found);
    }
    return found;
  }
}

/**
 * Decides, before any document data is sent, whether this session may open this document and
 * how: the same `can()` the web app asks, always about the *draft* (a text of a draft has
 * its draft's access). The main text and a language text: `draft.edit` for a writing
 * connection, `draft.suggest` for one that may write its own suggestions only, `draft.view`
 * for a read-only one. An attachment written in the editor is part of the dossier: writing
 * needs `draft.manageAttachments`, reading `draft.view`.
 */
export async function decideAccess(
  sessionToken: string | null,
  document: string | DocumentRef,
  lookups = new AccessLookups(),
): Promise<UpgradeDecision> {
  const { draftId, textId } = typeof document === "string" ? { draftId: document, textId: null } : document;
  if (!sessionToken) return { ok: false, status: 401 };
  const session = await lookups.session(sessionToken);
  if (!session) return { ok: false, status: 401 };
  const { actor } = session;
  const draft = await lookups.draft(draftId);
  if (!draft) return { ok: false, status: 404 };
  const text = textId ? await lookups.text(textId) : null;
  // A text named under another draft does not exist here (and must not be reached through it).
  if (textId && text?.draftId !== draftId) return { ok: false, status: 404 };
  const access: DocumentAccess =
    text?.role === "ATTACHMENT"
      ? can(actor, "draft.manageAttachments", draft)
        ? "edit"
        : can(actor, "draft.view", draft)
          ? "comment"
          : null
      : can(actor, "draft.edit", draft)
        ? "edit"
        : can(actor, "draft.suggest", draft)
          ? "suggest"
          : can(actor, "draft.view", draft)
            ? "comment"
            : null;
  if (!access) return { ok: false, status: 403 };
  return { ok: true, userId: session.user.id, userName: session.user.name, sessionToken, access };
}

/** Browsers always send Origin on WebSocket requests; anything else must match ours. */
export function originAllowed(request: IncomingMessage, expectedOrigin: string | undefined): boolean {
  const origin = request.headers.origin;
  const expected = expectedOrigin ?? `http://${request.headers.host}`;
  return origin === expected;
}
