import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { reminderAt, timeLeft } from "~/collegium/reminder";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { closeReview, recordDecision, sendForReview, sendReviewReminders } from "~/models/collegium/reviews.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import { createVersion } from "~/models/documents/versions.server";
import { shareDraft } from "~/models/drafts/drafts.server";
import { sendDailyDigests } from "~/models/notifications/notification-digest.server";
import {
  notificationSettings,
  saveNotificationSettings,
  unsubscribeFromKind,
} from "~/models/notifications/notification-settings.server";
import { db } from "~/utils/db.server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function asCurrentUser(user: { id: string }) {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  return { ...row, sessionId: "test", actor: await loadActor(row) } as unknown as CurrentUser;
}

const mailTo = (email: string) => db().outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

/** A ministry's draft with a frozen version and a collegium of a secretary and two members with accounts. */
async function reviewSetup() {
  const { ministry, staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({ type: "doc", content: [article("a1", "Բյուջե", paragraph("Բյուջեն ընդունվում է։"))] }),
  );
  const body = await db().collegiumBody.create({ data: { organizationId: ministry.id, nameEn: "Collegium" } });
  const people = await Promise.all(["Գոռ", "Արմեն", "Կարեն"].map((name) => createUser({ name })));
  await db().user.updateMany({ where: { id: { in: people.map((p) => p.id) } }, data: { locale: "en" } });
  const roles = ["SECRETARY", "MEMBER", "MEMBER"] as const;
  await Promise.all(
    people.map((p, i) =>
      db().collegiumMembership.create({
        data: { bodyId: body.id, userId: p.id, personName: p.name, role: roles[i], termStart: new Date(0) },
      }),
    ),
  );
  const version = await createVersion(staff.id, draft.id, "Final");
  const [secretary, armen, karen] = await Promise.all(people.map(asCurrentUser));
  if (!secretary || !armen || !karen) throw new Error("three reviewers");
  return { ministry, staff: await asCurrentUser(staff), draft, body, version, secretary, armen, karen };
}

describe("the reviewers' reminder", () => {
  it("is timed from the due date: two days before a long review, halfway through a short one", () => {
    const sent = new Date("2026-03-02T09:00:00Z");
    expect(reminderAt(sent, new Date(sent.getTime() + 10 * DAY))).toEqual(new Date(sent.getTime() + 8 * DAY));
    expect(reminderAt(sent, new Date(sent.getTime() + 2 * MINUTE))).toEqual(new Date(sent.getTime() + MINUTE));
    // What is left is rounded down: never more than is really left.
    expect(timeLeft(sent, new Date(sent.getTime() + 2 * DAY - MINUTE))).toEqual({ unit: "hours", count: 47 });
    expect(timeLeft(sent, new Date(sent.getTime() + 2 * DAY))).toEqual({ unit: "days", count: 2 });
    expect(timeLeft(sent, new Date(sent.getTime() + 90_000))).toEqual({ unit: "minutes", count: 1 });
  });

  it("is not sent when a two-minute review is sent, and then says how little time is left", async () => {
    const s = await reviewSetup();
    const sentAt = new Date("2026-03-02T09:00:00Z");
    const review = await sendForReview(
      s.staff,
      s.draft.id,
      { bodyId: s.body.id, versionId: s.version.id, dueAt: new Date(sentAt.getTime() + 2 * MINUTE), note: "" },
      sentAt,
    );
    await sendReviewReminders(sentAt);
    await sendReviewReminders(new Date(sentAt.getTime() + 59_000));
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.due" } })).toBe(0);
    await recordDecision(s.armen, review.id, { decision: "APPROVE", remarks: "" });
    await sendReviewReminders(new Date(sentAt.getTime() + MINUTE));
    // Only those who have not decided are reminded.
    const reminded = await db().notification.findMany({ where: { reviewId: review.id, kind: "review.due" } });
    expect(reminded.map((n) => n.userId).sort()).toEqual([s.secretary.id, s.karen.id].sort());
    const reminder = (await mailTo(s.karen.email))[1]!;
    expect(reminder.subject).toContain("Collegium review due");
    expect(reminder.body).toContain("1 minutes left");
    expect(reminder.body).not.toContain("2 days");
    // Once only.
    await sendReviewReminders(new Date(sentAt.getTime() + 90_000));
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.due" } })).toBe(2);
  });

  it("comes two days before a ten-day review, saying two days", async () => {
    const s = await reviewSetup();
    const sentAt = new Date("2026-03-02T09:00:00Z");
    const review = await sendForReview(
      s.staff,
      s.draft.id,
      { bodyId: s.body.id, versionId: s.version.id, dueAt: new Date(sentAt.getTime() + 10 * DAY), note: "" },
      sentAt,
    );
    await sendReviewReminders(new Date(sentAt.getTime() + 8 * DAY - MINUTE));
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.due" } })).toBe(0);
    await sendReviewReminders(new Date(sentAt.getTime() + 8 * DAY));
    expect(await db().notification.count({ where: { reviewId: review.id, kind: "review.due" } })).toBe(3);
    const reminder = (await mailTo(s.armen.email))[1]!;
    expect(reminder.body).toContain("2 days left");
  });
});

