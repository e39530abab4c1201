import { describe, expect, it } from "vitest";
import { EMPTY_DOCUMENT, templateFor } from "~/editor/templates";
import { serverT } from "~/i18n/server-t.server";
import { outlineOf } from "~/editor/outline";
import { getSnapshotSummary } from "~/models/documents/document-log.server";
import {
  changeDraftStatus,
  createDraft,
  listDrafts,
  revokeDraftAccess,
  shareDraft,
} from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { readPage } from "~/utils/pagination";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

const page = (query = "") => readPage(new URL(`http://x/?q=${encodeURIComponent(query)}`));
const viewer = (user: { id: string }, organizationIds: string[]) => ({
  id: user.id,
  isPlatformAdmin: false,
  organizationIds,
});

const labels = serverT("en");
const label = (key: string) => labels(`templates.${key}`);

describe("drafts", () => {
  it("creates a draft from the template for its kind, with derived outline and an audit event", async () => {
    const ministry = await createOrganization("MINISTRY");
    const staff = await createUser();
    const draft = await createDraft(
      staff.id,
      {
        titleHy: "Համայնքների միավորման հայեցակարգ",
        titleRu: null,
        titleKa: null,
        titleEn: null,
        kind: "CONCEPT",
        ownerOrganizationId: ministry.id,
      },
      templateFor("CONCEPT", label),
    );
    const summary = await getSnapshotSummary(draft.id);
    expect((summary?.outline as { type: string; title: string }[]).map((e) => [e.type, e.title])).toEqual([
      ["chapter", "The current situation"],
      ["article", "Problems to be solved"],
      ["chapter", "Goals and objectives"],
      ["article", "Objectives of the concept"],
      ["chapter", "Implementation"],
      ["article", "Monitoring and evaluation"],
    ]);
    expect(await db().auditEvent.count({ where: { objectId: draft.id, action: "draft.create" } })).toBe(1);
    const agreement = outlineOf(templateFor("COOPERATION_AGREEMENT", label)).map((e) => e.title);
    expect(agreement).toEqual(["Parties", "Subject of the agreement", "Final provisions"]);
    // Every kind has a template of its own shape, with fresh, unique ids.
    const shapes = ["LAW", "LAW_AMENDMENT", "DECISION", "CONCEPT", "MODEL_REGULATION", "PROTOCOL"].map((kind) =>
      outlineOf(templateFor(kind, label))
        .map((e) => e.title)
        .join("|"),
    );
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(outlineOf(templateFor("LAW_AMENDMENT", label)).map((e) => e.title)).toEqual([
      "Amendments to Article … of the Law",
      "Entry into force",
    ]);
  });

  it("lists only drafts a person may see, with search, filters and sharing by organization or name", async () => {
    const { ministry, staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO");
    const expert = await createUser();
    await addMember(expert.id, ngo.id);
    const stranger = await createUser();

    const list = async (who: { id: string }, orgs: string[], query = "", filters = {}) =>
      (await listDrafts(viewer(who, orgs), page(query), filters)).items.map((d) => d.id);

    expect(await list(staff, [ministry.id])).toContain(draft.id);
    expect(await list(expert, [ngo.id])).not.toContain(draft.id);
    expect(await list(stranger, [])).not.toContain(draft.id);

    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
    expect(await list(expert, [ngo.id])).toContain(draft.id);
    await shareDraft(staff.id, draft.id, { userId: stranger.id }, "EDIT");
    expect(await list(stranger, [])).toContain(draft.id);

    expect(await list(staff, [ministry.id], "ԻՆՔՆԱԿԱՌԱՎԱՐՄԱՆ")).toContain(draft.id);
    expect(await list(staff, [ministry.id], "financial equalization")).not.toContain(draft.id);
    expect(await list(staff, [ministry.id], "", { kind: "LAW_AMENDMENT", status: "DRAFTING" })).toContain(draft.id);
    expect(await list(staff, [ministry.id], "", { kind: "LAW" })).not.toContain(draft.id);

    // Sharing twice with the same organization changes the level, it does not add a second grant.
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "EDIT");
    const grants = await db().draftAccess.findMany({ where: { draftId: draft.id, organizationId: ngo.id } });
    expect(grants.map((g) => g.level)).toEqual(["EDIT"]);
    expect(await revokeDraftAccess(staff.id, draft.id, grants[0]!.id)).toBe(true);
    expect(await list(expert, [ngo.id])).not.toContain(draft.id);
    const actions = (
      await db().auditEvent.findMany({ where: { action: { in: ["draft.share", "draft.revoke"] } } })
    ).map((e) => e.action);
    expect(actions.filter((a) => a === "draft.share")).toHaveLength(3);
    expect(actions).toContain("draft.revoke");
  });

  it("changes status only from the state that was checked", async () => {
    const { staff, draft } = await createDraftSetup();
    expect(await changeDraftStatus(staff.id, draft.id, "DRAFTING", "IN_CONSULTATION")).toBe(true);
    // A second, racing request still believes the draft is DRAFTING: refused.
    expect(await changeDraftStatus(staff.id, draft.id, "DRAFTING", "WITHDRAWN")).toBe(false);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("IN_CONSULTATION");
    expect(await db().auditEvent.count({ where: { objectId: draft.id, action: "draft.status" } })).toBe(1);
  });

  it("starts an empty draft with one empty paragraph", async () => {
    const ministry = await createOrganization("MUNICIPALITY");
    const staff = await createUser();
    const draft = await createDraft(
      staff.id,
      {
        titleHy: null,
        titleRu: null,
        titleKa: "თანამშრომლობის მემორანდუმი",
        titleEn: null,
        kind: "MEMORANDUM",
        ownerOrganizationId: ministry.id,
      },
      EMPTY_DOCUMENT,
    );
    expect((await getSnapshotSummary(draft.id))?.plainText).toBe("");
  });
});
