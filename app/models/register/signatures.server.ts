import { AGREEMENT_KINDS, SIGNABLE_STATUSES } from "~/policies";
import type { SignatureInput } from "~/schemas/signature";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { notifyDraftAccessChanged } from "~/utils/draft-events.server";
import { RuleError } from "~/utils/rule-error";

/**
 * Records the signature of an agreement on one of its frozen versions and, in the same
 * transaction, makes the draft SIGNED: the signature is the only way there. The caller has
 * authorized `draft.recordSignature`; the draft's kind and status are checked again here,
 * conditionally on the row, so a racing change (or a second signature) cannot slip through.
 */
export async function recordSignatureIn(
  tx: Tx,
  actorId: string,
  draftId: string,
  input: SignatureInput,
  recordedAt = new Date(),
) {
  const draft = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { kind: true, status: true } });
  if (!(AGREEMENT_KINDS as readonly string[]).includes(draft.kind))
    throw new RuleError("signature.errors.notAgreement");
  const version = await tx.draftVersion.findFirst({ where: { id: input.versionId, draftId } });
  if (!version) throw new RuleError("errors.required", "versionId");
  const moved = await tx.draft.updateMany({
    where: { id: draftId, status: { in: SIGNABLE_STATUSES }, signature: null },
    data: { status: "SIGNED" },
  });
  if (moved.count === 0) throw new RuleError("signature.errors.notSignable");
  const signature = await tx.agreementSignature.create({
    data: {
      draftId,
      versionId: version.id,
      signedOn: input.signedOn,
      place: input.place,
      recordedById: actorId,
      createdAt: recordedAt,
      signatories: { create: input.signatories.map((s, index) => ({ ...s, ordinal: index + 1 })) },
    },
  });
  await audit(tx, {
    actorId,
    action: "signature.record",
    objectType: "AgreementSignature",
    objectId: signature.id,
    details: { draftId, ...input, sha256: version.sha256 },
    at: recordedAt,
  });
  await audit(tx, {
    actorId,
    action: "draft.status",
    objectType: "Draft",
    objectId: draftId,
    details: { from: draft.status, to: "SIGNED", signatureId: signature.id },
    at: recordedAt,
  });
  return signature;
}

export async function recordSignature(actorId: string, draftId: string, input: SignatureInput) {
  const signature = await db().$transaction((tx) => recordSignatureIn(tx, actorId, draftId, input));
  notifyDraftAccessChanged(draftId);
  return signature;
}

/** The signature of a signed agreement with its signatories in order, or null. */
export function getSignature(draftId: string) {
  return db().agreementSignature.findUnique({
    where: { draftId },
    include: {
      signatories: { orderBy: { ordinal: "asc" }, select: { name: true, position: true, organization: true } },
      version: { select: { id: true, number: true, name: true, sha256: true } },
    },
  });
}
