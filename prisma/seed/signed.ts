import { plainTextOf, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { sha256Hex } from "../../app/models/documents/versions.server";
import { recordSignatureIn } from "../../app/models/register/signatures.server";
import { isoDay } from "../../app/schemas/collegium";
import type { Signatory } from "../../app/schemas/signature";
import type { Tx } from "../../app/utils/db.server";

/**
 * Gives a demo draft the history of a signed agreement, so the public register has an
 * entry: the text frozen as version 1, then its signature recorded through the same model
 * function the signature page uses, which is what makes it SIGNED (at a past date).
 */
export type SignedHistory = {
  by: string;
  versionName: string;
  daysAgo: number;
  place: string;
  signatories: Signatory[];
};

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
  await tx.auditEvent.create({
    data: {
      actorId,
      action: "version.create",
      objectType: "DraftVersion",
      objectId: version.id,
      details: { draftId, number: 1, name: history.versionName, sha256: version.sha256 },
      createdAt: at(history.daysAgo + 5),
    },
  });
  const signedAt = at(history.daysAgo);
  await recordSignatureIn(
    tx,
    actorId,
    draftId,
    { versionId: version.id, signedOn: isoDay(signedAt), place: history.place, signatories: history.signatories },
    signedAt,
  );
}
