import { plainTextOf, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { sha256Hex } from "../../app/models/versions.server";
import type { Tx } from "../../app/utils/db.server";

/**
 * Gives a demo draft the history of a signed agreement, so the public register has an
 * entry: the text frozen as version 1, then the status steps the workflow allows
 * (DRAFTING → COLLEGIUM_REVIEW → SIGNED), each with its audit event at a past date.
 */
export type SignedHistory = { by: string; versionName: string; daysAgo: number };

const DAY = 24 * 60 * 60 * 1000;

export async function signDemoDraft(
  tx: Tx,
  draftId: string,
  content: DocNode,
  actorId: string,
  history: SignedHistory,
  now = new Date(),
): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const plainText = plainTextOf(content);
  const version = await tx.draftVersion.create({
    data: {
      draftId,
      number: 1,
      name: history.versionName,
      state: new Uint8Array(jsonToYUpdate(content)),
      content: content as object,
      plainText,
      sha256: sha256Hex(plainText),
      createdById: actorId,
      createdAt: at(history.daysAgo + 5),
    },
  });
  await tx.draft.update({ where: { id: draftId }, data: { status: "SIGNED" } });
  const events = [
    {
      action: "version.create",
      objectType: "DraftVersion",
      objectId: version.id,
      details: { draftId, number: 1, name: history.versionName, sha256: version.sha256 },
      createdAt: at(history.daysAgo + 5),
    },
    {
      action: "draft.status",
      objectType: "Draft",
      objectId: draftId,
      details: { from: "DRAFTING", to: "COLLEGIUM_REVIEW" },
      createdAt: at(history.daysAgo + 3),
    },
    {
      action: "draft.status",
      objectType: "Draft",
      objectId: draftId,
      details: { from: "COLLEGIUM_REVIEW", to: "SIGNED" },
      createdAt: at(history.daysAgo),
    },
  ];
  for (const event of events) await tx.auditEvent.create({ data: { actorId, ...event } });
}
