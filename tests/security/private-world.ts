import { fillPattern, type RouteModule } from "./route-list";
import { createSession } from "~/auth/session.server";
import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph } from "~/editor/document-json";
import { loadActor } from "~/models/accounts/actors.server";
import { draftResourceOf, DRAFT_FOR_POLICY } from "~/models/drafts/draft-access.server";
import { startThread } from "~/models/comments/comments.server";
import { createDraft, shareDraft } from "~/models/drafts/drafts.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { createRound } from "~/models/rounds/rounds.server";
import { approveMinutes, startMinutes } from "~/models/collegium/meeting-minutes.server";
import { loadMeeting } from "~/models/collegium/meeting-resource.server";
import { scheduleMeeting } from "~/models/collegium/meetings.server";
import { sendForReview } from "~/models/collegium/reviews.server";
import { createVersion } from "~/models/documents/versions.server";
import { addAttachment } from "~/models/attachments/attachments.server";
import { writeAttachment } from "~/models/attachments/written-attachments.server";
import { addLanguageText } from "~/models/texts/language-texts.server";
import { db } from "~/utils/db.server";
import { addMember, createOrganization, createUser } from "../helpers/factories";

const DAY = 24 * 60 * 60 * 1000;

/** A signed-in user for model calls, as the app builds it from the session. */
export async function asCurrentUser(userId: string): Promise<CurrentUser> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  return { ...user, sessionId: "", actor: await loadActor(user) };
}

/** A session cookie for a user, made by the real session code (no password round trip). */
export async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(db(), userId);
  return `agora_session=${token}`;
}

/**
 * Another organization's private world, none of it shared with the demo users:
 * a ministry with its own staff, a private draft (title and text carry `marker`), an
 * internal comment, an invited-only round with a proposal by a guest NGO, and a second
 * draft under review by the ministry's own collegium. `commenter` has comment access to
 * a third draft of the same ministry only: one grant must not open the others.
 */
