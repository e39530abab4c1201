import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph, type DocNode } from "~/editor/document-json";
import { newNodeId } from "~/editor/stable-ids";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { LOCALES, type Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { audit } from "~/utils/audit.server";
import { notifyPeople, RECIPIENT_FIELDS } from "../notifications/notify.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import { notifyDraftAccessChanged } from "~/utils/draft-events.server";
import { foldForSearch } from "~/utils/search-text";
import { initializeDocument } from "../documents/document-log.server";
import { freezeText, writeVersion } from "../documents/versions.server";
import { agendaLines } from "./meeting-notices.server";
import type { LoadedMeeting } from "./meeting-resource.server";

/**
 * The minutes of a meeting: a live document (a draft of kind MINUTES owned by the body's
 * ministry), so the secretary and the chair write it together in the editor through the
 * collab server and the document log like any draft. Circulating gives the attendees
 * comment access (their remarks are comments); approving freezes it as a version with its
 * SHA-256, and the meeting keeps that version: what is exported and published is frozen.
 */

const titleColumns = (title: (locale: Locale) => string) => {
  const [hy, ru, ka, en] = LOCALES.map(title);
  return { titleHy: hy!, titleRu: ru!, titleKa: ka!, titleEn: en! };
};

function startingText(loaded: LoadedMeeting, locale: Locale): DocNode {
  const t = serverT(locale);
  const agenda = loaded.meeting.agenda.map((item) => ({
    reviewId: item.reviewId,
    title: item.title,
    draft: item.review?.draft ?? null,
  }));
  return {
    type: "doc",
    content: [
      paragraph(t("meetings.minutes.opening", { title: loaded.meeting.title })),
      ...agendaLines(agenda, locale, true).map((line) =>
        article(newNodeId(), line.replace(/^\d+\.\s*/, ""), paragraph()),
      ),
    ],
  };
}

/** Starts the minutes (once): the secretary and, when they have an account, the chair may edit it. */
export async function startMinutes(user: CurrentUser, loaded: LoadedMeeting, locale: Locale) {
  const { meeting, body, seats } = loaded;
  const titles = titleColumns((l) => serverT(l)("meetings.minutes.draftTitle", { title: meeting.title }));
  const update = jsonToYUpdate(startingText(loaded, locale));
  const writers = [...new Set(seats.filter((s) => s.role === "CHAIR" || s.role === "SECRETARY").map((s) => s.userId))];
  const draftId = await db().$transaction(async (tx) => {
    const draft = await tx.draft.create({
      data: {
        ...titles,
        kind: "MINUTES",
        ownerOrganizationId: body.organizationId,
        createdById: user.id,
        searchText: foldForSearch(titles.titleHy, titles.titleRu, titles.titleKa, titles.titleEn),
        access: {
          create: writers
            .filter((id): id is string => !!id)
            .map((userId) => ({ userId, level: "EDIT", grantedById: user.id })),
        },
      },
    });
    const claimed = await tx.collegiumMeeting.updateMany({
      where: { id: meeting.id, minutesStatus: "NONE" },
      data: { minutesDraftId: draft.id, minutesStatus: "DRAFTING" },
    });
    if (claimed.count === 0) throw new RuleError("meetings.errors.minutesState");
    await initializeDocument(draft.id, update, tx);
    await audit(tx, {
      actorId: user.id,
      action: "meeting.minutesStart",
      objectType: "CollegiumMeeting",
      objectId: meeting.id,
      details: { draftId: draft.id },
    });
    return draft.id;
  });
  return draftId;
}

/** Circulates the minutes to the attendees for remarks: each one with an account may comment. */
export async function circulateMinutes(user: CurrentUser, loaded: LoadedMeeting) {
  const { meeting } = loaded;
  if (!meeting.minutesDraftId) throw new RuleError("meetings.errors.minutesState");
  const draftId = meeting.minutesDraftId;
  await db().$transaction(async (tx) => {
    const claimed = await tx.collegiumMeeting.updateMany({
      where: { id: meeting.id, minutesStatus: "DRAFTING" },
      data: { minutesStatus: "CIRCULATED" },
    });
    if (claimed.count === 0) throw new RuleError("meetings.errors.minutesState");
    const existing = await tx.draftAccess.findMany({
      where: { draftId, userId: { not: null } },
      select: { userId: true },
    });
    const has = new Set(existing.map((row) => row.userId));
    const readers = loaded.resource.attendeeUserIds.filter((id) => !has.has(id));
    for (const userId of new Set(readers)) {
      await tx.draftAccess.create({ data: { draftId, userId, level: "COMMENT", grantedById: user.id } });
    }
    // Every attendee is told where to make their remarks (not the one circulating them).
    const attendees = await tx.user.findMany({
      where: { id: { in: loaded.resource.attendeeUserIds.filter((id) => id !== user.id) } },
      select: RECIPIENT_FIELDS,
    });
    await notifyPeople(tx, attendees, {
      kind: "meeting.minutesCirculated",
      path: `/drafts/${draftId}`,
      title: () => meeting.title,
      about: { draftId, meetingId: meeting.id, actorId: user.id },
    });
    await audit(tx, {
      actorId: user.id,
      action: "meeting.minutesCirculate",
      objectType: "CollegiumMeeting",
      objectId: meeting.id,
      details: { draftId, readers: readers.length },
    });
  });
  notifyDraftAccessChanged(draftId);
}

/**
 * Approves the minutes: the text as it stands is frozen as a version (SHA-256 of its text),
 * the meeting keeps that version, its hash and the publication the body chose, and every
 * grant to edit is withdrawn, so nobody writes into approved minutes through a grant.
 */
export async function approveMinutes(
  user: CurrentUser,
  loaded: LoadedMeeting,
  publish: "INTERNAL" | "PUBLIC",
  locale: Locale,
) {
  const { meeting } = loaded;
  if (!meeting.minutesDraftId) throw new RuleError("meetings.errors.minutesState");
  const draftId = meeting.minutesDraftId;
  const frozen = await freezeText(draftId);
  const version = await db().$transaction(async (tx) => {
    const written = await writeVersion(tx, user.id, draftId, serverT(locale)("meetings.minutes.versionName"), frozen);
    const claimed = await tx.collegiumMeeting.updateMany({
      where: { id: meeting.id, minutesStatus: { in: ["DRAFTING", "CIRCULATED"] } },
      data: {
        minutesStatus: "APPROVED",
        minutesVersionId: written.id,
        minutesSha256: written.sha256,
        minutesApprovedAt: new Date(),
        minutesPublic: publish === "PUBLIC",
      },
    });
    if (claimed.count === 0) throw new RuleError("meetings.errors.minutesState");
    await tx.draftAccess.updateMany({ where: { draftId, level: "EDIT" }, data: { level: "COMMENT" } });
    await audit(tx, {
      actorId: user.id,
      action: "meeting.minutesApprove",
      objectType: "CollegiumMeeting",
      objectId: meeting.id,
      details: { draftId, versionId: written.id, sha256: written.sha256, publish },
    });
    return written;
  });
  notifyDraftAccessChanged(draftId);
  return version;
}
