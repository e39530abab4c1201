import { describe, expect, it } from "vitest";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { initializeDocument } from "~/models/documents/document-log.server";
import { listRegister, loadRegisterEntry, registerYear } from "~/models/register/register.server";
import { createVersion } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { createDraftSetup } from "../helpers/factories";

const HOUR = 3_600_000;

/** A draft with text and two frozen versions, the first frozen two hours ago. */
async function draftWithVersions() {
  const setup = await createDraftSetup();
  const content = { type: "doc", content: [article("a1", "Ոլորտը", paragraph("Առաջին տեքստ"))] };
  await initializeDocument(setup.draft.id, jsonToYUpdate(content));
  const first = await createVersion(setup.staff.id, setup.draft.id, "Առաջին");
  await db().draftVersion.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR) } });
  return { ...setup, first };
}

async function finalize(draftId: string, status: "ADOPTED" | "SIGNED", at: Date) {
  await db().draft.update({ where: { id: draftId }, data: { status } });
  await db().auditEvent.create({
    data: { action: "draft.status", objectType: "Draft", objectId: draftId, details: { to: status }, createdAt: at },
  });
}

describe("the register", () => {
  it("takes the text the collegium adopted, even when a later version was frozen", async () => {
    const { ministry, staff, draft, first } = await draftWithVersions();
    const later = await createVersion(staff.id, draft.id, "Երկրորդ");
    const body = await db().collegiumBody.create({ data: { organizationId: ministry.id, nameEn: "Collegium" } });
    await db().collegiumReview.create({
      data: {
        bodyId: body.id,
        draftId: draft.id,
        versionId: first.id,
        dueAt: new Date(),
        status: "CLOSED",
        outcome: "ADOPTED",
        closedAt: new Date(),
      },
    });
    await finalize(draft.id, "ADOPTED", new Date());
    const entry = await loadRegisterEntry(draft.id);
    expect(entry?.version?.id).toBe(first.id);
    expect(entry?.version?.id).not.toBe(later.id);
    expect(entry?.reviews.map((r) => r.outcome)).toEqual(["ADOPTED"]);
  });

  it("without a review takes the last version frozen before the act was signed", async () => {
    const { staff, draft, first } = await draftWithVersions();
    const signedAt = new Date(Date.now() - HOUR);
    await finalize(draft.id, "SIGNED", signedAt);
    await createVersion(staff.id, draft.id, "Frozen after signing");
    const entry = await loadRegisterEntry(draft.id);
    expect(entry?.version?.id).toBe(first.id);
    expect(entry?.reachedAt).toEqual(signedAt);
  });

  it("lists final acts only, newest first, by the year in the platform's time zone", async () => {
    const { draft: writing } = await draftWithVersions();
    const { draft: old } = await draftWithVersions();
    await finalize(old.id, "ADOPTED", new Date(Date.UTC(2018, 11, 31, 21, 30)));
    const all = await listRegister({}, { skip: 0, take: 100 });
    const ids = all.items.map((item) => item.id);
    expect(ids).not.toContain(writing.id);
    expect(ids.at(-1)).toBe(old.id);
    expect(all.items.map((i) => i.reachedAt.getTime())).toEqual(
      all.items.map((i) => i.reachedAt.getTime()).sort((a, b) => b - a),
    );
    expect(registerYear(new Date(Date.UTC(2018, 11, 31, 21, 30)))).toBe(2019);
    expect(all.years).toContain(2019);
    expect((await listRegister({ year: 2019 }, { skip: 0, take: 100 })).items.map((i) => i.id)).toEqual([old.id]);
    expect((await listRegister({ year: 2018 }, { skip: 0, take: 100 })).total).toBe(0);
    expect((await listRegister({ kind: "LAW" }, { skip: 0, take: 100 })).total).toBe(0);
  });
});
