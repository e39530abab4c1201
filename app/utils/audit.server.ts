import { db, type Tx } from "./db.server";

export type AuditInput = {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: Record<string, unknown>;
  /** When it happened, if not now (the demo seed replays a past history). */
  at?: Date;
};

/**
 * Records who did what to which object. Always called with the transaction client of the
 * change it describes, so the event and the change commit or fail together.
 */
export async function audit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

/** Many events in one statement (a batch of submissions written together), same rows. */
export async function auditMany(tx: Tx, events: AuditInput[]): Promise<void> {
  if (events.length) await tx.auditEvent.createMany({ data: events.map(auditRow) });
}

function auditRow(event: AuditInput) {
  return {
    actorId: event.actorId,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    details: (event.details ?? {}) as object,
    ...(event.at ? { createdAt: event.at } : {}),
  };
}

/**
 * Records a refused attempt to change something: not entitled, or a form naming objects
 * the request may not touch (another round's proposal, someone else's seat). Nothing else
 * was written, so there is no transaction to join. Reading is not audited: only requests
 * that try to change state (everything but GET and HEAD) leave a row, `refused.<action>`.
 */
export async function auditRefusal(
  request: Request,
  actorId: string | null | undefined,
  event: { action: string; objectType: string; objectId: string | undefined; reason: string },
): Promise<void> {
  if (!actorId || request.method === "GET" || request.method === "HEAD") return;
  await db().auditEvent.create({
    data: {
      actorId,
      action: `refused.${event.action}`,
      objectType: event.objectType,
      objectId: event.objectId ?? "",
      details: { reason: event.reason, path: new URL(request.url).pathname },
    },
  });
}
