import { DRAFT_HEADING } from "~/i18n/localized-name";
import { can, roundResourceOf, type Actor, type DraftResource } from "~/policies";
import { db } from "~/utils/db.server";
import { reviewResourceOf } from "../collegium/reviews.server";
import { loadMeeting } from "../collegium/meeting-resource.server";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { loadDocument } from "../documents/document-log.server";
import { listSuggestions } from "~/editor/suggestions";

/**
 * The sections of a person's work queue, one small function each. Each asks the database
 * only for candidates within the person's reach, then keeps exactly those the policy admits
 * (`can()`, the same rule the page behind the link applies), so a count never includes
 * something the link would refuse. A new section (meetings, say) is one more function here
 * and one line in QUEUE_SECTIONS (work-queue.server.ts).
 */
export type QueuePerson = { id: string; actor: Actor };
export type Section<Item> = { count: number; items: Item[] };

/** Items shown per section; the count is always of them all. */
export const SECTION_ITEMS = 5;

const section = <Item>(all: Item[]): Section<Item> => ({ count: all.length, items: all.slice(0, SECTION_ITEMS) });

const organizationIdsOf = (actor: Actor) => actor.memberships.map((m) => m.organizationId);

/** Grants that let a person write in a draft's text: directly, or as suggestions. */
const WRITING_LEVELS: ("EDIT" | "SUGGEST")[] = ["EDIT", "SUGGEST"];

/** Whether the person may edit the text now, or suggest in it. */
const writesIn = (actor: Actor, draft: DraftResource) =>
  can(actor, "draft.edit", draft) || can(actor, "draft.suggest", draft);

/** Drafts within the person's reach through their organizations or grants of these levels. */
function reachOf(person: QueuePerson, levels: ("EDIT" | "SUGGEST")[]) {
  const orgs = organizationIdsOf(person.actor);
  if (person.actor.isPlatformAdmin) return {};
  return {
    OR: [
      { ownerOrganizationId: { in: orgs } },
      { access: { some: { level: { in: levels }, organizationId: { in: orgs } } } },
      { access: { some: { level: { in: levels }, userId: person.id } } },
    ],
  };
}

