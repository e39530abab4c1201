import type { Tx } from "./db.server";

export type AuditInput = {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: Record<string, unknown>;
};

/**
 * Records who did what to which object. Always called with the transaction client of the
 * change it describes, so the event and the change commit or fail together.
 */
export async function audit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      details: (event.details ?? {}) as object,
    },
  });
}
