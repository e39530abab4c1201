import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { isoDay } from "~/schemas/collegium";
import { db } from "~/utils/db.server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

/**
 * The public register cannot be forged through the status form: adopted comes only from a
 * closed, approving collegium review, signed only from a recorded signature, and the form
 * makes only the by-hand change (withdrawing), for the owner's administrators.
 */
const platform = demoPlatformForThisFile();
const { post, get } = platform;

/** The ministry's people read Armenian: errors come back in their language. */
const hy = createTranslate(DICTIONARIES.hy);
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&#x27;");

const ADMIN = "anahit@mta.example"; // administrator of the owning ministry
const MEMBER = "gor@mta.example"; // plain member of the owning ministry

const lawDraft = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
const statusOf = async (id: string) => (await db().draft.findUniqueOrThrow({ where: { id } })).status;
const inPublicRegister = async (id: string) => {
  const api = (await (await get("/api/v1/register")).json()) as { data: { id: string }[] };
  return api.data.some((entry) => entry.id === id) || (await get(`/register/${id}`)).status === 200;
};

/** A new draft of the ministry, made through the real form, with its text frozen as version 1. */
async function newDraft(kind: string, titleEn: string) {
  const mta = await db().organization.findUniqueOrThrow({ where: { slug: "mta" } });
  const created = await post("/drafts/new", ADMIN, {
    titleEn,
    kind,
    ownerOrganizationId: mta.id,
    initialContent: "template",
    textLanguage: "hy",
  });
  expect(created.status).toBe(302);
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn } });
  expect((await post(`/drafts/${draft.id}/versions`, ADMIN, { name: "For signature" })).status).toBe(302);
  const version = await db().draftVersion.findFirstOrThrow({ where: { draftId: draft.id } });
  return { draft, version };
}

const signatories = {
  name1: "Արտակ Պողոսյան",
  position1: "Minister",
  organization1: "Ministry of Territorial Administration",
  name2: "Jean Martin",
  position2: "Secretary General",
  organization2: "AIMF",
};

describe("status changes that follow events are never made by hand", () => {
  it("refuses every event-driven status on the form, to the owner's admin and members alike", async () => {
    const draft = await lawDraft();
    const page = await (await get(`/drafts/${draft.id}`, ADMIN)).text();
    const options = [...page.matchAll(/<option value="([A-Z_]+)"/g)].map((m) => m[1]);
    // The status form offers withdrawing only (other selects on the page list other things).
    expect(options).toContain("WITHDRAWN");
    for (const status of ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "ADOPTED", "SIGNED", "REVISION"]) {
      expect(page).not.toContain(`<option value="${status}"`);
    }
    for (const email of [ADMIN, MEMBER]) {
      for (const status of ["COLLEGIUM_REVIEW", "ADOPTED", "SIGNED", "IN_CONSULTATION", "REVISION"]) {
        expect((await post(`/drafts/${draft.id}`, email, { status })).status).toBe(403);
      }
    }
    expect(await statusOf(draft.id)).toBe("DRAFTING");
    expect(await inPublicRegister(draft.id)).toBe(false);
    const refusals = await db().auditEvent.count({
      where: { objectId: draft.id, action: "refused.draft.changeStatus" },
    });
    expect(refusals).toBe(10);
  });

  it("shows a plain member no status form, and lets only the owner's admin withdraw", async () => {
    const { draft } = await newDraft("CONCEPT", "Concept to be withdrawn");
    expect(await (await get(`/drafts/${draft.id}`, MEMBER)).text()).not.toContain('name="status"');
    expect((await post(`/drafts/${draft.id}`, MEMBER, { status: "WITHDRAWN" })).status).toBe(403);
    expect(await statusOf(draft.id)).toBe("DRAFTING");
    expect((await post(`/drafts/${draft.id}`, ADMIN, { status: "WITHDRAWN" })).status).toBe(200);
    expect(await statusOf(draft.id)).toBe("WITHDRAWN");
  });

  it("adopts only through a closed review: under review the form refuses ADOPTED to everyone", async () => {
    const { draft, version } = await newDraft("LAW", "Law sent to the collegium");
    const body = await db().collegiumBody.findFirstOrThrow();
    const due = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const sent = await post(`/drafts/${draft.id}/reviews/new`, ADMIN, {
      bodyId: body.id,
      versionId: version.id,
      dueAt: `${isoDay(due)}T12:00`,
      timeZone: "Asia/Yerevan",
      note: "",
    });
    expect(sent.status).toBe(302);
    expect(await statusOf(draft.id)).toBe("COLLEGIUM_REVIEW");
    for (const email of [ADMIN, MEMBER]) {
      for (const status of ["ADOPTED", "SIGNED", "REVISION", "WITHDRAWN"]) {
        expect((await post(`/drafts/${draft.id}`, email, { status })).status).toBe(403);
      }
    }
    expect(await statusOf(draft.id)).toBe("COLLEGIUM_REVIEW");
    expect(await inPublicRegister(draft.id)).toBe(false);
  });
});