describe("closing a review early", () => {
  it("is possible once every reviewer has decided, and the outcome still follows from the decisions", async () => {
    const s = await reviewSetup();
    const sentAt = new Date();
    const review = await sendForReview(
      s.staff,
      s.draft.id,
      { bodyId: s.body.id, versionId: s.version.id, dueAt: new Date(sentAt.getTime() + 7 * DAY), note: "" },
      sentAt,
    );
    await recordDecision(s.armen, review.id, { decision: "APPROVE", remarks: "" });
    await recordDecision(s.karen, review.id, { decision: "OBJECT", remarks: "Article 1 needs a deadline." });
    await expect(closeReview(s.secretary, review.id)).rejects.toMatchObject({ key: "collegium.errors.beforeDue" });
    await recordDecision(s.secretary, review.id, { decision: "OBJECT", remarks: "Agree with Karen." });
    const tally = await closeReview(s.secretary, review.id);
    expect(tally).toMatchObject({ cast: 3, approve: 1, object: 2, outcome: "RETURNED" });
    expect((await db().draft.findUniqueOrThrow({ where: { id: s.draft.id } })).status).toBe("REVISION");
    // The owning ministry hears the outcome, in its staff's language (Armenian when none was chosen).
    const notice = await db().notification.findFirstOrThrow({ where: { userId: s.staff.id, kind: "review.outcome" } });
    expect(notice.reviewId).toBe(review.id);
    const mails = await mailTo(s.staff.email);
    expect(mails.at(-1)!.body).toContain("Վերադարձված լրամշակման");
  });
});

describe("a draft shared with me or my organization", () => {
  it("tells each member once, with the access level, and again only when the level changes", async () => {
    const { staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
    const lilit = await createUser({ name: "Լիլիթ" });
    await db().user.update({ where: { id: lilit.id }, data: { locale: "ru" } });
    await addMember(lilit.id, ngo.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
    expect(await db().notification.count({ where: { userId: lilit.id, kind: "draft.shared" } })).toBe(1);
    const mail = (await mailTo(lilit.email))[0]!;
    // In her language, with the level and a one-click unsubscribe for this optional kind.
    expect(mail.body).toContain("может только комментировать");
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "EDIT");
    expect(await db().notification.count({ where: { userId: lilit.id, kind: "draft.shared" } })).toBe(2);
    // The one who shared is not told.
    expect(await db().notification.count({ where: { userId: staff.id, kind: "draft.shared" } })).toBe(0);
  });
});

describe("e-mail settings", () => {
  it("put optional kinds in a daily digest or stop them; the in-app notice stays", async () => {
    const { staff, draft } = await createDraftSetup();
    const person = await createUser({ name: "Claire" });
    await db().user.update({ where: { id: person.id }, data: { locale: "en" } });
    await saveNotificationSettings(person.id, { "draft.shared": "DIGEST" });
    expect((await notificationSettings(person.id)).find((s) => s.kind === "draft.shared")?.email).toBe("DIGEST");
    await shareDraft(staff.id, draft.id, { userId: person.id }, "COMMENT");
    await shareDraft(staff.id, draft.id, { userId: person.id }, "EDIT");
    expect(await mailTo(person.email)).toHaveLength(0);
    expect(await db().notification.count({ where: { userId: person.id } })).toBe(2);

    const first = await db().notification.findFirstOrThrow({ where: { userId: person.id } });
    // Not before a day has passed since the oldest waiting line; then once, with both lines.
    expect(await sendDailyDigests(new Date(first.createdAt.getTime() + DAY - MINUTE))).toBe(0);
    const later = new Date(first.createdAt.getTime() + DAY + MINUTE);
    const [a, b] = await Promise.all([sendDailyDigests(later), sendDailyDigests(later)]);
    expect(a + b).toBe(1);
    const digest = (await mailTo(person.email))[0]!;
    expect(digest.subject).toContain("2 notices");
    expect(digest.body.match(/A draft was shared with you/g)).toHaveLength(2);
    expect(await sendDailyDigests(new Date(later.getTime() + 2 * DAY))).toBe(0);

    // The digest's unsubscribe link for the kind turns its e-mail off; in-app notices go on.
    const setting = await db().notificationSetting.findFirstOrThrow({ where: { userId: person.id } });
    expect(digest.body).toContain(`/unsubscribe/${setting.unsubscribeToken}`);
    expect(await unsubscribeFromKind(setting.unsubscribeToken)).toBe(true);
    await shareDraft(staff.id, draft.id, { userId: person.id }, "COMMENT");
    expect(await db().notification.count({ where: { userId: person.id } })).toBe(3);
    expect(
      (await db().notification.findFirstOrThrow({ where: { userId: person.id }, orderBy: { createdAt: "desc" } }))
        .digestLine,
    ).toBeNull();
    expect(await mailTo(person.email)).toHaveLength(1);
  });

  it("never stop what is a duty: a review sent to a reviewer is e-mailed whatever the settings", async () => {
    const s = await reviewSetup();
    await saveNotificationSettings(s.armen.id, { "review.sent": "OFF" } as never);
    await sendForReview(s.staff, s.draft.id, {
      bodyId: s.body.id,
      versionId: s.version.id,
      dueAt: new Date(Date.now() + 7 * DAY),
      note: "",
    });
    const mail = (await mailTo(s.armen.email))[0]!;
    expect(mail.subject).toContain("For collegium review");
    expect(mail.headers).toBeNull();
  });
});
