import { article, paragraph, plainTextOf, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { sha256Hex } from "../../app/models/documents/versions.server";
import { foldForSearch } from "../../app/utils/search-text";
import type { Tx } from "../../app/utils/db.server";

const DAY = 24 * 3_600_000;

/** 10:00 in Yerevan (UTC+4), `days` from today. */
const yerevanTen = (days: number) => {
  const at = new Date(Date.now() + days * DAY);
  at.setUTCHours(6, 0, 0, 0);
  return at;
};

const MINUTES: DocNode = {
  type: "doc",
  content: [
    paragraph("ՀՀ տարածքային կառավարման նախարարին կից կոլեգիայի նիստի արձանագրություն"),
    article(
      "m1",
      "Համայնքների 2027 թվականի բյուջեների նախապատրաստման մասին",
      paragraph("Կոլեգիան լսեց նախարարի տեղակալի զեկույցը և որոշեց այն ընդունել ի գիտություն։"),
    ),
    article("m2", "Այլ հարցեր", paragraph("Այլ հարցեր չեն քննարկվել։")),
  ],
};

/**
 * The collegium's meetings in the demo: one held a month ago with its attendance and
 * approved minutes (frozen with their SHA-256), and one next week with invitations pending.
 */
export async function seedDemoMeetings(tx: Tx, bodyId: string, ministryId: string, secretaryId: string) {
  const seats = await tx.collegiumMembership.findMany({ where: { bodyId, termEnd: null } });
  const invitees = seats.map((seat) => ({ membershipId: seat.id, userId: seat.userId, name: seat.personName }));

  const past = await tx.collegiumMeeting.create({
    data: {
      bodyId,
      title: "Կոլեգիայի հերթական նիստ",
      startsAt: yerevanTen(-30),
      endsAt: new Date(yerevanTen(-30).getTime() + 2 * 3_600_000),
      timeZone: "Asia/Yerevan",
      place: "Երևան, Կառավարական տուն 3, նիստերի դահլիճ",
      createdById: secretaryId,
      agenda: {
        create: [
          { position: 0, title: "Համայնքների 2027 թվականի բյուջեների նախապատրաստման մասին" },
          { position: 1, title: "Այլ հարցեր" },
        ],
      },
      invitees: { create: invitees.map((i) => ({ ...i, response: "ACCEPTED" as const })) },
      attendance: {
        create: seats.map((seat, index) => ({
          membershipId: seat.id,
          kind: index === seats.length - 1 ? ("ABSENT" as const) : ("PRESENT" as const),
        })),
      },
    },
  });
  const title = "Արձանագրություն՝ Կոլեգիայի հերթական նիստ";
  const minutes = await tx.draft.create({
    data: {
      titleHy: title,
      titleRu: "Протокол: Очередное заседание коллегии",
      titleKa: "ოქმი: კოლეგიის რიგითი სხდომა",
      titleEn: "Minutes: Regular meeting of the collegium",
      kind: "MINUTES",
      ownerOrganizationId: ministryId,
      createdById: secretaryId,
      searchText: foldForSearch(title),
    },
  });
  const update = jsonToYUpdate(MINUTES);
  await initializeDocument(minutes.id, update, tx);
  const plainText = plainTextOf(MINUTES);
  const version = await tx.draftVersion.create({
    data: {
      draftId: minutes.id,
      number: 1,
      name: "Հաստատված արձանագրություն",
      state: new Uint8Array(update),
      content: MINUTES as object,
      plainText,
      sha256: sha256Hex(plainText),
      createdById: secretaryId,
    },
  });
  await tx.collegiumMeeting.update({
    where: { id: past.id },
    data: {
      minutesDraftId: minutes.id,
      minutesStatus: "APPROVED",
      minutesVersionId: version.id,
      minutesSha256: version.sha256,
      minutesApprovedAt: new Date(yerevanTen(-25)),
      minutesPublic: false,
    },
  });

  await tx.collegiumMeeting.create({
    data: {
      bodyId,
      title: "Կոլեգիայի արտահերթ նիստ",
      startsAt: yerevanTen(7),
      endsAt: new Date(yerevanTen(7).getTime() + 2 * 3_600_000),
      timeZone: "Asia/Yerevan",
      place: "Երևան, Կառավարական տուն 3, նիստերի դահլիճ",
      onlineUrl: "https://meet.mta.example/collegium",
      createdById: secretaryId,
      agenda: { create: [{ position: 0, title: "Համայնքների խոշորացման ընթացքի մասին" }] },
      invitees: { create: invitees },
    },
  });
}
