import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { calendar, foldLine } from "~/collegium/icalendar";
import { meetingQuorum } from "~/collegium/meeting-quorum";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { addMembership } from "~/models/collegium/collegium.server";
import { approveMinutes, circulateMinutes, startMinutes } from "~/models/collegium/meeting-minutes.server";
import { loadMeeting } from "~/models/collegium/meeting-resource.server";
import {
  cancelMeeting,
  changeMeeting,
  recordAttendance,
  recordMeetingDecisions,
  respondToMeeting,
  scheduleMeeting,
  setMeetingsPublic,
} from "~/models/collegium/meetings.server";
import { closeReview, recordDecision, sendForReview } from "~/models/collegium/reviews.server";
import { appendUpdate, initializeDocument, loadDocument } from "~/models/documents/document-log.server";
import { createVersion, sha256Hex } from "~/models/documents/versions.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { can } from "~/policies";
import type { MeetingInput } from "~/schemas/meeting";
import { db } from "~/utils/db.server";
import { parseICalendar, prop, textValue } from "../helpers/icalendar-parser";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const HOUR = 3_600_000;

async function asCurrentUser(user: { id: string; isPlatformAdmin: boolean; emailVerifiedAt: Date | null }) {
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

const seat = (userId: string | null, personName: string, role: "CHAIR" | "SECRETARY" | "MEMBER" = "MEMBER") => ({
  userId,
  personName,
  organizationId: null,
  position: "",
  role,
  termStart: new Date("2025-01-01T00:00:00Z"),
  termEnd: null,
  appointedBy: "Order No 15-Ա",
});

/** A ministry's collegium of four seats with accounts and one without, two drafts under review. */
async function meetingSetup() {
  const { ministry, staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({ type: "doc", content: [article("a1", "Բյուջե", paragraph("Բյուջեն ընդունվում է։"))] }),
  );
  const second = await createDraft(
    staff.id,
    {
      titleHy: "Համայնքների միավորման մասին",
      titleRu: null,
      titleKa: null,
      titleEn: null,
      kind: "LAW",
      ownerOrganizationId: ministry.id,
    },
    { type: "doc", content: [article("b1", "Միավորում", paragraph("Համայնքները միավորվում են։"))] },
  );
  const body = await db().collegiumBody.create({ data: { organizationId: ministry.id, nameEn: "Collegium" } });
  const people = {
    chair: await createUser({ name: "Artak" }),
    secretary: await createUser({ name: "Gor" }),
    armen: await createUser({ name: "Armen" }),
    karen: await createUser({ name: "Karen" }),
    outsider: await createUser({ name: "Outsider" }),
  };
  await db().user.update({ where: { id: people.karen.id }, data: { locale: "ru" } });
  await addMember(people.secretary.id, ministry.id);
  const ngo = await createOrganization("NGO");
  await addMember(people.outsider.id, ngo.id);
  const seats = {
    chair: await addMembership(staff.id, body.id, seat(people.chair.id, "Artak", "CHAIR")),
    secretary: await addMembership(staff.id, body.id, seat(people.secretary.id, "Gor", "SECRETARY")),
    armen: await addMembership(staff.id, body.id, seat(people.armen.id, "Armen")),
    karen: await addMembership(staff.id, body.id, seat(people.karen.id, "Karen")),
    noAccount: await addMembership(staff.id, body.id, seat(null, "Lusine")),
  };
  const sender = await asCurrentUser(staff);
  const due = new Date(Date.now() + 48 * HOUR);
  const v1 = await createVersion(staff.id, draft.id, "Final");
  const v2 = await createVersion(staff.id, second.id, "Final");
  const reviewA = await sendForReview(sender, draft.id, { bodyId: body.id, versionId: v1.id, dueAt: due, note: "" });
  const reviewB = await sendForReview(sender, second.id, { bodyId: body.id, versionId: v2.id, dueAt: due, note: "" });
  const users = {
    chair: await asCurrentUser(people.chair),
    secretary: await asCurrentUser(people.secretary),
    armen: await asCurrentUser(people.armen),
    karen: await asCurrentUser(people.karen),
    outsider: await asCurrentUser(people.outsider),
  };
  return { body, ministry, seats, users, people, reviewA, reviewB, due };
}

const meetingInput = (reviewIds: string[], overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  title: "Collegium sitting, December; budget, mergers",
  startsAt: new Date(Date.now() + 24 * HOUR),
  endsAt: new Date(Date.now() + 26 * HOUR),
  timeZone: "Asia/Yerevan",
  place: "Government House 3, hall 2",
  onlineUrl: "",
  reviewIds,
  freeItems: ["Other business"],
  guests: [{ name: "Claire Dubois", email: "claire@aimf.example", locale: "en" }],
  ...overrides,
});