export async function createPrivateWorld(marker: string) {
  const ministry = await createOrganization("MINISTRY", "Ministry of Water Resources");
  const guestOrganization = await createOrganization("NGO", "Water Users' Association");
  const owner = await createUser({ name: "Owner Staff" });
  await addMember(owner.id, ministry.id, "ADMIN");
  const guest = await createUser({ name: "Guest Expert" });
  await addMember(guest.id, guestOrganization.id, "MEMBER");
  const commenter = await createUser({ name: "Sibling Commenter" });
  const ownerUser = await asCurrentUser(owner.id);

  const content = (heading: string) => ({
    type: "doc",
    content: [paragraph(`${marker} preamble`), article("sec-a1", `${marker} ${heading}`, paragraph(`${marker} text`))],
  });
  const details = (title: string) => ({
    titleHy: null,
    titleRu: null,
    titleKa: null,
    titleEn: title,
    kind: "LAW" as const,
    ownerOrganizationId: ministry.id,
  });
  const draft = await createDraft(owner.id, details(`${marker} water code`), content("article"));
  const reviewed = await createDraft(owner.id, details(`${marker} reviewed code`), content("reviewed article"));
  const sibling = await createDraft(owner.id, details("Open sibling draft"), content("sibling"));
  await shareDraft(owner.id, sibling.id, { userId: commenter.id }, "COMMENT");

  const policyDraft = draftResourceOf(
    await db().draft.findUniqueOrThrow({ where: { id: draft.id }, select: DRAFT_FOR_POLICY }),
  );
  const thread = await startThread(ownerUser, policyDraft, {
    articleId: "sec-a1",
    anchorStart: null,
    anchorEnd: null,
    quote: null,
    visibility: "INTERNAL",
    body: `${marker} internal comment`,
  });

  // Dossiers with the marker in their titles: frozen with the round's and the review's versions.
  const attach = (draftId: string) =>
    addAttachment({
      actorId: owner.id,
      clientAddress: "198.51.100.9",
      draftId,
      kind: "EXPLANATORY_NOTE",
      title: `${marker} explanatory note`,
      fileName: "note.pdf",
      data: Buffer.from(`%PDF-1.4\n% ${marker}\n`),
    });
  const liveAttachment = await attach(draft.id);
  await attach(reviewed.id);

  // A text in Russian before the round: the round's version freezes it with the main text.
  const russian = await addLanguageText({
    actorId: owner.id,
    clientAddress: "198.51.100.9",
    draftId: draft.id,
    language: "ru",
    mode: "copy",
  });
  const round = await createRound(
    ownerUser,
    draft.id,
    {
      title: `${marker} invited round`,
      description: "",
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 20 * DAY),
      timeZone: "UTC",
      audience: "INVITED",
      invited: [guestOrganization.id],
      versionName: `${marker} round version`,
    },
    "v",
  );
  await db().consultationRound.update({ where: { id: round.id }, data: { status: "OPEN" } });
  await db().draft.update({ where: { id: draft.id }, data: { status: "IN_CONSULTATION" } });
  const proposal = await submitProposal(await asCurrentUser(guest.id), round.id, {
    articleId: "sec-a1",
    quote: null,
    proposedText: `${marker} proposal text`,
    justification: `${marker} justification`,
    onBehalfOf: "",
  });

  const body = await db().collegiumBody.create({ data: { organizationId: ministry.id, nameEn: "Water collegium" } });
  const seat = await db().collegiumMembership.create({
    data: { bodyId: body.id, userId: owner.id, personName: "Owner Staff", role: "SECRETARY", termStart: new Date(0) },
  });
  const reviewer = await createUser({ name: "Water Reviewer" });
  await db().collegiumMembership.create({
    data: { bodyId: body.id, userId: reviewer.id, personName: "Water Reviewer", termStart: new Date(0) },
  });
  const version = await createVersion(owner.id, reviewed.id, `${marker} final version`);
  const review = await sendForReview(ownerUser, reviewed.id, {
    bodyId: body.id,
    versionId: version.id,
    dueAt: new Date(Date.now() + 10 * DAY),
    note: `${marker} review note`,
  });

  const frozenAttachment = (versionId: string) =>
    db()
      .versionAttachment.findFirstOrThrow({ where: { versionId } })
      .then((a) => a.id);
  // A private meeting of that collegium with approved minutes (the secretary is the owner).
  const meeting = await scheduleMeeting(ownerUser, body.id, {
    title: `${marker} meeting`,
    startsAt: new Date(Date.now() + 2 * DAY),
    endsAt: new Date(Date.now() + 2 * DAY + 3_600_000),
    timeZone: "UTC",
    place: `${marker} place`,
    onlineUrl: "",
    reviewIds: [review.id],
    freeItems: [`${marker} agenda item`],
    guests: [],
  });
  await startMinutes(ownerUser, (await loadMeeting(meeting.id))!, "en");
  await approveMinutes(ownerUser, (await loadMeeting(meeting.id))!, "INTERNAL", "en");

  // An annex written in the editor (after the round froze its dossier): its text has its own page.
  const written = await writeAttachment({
    actorId: owner.id,
    clientAddress: "198.51.100.9",
    draftId: draft.id,
    kind: "ANNEX",
    title: `${marker} annex`,
  });

  return {
    liveAttachmentId: liveAttachment.id,
    languageTextId: russian.id,
    writtenTextId: written.textId!,
    roundAttachmentId: await frozenAttachment(round.versionId),
    reviewAttachmentId: await frozenAttachment(version.id),
    meeting,
    ministry,
    guestOrganization,
    owner,
    guest,
    commenter,
    reviewer,
    seat,
    draft,
    reviewed,
    sibling,
    thread,
    round,
    proposal,
    body,
    version,
    review,
    roundVersionId: round.versionId,
  };
}

export type PrivateWorld = Awaited<ReturnType<typeof createPrivateWorld>>;

/** A route's URL with its parameters pointing into the private world (every `:param` a route file has). */
export function urlInPrivateWorld(route: RouteModule, world: PrivateWorld): string {
  return fillPattern(route.pattern, {
    draftId: route.file.includes("reviews.new") ? world.reviewed.id : world.draft.id,
    versionId: world.roundVersionId,
    roundId: world.round.id,
    reviewId: world.review.id,
    bodyId: world.body.id,
    meetingId: world.meeting.id,
    orgId: world.ministry.id,
    token: "not-a-real-token",
    kind: "proposal",
    id: world.proposal.id,
    textId: route.file.includes(".parallel.") ? world.languageTextId : world.writtenTextId,
    // A live attachment on the draft, else the frozen one of the version the route shows.
    attachmentId: /^drafts\.\$draftId\.attachments/.test(route.file)
      ? world.liveAttachmentId
      : route.file.startsWith("reviews.")
        ? world.reviewAttachmentId
        : world.roundAttachmentId,
  });
}
