import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import { createRound } from "~/models/rounds/rounds.server";
import { db } from "~/utils/db.server";
import { createDraftSetup, createOrganization } from "./factories";

const DAY = 86_400_000;

/** A person as the request boundary hands them to models (what a session would load). */
export async function asCurrentUser(userId: string): Promise<CurrentUser> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

/**
 * A ministry draft with two articles (`art-1`, `art-2`) and a round on it that is open now,
 * created through the model as staff would (it freezes the version); an invited round invites
 * one NGO.
 */
export async function openRound(audience: "PUBLIC" | "INVITED" = "PUBLIC") {
  const { staff, draft } = await createDraftSetup();
  await initializeDocument(
    draft.id,
    jsonToYUpdate({
      type: "doc",
      content: [
        article("art-1", "Համայնքի բյուջեն", paragraph("Բյուջեն ընդունվում է մինչև դեկտեմբերի 20-ը։")),
        article("art-2", "Հաշվետվություն", paragraph("Հաշվետվությունը ներկայացվում է 15 օրվա ընթացքում։")),
      ],
    }),
  );
  const ngo = await createOrganization("NGO");
  const round = await createRound(
    await asCurrentUser(staff.id),
    draft.id,
    {
      title: "Հանրային քննարկում",
      description: "",
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 20 * DAY),
      timeZone: "Asia/Yerevan",
      audience,
      invited: audience === "INVITED" ? [ngo.id] : [],
      versionName: "",
    },
    "Text for consultation",
  );
  await db().consultationRound.update({
    where: { id: round.id },
    data: { status: "OPEN", opensAt: new Date(Date.now() - DAY) },
  });
  return { round, staff, ngo };
}