const vevent = (ics: string) => {
  const root = parseICalendar(ics);
  expect(root.name).toBe("VCALENDAR");
  expect(prop(root, "VERSION")?.value).toBe("2.0");
  const event = root.components.find((c) => c.name === "VEVENT")!;
  return { root, event };
};

/** The meeting e-mails to one address (those with a calendar attached), oldest first. */
async function outboxTo(email: string) {
  const mails = await db().outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
  return mails.filter((mail) => Array.isArray(mail.attachments));
}

const icsOf = (mail: { attachments: unknown }) =>
  (mail.attachments as { content: string; contentType: string }[] | null)?.[0];

describe("iCalendar writing", () => {
  it("folds at 75 octets without splitting a character and escapes text", () => {
    const long = `SUMMARY:${"Կոլեգիայի նիստ, ".repeat(12)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((l, i) => (i ? l.slice(1) : l))
        .join(""),
    ).toBe(long);
    const ics = calendar("PUBLISH", [
      {
        uid: "x@agora",
        sequence: 0,
        startsAt: new Date("2026-12-10T06:00:00Z"),
        endsAt: new Date("2026-12-10T08:00:00Z"),
        stamp: new Date("2026-12-01T00:00:00Z"),
        summary: "A; B, C\\D",
        description: "line 1\nline 2",
        location: "",
        url: "",
        cancelled: false,
      },
    ]);
    const { event } = vevent(ics);
    expect(textValue(prop(event, "SUMMARY")!.value)).toBe("A; B, C\\D");
    expect(textValue(prop(event, "DESCRIPTION")!.value)).toBe("line 1\nline 2");
    expect(prop(event, "DTSTART")!.value).toBe("20261210T060000Z");
  });
});

describe("quorum from attendance", () => {
  it("counts present and represented members under the body's rule", () => {
    expect(meetingQuorum(5, ["PRESENT", "PRESENT"]).quorumMet).toBe(false);
    expect(meetingQuorum(5, ["PRESENT", "PRESENT", "REPRESENTED"])).toEqual({
      seats: 5,
      attending: 3,
      needed: 3,
      quorumMet: true,
    });
    expect(meetingQuorum(5, ["PRESENT", "ABSENT", "ABSENT", "PRESENT"]).quorumMet).toBe(false);
    expect(meetingQuorum(4, ["PRESENT", "PRESENT"]).quorumMet).toBe(false);
    expect(meetingQuorum(3, ["PRESENT", "PRESENT"], { quorumShare: 2 / 3, majorityShare: 0.5 }).quorumMet).toBe(false);
    expect(meetingQuorum(0, []).quorumMet).toBe(false);
  });
});

describe("a collegium meeting", () => {
  it("goes from agenda to approved, hashed minutes, and its decisions fill the reviews", async () => {
    const { body, seats, users, people, reviewA, reviewB, due } = await meetingSetup();
    const meeting = await scheduleMeeting(users.secretary, body.id, meetingInput([reviewA.id, reviewB.id]));

    // Every seat in office is invited, with the guest; members with an account are notified in-app.
    const invitees = await db().meetingInvitee.findMany({ where: { meetingId: meeting.id } });
    expect(invitees).toHaveLength(6);
    const notices = await db().notification.findMany({ where: { kind: "meeting.invited", meetingId: meeting.id } });
    expect(notices.map((n) => n.userId).sort()).toEqual(
      [people.chair.id, people.secretary.id, people.armen.id, people.karen.id].sort(),
    );

    // The invitation e-mail carries a strict RFC 5545 REQUEST in the member's language.
    const [karenMail] = await outboxTo(people.karen.email);
    expect(karenMail!.subject).toContain("Collegium sitting");
    const invitation = icsOf(karenMail!)!;
    expect(invitation.contentType).toContain("method=REQUEST");
    const { root, event } = vevent(invitation.content);
    expect(prop(root, "METHOD")!.value).toBe("REQUEST");
    const uid = prop(event, "UID")!.value;
    expect(prop(event, "SEQUENCE")!.value).toBe("0");
    expect(prop(event, "DTSTART")!.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(textValue(prop(event, "LOCATION")!.value)).toBe("Government House 3, hall 2");
    expect(textValue(prop(event, "DESCRIPTION")!.value)).toContain("Asia/Yerevan");
    expect(event.properties.filter((p) => p.name === "ATTENDEE").length).toBe(5);
    const [guestMail] = await outboxTo("claire@aimf.example");
    expect(icsOf(guestMail!)).toBeTruthy();

    // Members accept; a person not invited cannot answer.
    await respondToMeeting(users.armen, meeting.id, "ACCEPTED");
    await respondToMeeting(users.karen, meeting.id, "ACCEPTED");
    await expect(respondToMeeting(users.outsider, meeting.id, "ACCEPTED")).rejects.toMatchObject({
      key: "errors.notAllowed",
    });

    // A change keeps the UID and raises SEQUENCE.
    await changeMeeting(
      users.secretary,
      meeting.id,
      meetingInput([reviewA.id, reviewB.id], { place: "", onlineUrl: "https://meet.example/collegium" }),
    );
    const mails = await outboxTo(people.karen.email);
    const changed = vevent(icsOf(mails[mails.length - 1]!)!.content).event;
    expect(prop(changed, "UID")!.value).toBe(uid);
    expect(prop(changed, "SEQUENCE")!.value).toBe("1");

    // Attendance gives a quorum: 3 of 5 attend (one represented); the quorum is shown from it.
    await recordAttendance(users.secretary, meeting.id, [
      { membershipId: seats.secretary.id, kind: "PRESENT", representedBy: "" },
      { membershipId: seats.armen.id, kind: "PRESENT", representedBy: "" },
      { membershipId: seats.karen.id, kind: "REPRESENTED", representedBy: "Deputy" },
      { membershipId: seats.chair.id, kind: "ABSENT", representedBy: "" },
    ]);
    const loaded = (await loadMeeting(meeting.id))!;
    expect(
      meetingQuorum(
        loaded.seats.length,
        loaded.meeting.attendance.map((a) => a.kind),
      ).quorumMet,
    ).toBe(true);

    // Decisions at the meeting fill the reviews for those present; the absent chair's cannot be written.
    await expect(
      recordMeetingDecisions(users.secretary, meeting.id, reviewA.id, [
        { membershipId: seats.chair.id, decision: "APPROVE" },
      ]),
    ).rejects.toMatchObject({ key: "meetings.errors.notPresent" });
    for (const review of [reviewA, reviewB]) {
      await recordMeetingDecisions(users.secretary, meeting.id, review.id, [
        { membershipId: seats.secretary.id, decision: "APPROVE" },
        { membershipId: seats.armen.id, decision: "APPROVE" },
        { membershipId: seats.karen.id, decision: "APPROVE" },
      ]);
    }
    // A member still changes their own decision until the review closes.
    await recordDecision(users.karen, reviewB.id, { decision: "OBJECT", remarks: "Article 3 is unclear" });
    const afterDue = new Date(due.getTime() + 1000);
    expect((await closeReview(users.secretary, reviewA.id, afterDue)).outcome).toBe("ADOPTED");
    const tallyB = await closeReview(users.secretary, reviewB.id, afterDue);
    expect(tallyB).toMatchObject({ approve: 2, object: 1, outcome: "ADOPTED" });

    // Minutes: written live, circulated to the attendees, approved, frozen with its SHA-256.
    const draftId = await startMinutes(users.secretary, (await loadMeeting(meeting.id))!, "hy");
    const minutesDraft = await db().draft.findUniqueOrThrow({ where: { id: draftId }, include: { access: true } });
    expect(minutesDraft.kind).toBe("MINUTES");
    expect(minutesDraft.access.map((a) => a.userId).sort()).toEqual([people.chair.id, people.secretary.id].sort());
    const { doc } = await loadDocument(draftId);
    const before = Y.encodeStateVector(doc);
    const typed = new Y.XmlElement("paragraph");
    typed.insert(0, [new Y.XmlText("Decided: both drafts approved.")]);
    doc.getXmlFragment("default").push([typed]);
    await appendUpdate(draftId, Y.encodeStateAsUpdate(doc, before));
    doc.destroy();

    await circulateMinutes(users.secretary, (await loadMeeting(meeting.id))!);
    const readers = await db().draftAccess.findMany({ where: { draftId, level: "COMMENT" } });
    expect(readers.map((r) => r.userId).sort()).toEqual([people.armen.id, people.karen.id].sort());
    // The attendees are told where to make their remarks; the outsider is not.
    const told = await db().notification.findMany({ where: { kind: "meeting.minutesCirculated" } });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([people.armen.id, people.karen.id]));
    expect(told.map((n) => n.userId)).not.toContain(users.outsider.id);
    const circulated = (await loadMeeting(meeting.id))!;
    expect(can(users.armen.actor, "meeting.viewMinutes", circulated.resource)).toBe(true);
    expect(can(users.outsider.actor, "meeting.viewMinutes", circulated.resource)).toBe(false);

    const version = await approveMinutes(users.secretary, circulated, "INTERNAL", "hy");
    const approved = await db().collegiumMeeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(approved.minutesStatus).toBe("APPROVED");
    expect(version.plainText).toContain("Decided: both drafts approved.");
    expect(approved.minutesSha256).toBe(sha256Hex(version.plainText));
    expect(approved.minutesVersionId).toBe(version.id);
    // Nobody keeps a grant to write into approved minutes.
    expect(await db().draftAccess.count({ where: { draftId, level: "EDIT" } })).toBe(0);
    // Minutes are never themselves put before the collegium.
    await expect(
      sendForReview(users.secretary, draftId, { bodyId: body.id, versionId: version.id, dueAt: due, note: "" }),
    ).rejects.toMatchObject({ key: "collegium.errors.draftNotReady" });
  });

  it("is private to the ministry, the members and the invited unless the body publishes its meetings", async () => {
    const { body, users, reviewA } = await meetingSetup();
    const meeting = await scheduleMeeting(users.secretary, body.id, meetingInput([reviewA.id], { guests: [] }));
    const loaded = (await loadMeeting(meeting.id))!;
    expect(can(users.outsider.actor, "meeting.view", loaded.resource)).toBe(false);
    expect(can(null, "meeting.view", loaded.resource)).toBe(false);
    expect(can(users.armen.actor, "meeting.view", loaded.resource)).toBe(true);
    expect(can(users.armen.actor, "meeting.manage", loaded.resource)).toBe(false);
    expect(can(users.secretary.actor, "meeting.manage", loaded.resource)).toBe(true);
    expect(can(users.outsider.actor, "meeting.listPrivate", loaded.resource.body)).toBe(false);
    await setMeetingsPublic(users.secretary.id, body.id, true);
    const published = (await loadMeeting(meeting.id))!;
    expect(can(null, "meeting.view", published.resource)).toBe(true);
    // Published meetings still keep minutes that are not approved to their writers.
    expect(can(users.outsider.actor, "meeting.viewMinutes", published.resource)).toBe(false);
  });

  it("refuses an agenda with a closed or foreign review and a start in the past", async () => {
    const { body, users, reviewA } = await meetingSetup();
    const other = await meetingSetup();
    await expect(scheduleMeeting(users.secretary, body.id, meetingInput([other.reviewA.id]))).rejects.toMatchObject({
      key: "meetings.errors.reviewNotOpen",
    });
    await expect(
      scheduleMeeting(users.secretary, body.id, meetingInput([reviewA.id], { startsAt: new Date(Date.now() - HOUR) })),
    ).rejects.toMatchObject({ key: "meetings.errors.startsInPast" });
  });

  it("cancels with METHOD:CANCEL, the same UID and the next SEQUENCE", async () => {
    const { body, users, people, reviewA } = await meetingSetup();
    const meeting = await scheduleMeeting(users.secretary, body.id, meetingInput([reviewA.id], { guests: [] }));
    await cancelMeeting(users.secretary, meeting.id);
    const mails = await outboxTo(people.armen.email);
    const first = vevent(icsOf(mails[0]!)!.content);
    const last = vevent(icsOf(mails[mails.length - 1]!)!.content);
    expect(prop(last.root, "METHOD")!.value).toBe("CANCEL");
    expect(prop(last.event, "STATUS")!.value).toBe("CANCELLED");
    expect(prop(last.event, "UID")!.value).toBe(prop(first.event, "UID")!.value);
    expect(prop(last.event, "SEQUENCE")!.value).toBe("1");
    await expect(respondToMeeting(users.armen, meeting.id, "ACCEPTED")).rejects.toMatchObject({
      key: "errors.notAllowed",
    });
  });
});
