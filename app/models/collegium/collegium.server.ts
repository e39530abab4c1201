import { ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { inOffice, termsOverlap } from "~/collegium/terms";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";

export type NewMembership = {
  userId: string | null;
  personName: string;
  organizationId: string | null;
  position: string;
  role: "CHAIR" | "DEPUTY_CHAIR" | "SECRETARY" | "MEMBER";
  termStart: Date;
  termEnd: Date | null;
  appointedBy: string;
};

export function listBodies(organizationIds?: string[]) {
  return db().collegiumBody.findMany({
    where: organizationIds ? { organizationId: { in: organizationIds } } : {},
    orderBy: { createdAt: "asc" },
    include: { organization: { select: ORGANIZATION_NAMES } },
  });
}

export function getBody(bodyId: string) {
  return db().collegiumBody.findUnique({
    where: { id: bodyId },
    include: {
      organization: { select: ORGANIZATION_NAMES },
      memberships: {
        orderBy: [{ termStart: "asc" }, { personName: "asc" }],
        include: {
          organization: { select: ORGANIZATION_NAMES },
          user: { select: { id: true, name: true } },
        },
      },
    },
  });
}

/**
 * Records a seat on the roll. The same person (by account, else by name) cannot hold two
 * overlapping terms in one body; the check runs in the transaction that writes.
 */
export async function addMembership(actorId: string, bodyId: string, input: NewMembership) {
  return db().$transaction(async (tx) => {
    await refuseOverlap(tx, bodyId, input);
    const membership = await tx.collegiumMembership.create({ data: { bodyId, ...input } });
    await audit(tx, {
      actorId,
      action: "collegium.addMember",
      objectType: "CollegiumMembership",
      objectId: membership.id,
      details: { bodyId, role: input.role, termStart: input.termStart, termEnd: input.termEnd },
    });
    return membership;
  });
}

async function refuseOverlap(tx: Tx, bodyId: string, input: NewMembership, exceptId?: string) {
  const samePerson = await tx.collegiumMembership.findMany({
    where: {
      bodyId,
      id: exceptId ? { not: exceptId } : undefined,
      ...(input.userId ? { userId: input.userId } : { userId: null, personName: input.personName }),
    },
    select: { termStart: true, termEnd: true },
  });
  if (samePerson.some((term) => termsOverlap(term, input)))
    throw new RuleError("collegium.errors.overlap", "termStart");
}

/** Ends a term on a given day; the record stays on the roll's history. */
export async function endTerm(actorId: string, bodyId: string, membershipId: string, termEnd: Date) {
  await db().$transaction(async (tx) => {
    const seat = await tx.collegiumMembership.findFirst({ where: { id: membershipId, bodyId } });
    if (!seat) throw new RuleError("errors.notFound");
    if (termEnd < seat.termStart) throw new RuleError("collegium.errors.endBeforeStart", "termEnd");
    await tx.collegiumMembership.update({ where: { id: membershipId }, data: { termEnd } });
    await audit(tx, {
      actorId,
      action: "collegium.endTerm",
      objectType: "CollegiumMembership",
      objectId: membershipId,
      details: { termEnd },
    });
  });
}

/** Seats in office at a moment, boundaries included. */
export async function seatsInOffice(client: Tx | ReturnType<typeof db>, bodyId: string, at: Date) {
  const seats = await client.collegiumMembership.findMany({ where: { bodyId, termStart: { lte: at } } });
  return seats.filter((seat) => inOffice(seat, at));
}
