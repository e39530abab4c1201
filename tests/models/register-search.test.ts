import { beforeAll, describe, expect, it } from "vitest";
import { listRegister } from "~/models/register/register.server";
import { indexDraft } from "~/search/search-index.server";
import { db } from "~/utils/db.server";
import { createDraftSetup } from "../helpers/factories";

/** The public register is searchable by title, owner and final text, best match or newest first. */
let council: string, cooperation: string, drafting: string;

async function finalAct(text: string, at: Date, orgName?: string) {
  const { draft, ministry } = await createDraftSetup();
  if (orgName) await db().organization.update({ where: { id: ministry.id }, data: { nameEn: orgName } });
  await db().draft.update({ where: { id: draft.id }, data: { status: "SIGNED" } });
  await db().auditEvent.create({
    data: { action: "draft.status", objectType: "Draft", objectId: draft.id, details: { to: "SIGNED" }, createdAt: at },
  });
  await indexDraft(db(), draft.id, text);
  return draft.id;
}

beforeAll(async () => {
  council = await finalAct("Ավագանու որոշում։ Ավագանու կանոնակարգ։ Ավագանու նիստ։", new Date("2026-01-01"));
  cooperation = await finalAct(
    "Соглашение о сотрудничестве. Совет общины и ավագանու ներկայացուցիչ.",
    new Date("2026-06-01"),
    "Zugdidi Municipality",
  );
  // The same words, but not final: never in the register.
  const { draft } = await createDraftSetup();
  await indexDraft(db(), draft.id, "Ավագանու որոշում");
  drafting = draft.id;
});

const ids = async (q: string, order?: "relevance" | "newest") =>
  (await listRegister({ q, order }, { skip: 0, take: 50 })).items.map((item) => item.id);

describe("searching the register", () => {
  it("finds final acts by a word form of their text, best match first, and never a draft in the works", async () => {
    expect(await ids("ավագանի")).toEqual([council, cooperation]);
    expect(await ids("ավագանի", "newest")).toEqual([cooperation, council]);
    expect(await ids("ավագանի")).not.toContain(drafting);
    expect(await ids("сотрудничество")).toEqual([cooperation]);
  });

  it("finds an act by its owner's name and by its title", async () => {
    expect(await ids("zugdidi")).toEqual([cooperation]);
    expect((await ids("ինքնակառավարման")).sort()).toEqual([council, cooperation].sort());
  });

  it("lists everything without words, and nothing for words nowhere", async () => {
    expect((await ids("")).length).toBeGreaterThanOrEqual(2);
    expect(await ids("nothingsuch")).toEqual([]);
  });
});