describe("an agreement is signed only by recording its signature", () => {
  it("refuses the signature to members, partners and other organizations", async () => {
    const { draft, version } = await newDraft("MEMORANDUM", "Memorandum with AIMF (refusals)");
    const fields = { versionId: version.id, signedOn: isoDay(new Date()), place: "Yerevan", ...signatories };
    expect(await (await get(`/drafts/${draft.id}`, MEMBER)).text()).not.toContain("/signature");
    expect((await get(`/drafts/${draft.id}/signature`, MEMBER)).status).toBe(403);
    expect((await post(`/drafts/${draft.id}/signature`, MEMBER, fields)).status).toBe(403);
    expect((await post(`/drafts/${draft.id}/signature`, "claire@aimf.example", fields)).status).toBe(404);
    expect(await statusOf(draft.id)).toBe("DRAFTING");
    expect(await db().agreementSignature.count({ where: { draftId: draft.id } })).toBe(0);
    // Both refused posts are audited (reading the form is not).
    expect(
      await db().auditEvent.count({ where: { objectId: draft.id, action: "refused.draft.recordSignature" } }),
    ).toBe(2);
  });

  it("refuses impossible and future dates, a missing place, half-filled rows and a single party, next to the field", async () => {
    const { draft, version } = await newDraft("PROTOCOL", "Protocol of the working meeting");
    const path = `/drafts/${draft.id}/signature`;
    // The owner's admin finds the form from the draft page.
    expect(await (await get(`/drafts/${draft.id}`, ADMIN)).text()).toContain(`href="${path}"`);
    const form = await (await get(path, ADMIN)).text();
    for (const field of ["versionId", "signedOn", "place", "name1", "position1", "organization1", "name2"]) {
      expect(form).toContain(`name="${field}"`);
    }
    const base = { versionId: version.id, signedOn: "2025-06-30", place: "Yerevan", ...signatories };
    const tomorrow = isoDay(new Date(Date.now() + 36 * 60 * 60 * 1000));
    // [fields, the field whose box shows the error (null: the signatories' note), message key]
    const cases: [Record<string, string>, string | null, string][] = [
      [{ ...base, signedOn: "2025-02-30" }, "signedOn", "signature.errors.date"],
      [{ ...base, signedOn: "30.06.2025" }, "signedOn", "signature.errors.date"],
      [{ ...base, signedOn: tomorrow }, "signedOn", "signature.errors.future"],
      [{ ...base, place: " " }, "place", "errors.required"],
      [{ ...base, position2: "" }, "position2", "errors.required"],
      [{ ...base, organization2: "ministry of territorial administration" }, null, "signature.errors.twoParties"],
      [{ ...base, name2: "", position2: "", organization2: "" }, null, "signature.errors.twoParties"],
    ];
    for (const [fields, field, key] of cases) {
      const response = await post(path, ADMIN, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const html = await response.text();
      const message = escapeHtml(hy(key));
      const box = field ? html.split('<div class="field">').find((part) => part.includes(`name="${field}"`)) : html;
      expect(box, `${field}: ${key}`).toContain(message);
    }
    expect(await statusOf(draft.id)).toBe("DRAFTING");
    expect(await db().agreementSignature.count()).toBe(1); // the demo agreement's only
  });

  it("records the signature, makes the draft SIGNED in the same step, audited, and shows it in the register", async () => {
    const { draft, version } = await newDraft("COOPERATION_AGREEMENT", "Agreement with AIMF");
    const recorded = await post(`/drafts/${draft.id}/signature`, ADMIN, {
      versionId: version.id,
      signedOn: "2025-06-30",
      place: "Yerevan, Government House",
      ...signatories,
    });
    expect(recorded.status).toBe(302);
    expect(recorded.headers.get("location")).toBe(`/register/${draft.id}`);
    expect(await statusOf(draft.id)).toBe("SIGNED");
    const signature = await db().agreementSignature.findUniqueOrThrow({
      where: { draftId: draft.id },
      include: { signatories: { orderBy: { ordinal: "asc" } } },
    });
    expect([signature.versionId, signature.signedOn, signature.signatories.map((s) => s.name)]).toEqual([
      version.id,
      "2025-06-30",
      ["Արտակ Պողոսյան", "Jean Martin"],
    ]);
    const events = await db().auditEvent.findMany({
      where: { actorId: { not: null }, objectId: { in: [draft.id, signature.id] } },
    });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["signature.record", "draft.status"]));

    const page = await (await get(`/register/${draft.id}`)).text();
    expect(page).toContain("Yerevan, Government House");
    expect(page).toContain("Jean Martin");
    expect(page).toContain("Secretary General");
    const entry = (await (await get(`/api/v1/register/${draft.id}`)).json()) as {
      data: {
        status: string;
        version: { id: string };
        signature: { signedOn: string; place: string; signatories: unknown[] };
      };
    };
    expect(entry.data.status).toBe("SIGNED");
    expect(entry.data.version.id).toBe(version.id);
    expect(entry.data.signature).toMatchObject({ signedOn: "2025-06-30", place: "Yerevan, Government House" });
    expect(entry.data.signature.signatories).toHaveLength(2);

    // Signed is final: a second signature, or any status by hand, is refused.
    const again = await post(`/drafts/${draft.id}/signature`, ADMIN, {
      versionId: version.id,
      signedOn: "2025-07-01",
      place: "Paris",
      ...signatories,
    });
    expect(again.status).toBe(403);
    expect(await db().agreementSignature.count({ where: { draftId: draft.id } })).toBe(1);
  });

  it("does not sign a law: laws are adopted by the collegium", async () => {
    const { draft, version } = await newDraft("LAW", "Law that nobody may sign");
    expect(await (await get(`/drafts/${draft.id}`, ADMIN)).text()).not.toContain(`/drafts/${draft.id}/signature`);
    const response = await post(`/drafts/${draft.id}/signature`, ADMIN, {
      versionId: version.id,
      signedOn: "2025-06-30",
      place: "Yerevan",
      ...signatories,
    });
    expect(response.status).toBe(409);
    expect(await statusOf(draft.id)).toBe("DRAFTING");
    expect(await inPublicRegister(draft.id)).toBe(false);
  });

  it("seeds the demo agreement as signed through a signature record", async () => {
    const agreement = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Blagoveshchensk" } } });
    expect(agreement.status).toBe("SIGNED");
    const signature = await db().agreementSignature.findUniqueOrThrow({
      where: { draftId: agreement.id },
      include: { signatories: true },
    });
    expect(new Set(signature.signatories.map((s) => s.organization)).size).toBe(2);
    const status = await db().auditEvent.findFirstOrThrow({
      where: { objectId: agreement.id, action: "draft.status" },
    });
    expect(status.details).toMatchObject({ to: "SIGNED", signatureId: signature.id });
    // The public record's titles and kind are not rewritten afterwards, not even by its owner.
    const rewrite = { titleRu: agreement.titleRu ?? "", titleEn: "A law now", kind: "LAW" };
    expect((await post(`/drafts/${agreement.id}/edit`, "olga@blagoveshchensk.example", rewrite)).status).toBe(403);
    expect(await db().draft.findUniqueOrThrow({ where: { id: agreement.id } })).toMatchObject({
      kind: "COOPERATION_AGREEMENT",
      titleEn: agreement.titleEn,
    });
    const entry = (await (await get(`/api/v1/register/${agreement.id}`)).json()) as { data: { signature: unknown } };
    expect(entry.data.signature).toMatchObject({ place: signature.place, signedOn: signature.signedOn });
  });
});