/** Drafts I can edit or suggest in now, recently changed first, with who made the last recorded change. */
export async function draftsToEdit(person: QueuePerson): Promise<Section<EditableDraft>> {
  const reach = reachOf(person, WRITING_LEVELS);
  const candidates = await db().draft.findMany({
    where: { AND: [reach, { status: { in: ["DRAFTING", "REVISION"] } }] },
    select: { ...DRAFT_FOR_POLICY, updatedAt: true, snapshots: { select: { updatedAt: true } } },
  });
  const editable = candidates.filter((d) => writesIn(person.actor, draftResourceOf(d)));
  const ids = editable.map((d) => d.id);
  // The text's last write (the update log, or the snapshot it was folded into) and the last
  // recorded change by a person (details, versions, sharing) from the audit log.
  const [lastWrites, lastEvents] = await Promise.all([
    db().documentUpdate.groupBy({ by: ["draftId"], where: { draftId: { in: ids } }, _max: { createdAt: true } }),
    db().auditEvent.findMany({
      where: { objectType: "Draft", objectId: { in: ids }, actorId: { not: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["objectId"],
      select: { objectId: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const items = editable.map((d) => {
    const times = [
      d.updatedAt,
      ...d.snapshots.map((snapshot) => snapshot.updatedAt),
      lastWrites.find((w) => w.draftId === d.id)?._max.createdAt ?? undefined,
    ].filter((t): t is Date => !!t);
    const event = lastEvents.find((e) => e.objectId === d.id);
    return {
      id: d.id,
      titleHy: d.titleHy,
      titleRu: d.titleRu,
      titleKa: d.titleKa,
      titleEn: d.titleEn,
      status: d.status,
      changedAt: new Date(Math.max(...times.map((t) => t.getTime()))),
      changedBy: event?.actor?.name ?? null,
    };
  });
  items.sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime() || a.id.localeCompare(b.id));
  return section(items);
}
export type EditableDraft = {
  id: string;
  titleHy: string | null;
  titleRu: string | null;
  titleKa: string | null;
  titleEn: string | null;
  status: string;
  changedAt: Date;
  changedBy: string | null;
};

const ROUND_FOR_QUEUE = {
  id: true,
  title: true,
  status: true,
  audience: true,
  closesAt: true,
  timeZone: true,
  invitations: { select: { organizationId: true } },
  draft: { select: DRAFT_FOR_POLICY },
} as const;

/** Open rounds I may submit proposals to, closing soonest first. */
export async function roundsOpenToMe(person: QueuePerson, now: Date) {
  const rounds = await db().consultationRound.findMany({
    where: {
      status: "OPEN",
      closesAt: { gt: now },
      OR: [
        { audience: "PUBLIC" },
        { invitations: { some: { organizationId: { in: organizationIdsOf(person.actor) } } } },
      ],
    },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    select: ROUND_FOR_QUEUE,
  });
  return section(
    rounds
      .filter((r) => can(person.actor, "round.submit", roundResourceOf(r, draftResourceOf(r.draft))))
      .map((r) => ({ id: r.id, title: r.title, closesAt: r.closesAt, timeZone: r.timeZone })),
  );
}

/** Closed rounds whose proposals I answer (the owner's staff), with how many wait; counted by proposal. */
export async function proposalsToAnswer(person: QueuePerson) {
  const rounds = await db().consultationRound.findMany({
    where: {
      status: "CLOSED",
      ...(person.actor.isPlatformAdmin
        ? {}
        : { draft: { ownerOrganizationId: { in: organizationIdsOf(person.actor) } } }),
    },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    select: {
      ...ROUND_FOR_QUEUE,
      _count: { select: { proposals: { where: { status: "SUBMITTED", decision: null } } } },
    },
  });
  const waiting = rounds
    .filter(
      (r) => r._count.proposals > 0 && can(person.actor, "round.answer", roundResourceOf(r, draftResourceOf(r.draft))),
    )
    .map((r) => ({ id: r.id, title: r.title, waiting: r._count.proposals }));
  return { count: waiting.reduce((sum, r) => sum + r.waiting, 0), items: waiting.slice(0, SECTION_ITEMS) };
}

/** Open reviews where I hold a seat and have not decided yet, soonest due first. */
export async function reviewsToDecide(person: QueuePerson, now: Date) {
  const reviews = await db().collegiumReview.findMany({
    where: { status: "OPEN", reviewers: { some: { membership: { userId: person.id } } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      dueAt: true,
      bodyId: true,
      body: { select: { organizationId: true } },
      draft: { select: DRAFT_FOR_POLICY },
      reviewers: { select: { membershipId: true, membership: { select: { userId: true } } } },
      decisions: { select: { membershipId: true } },
    },
  });
  const waiting = [];
  for (const r of reviews) {
    const mine = r.reviewers.find((seat) => seat.membership.userId === person.id);
    if (!mine || r.decisions.some((d) => d.membershipId === mine.membershipId)) continue;
    if (!can(person.actor, "review.decide", await reviewResourceOf(r, now))) continue;
    waiting.push({
      id: r.id,
      dueAt: r.dueAt,
      draft: {
        id: r.draft.id,
        titleHy: r.draft.titleHy,
        titleRu: r.draft.titleRu,
        titleKa: r.draft.titleKa,
        titleEn: r.draft.titleEn,
      },
    });
  }
  return section(waiting);
}

/** My own proposals, newest first, with the answer where one was given. */
export async function myProposals(person: QueuePerson) {
  const proposals = await db().proposal.findMany({
    where: { authorId: person.id, status: "SUBMITTED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      number: true,
      decision: true,
      round: { select: { id: true, title: true, draft: { select: DRAFT_HEADING } } },
    },
  });
  return section(proposals.map((p) => ({ id: p.id, number: p.number, decision: p.decision, round: p.round })));
}

/**
 * Meetings I am invited to that have not ended, soonest first, with my answer: the invitation
 * (accept or decline) and the agenda are on the meeting's page.
 */
export async function myMeetings(person: QueuePerson, now: Date) {
  const invited = await db().meetingInvitee.findMany({
    where: { userId: person.id, meeting: { status: "SCHEDULED", endsAt: { gt: now } } },
    select: { meetingId: true, response: true },
  });
  const items = [];
  for (const invitation of invited) {
    const loaded = await loadMeeting(invitation.meetingId, now);
    if (!loaded || !can(person.actor, "meeting.view", loaded.resource)) continue;
    const { meeting } = loaded;
    items.push({
      id: meeting.id,
      bodyId: meeting.bodyId,
      title: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      response: invitation.response,
    });
  }
  items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  return section(items);
}

/**
 * Drafts with others' suggestions waiting for my decision (I edit them), with how many; counted by
 * suggestion. Pending suggestions live in the document itself, not in a table (decision 022),
 * so each candidate's document is read from its log: an editor has a handful of such drafts.
 */
export async function suggestionsToDecide(person: QueuePerson) {
  const candidates = await db().draft.findMany({
    where: { AND: [reachOf(person, ["EDIT"]), { status: { in: ["DRAFTING", "REVISION"] } }] },
    select: DRAFT_FOR_POLICY,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  const waiting = [];
  for (const draft of candidates) {
    if (!can(person.actor, "draft.decideSuggestion", draftResourceOf(draft))) continue;
    const { doc } = await loadDocument(draft.id);
    // One's own suggestions wait for someone else's decision.
    const count = listSuggestions(doc).filter((s) => s.authorId !== person.id).length;
    doc.destroy();
    if (count === 0) continue;
    const { id, titleHy, titleRu, titleKa, titleEn } = draft;
    waiting.push({ id, titleHy, titleRu, titleKa, titleEn, waiting: count });
  }
  return { count: waiting.reduce((sum, d) => sum + d.waiting, 0), items: waiting.slice(0, SECTION_ITEMS) };
}
