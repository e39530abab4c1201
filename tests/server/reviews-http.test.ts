import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get, post } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const userId = async (email: string) => (await db().user.findFirstOrThrow({ where: { email } })).id;
const local = (date: Date) => date.toISOString().slice(0, 19);

/** A collegium of the ministry made for this test: a secretary and two NGO heads in office. */
async function testCollegium() {
  const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
  const body = await db().collegiumBody.create({ data: { organizationId: mta.id, nameEn: "Test collegium" } });
  const since = new Date("2025-01-15T00:00:00Z");
  for (const [email, role] of [
    ["gor@mta.example", "SECRETARY"],
    ["armen@ucfo.example", "MEMBER"],
    ["karen@aca.example", "MEMBER"],
  ] as const) {
    await db().collegiumMembership.create({
      data: { bodyId: body.id, userId: await userId(email), personName: email, role, termStart: since },
    });
  }
  return body;
}

describe("collegium reviews over HTTP", () => {
  it("let staff send a version, members decide for themselves only, and the secretary close after the due date", async () => {
    const body = await testCollegium();
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const frozen = await post(`/drafts/${draft.id}/versions`, "anahit@mta.example", { name: "Final draft" });
    expect(frozen.status).toBe(302);
    const version = await db().draftVersion.findFirstOrThrow({ where: { draftId: draft.id } });
    const send = {
      bodyId: body.id,
      versionId: version.id,
      dueAt: local(new Date(Date.now() + 3_600_000)),
      timeZone: "UTC",
      note: "После второго раунда консультаций.",
    };
    // Partners cannot send; the form is validated.
    expect((await post(`/drafts/${draft.id}/reviews/new`, "armen@ucfo.example", send)).status).toBe(403);
    expect((await post(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example", { ...send, dueAt: "" })).status).toBe(
      400,
    );
    const sent = await post(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example", send);
    expect(sent.status).toBe(302);
    const path = sent.headers.get("Location")!;
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("COLLEGIUM_REVIEW");

    // Outsiders do not see it; a member sees it in "my reviews".
    expect((await get(path, "nino@zugdidi.example")).status).toBe(404);
    expect(await (await get("/reviews", "armen@ucfo.example")).text()).toContain(path.split("/").pop());

    // Deciding: remarks required for an objection; staff (not members) cannot decide;
    // a forged field naming someone else changes nothing but the sender's own decision.
    expect((await post(path, "armen@ucfo.example", { intent: "decide", decision: "OBJECT", remarks: "" })).status).toBe(
      400,
    );
    expect((await post(path, "anahit@mta.example", { intent: "decide", decision: "APPROVE" })).status).toBe(403);
    const karenSeat = await db().collegiumMembership.findFirstOrThrow({
      where: { bodyId: body.id, userId: await userId("karen@aca.example") },
    });
    expect(
      (
        await post(path, "armen@ucfo.example", {
          intent: "decide",
          decision: "APPROVE_WITH_REMARKS",
          remarks: "Publish the council's minutes.",
          membershipId: karenSeat.id,
        })
      ).status,
    ).toBe(200);
    expect(await db().reviewDecision.count({ where: { membershipId: karenSeat.id } })).toBe(0);
    expect((await post(path, "karen@aca.example", { intent: "decide", decision: "APPROVE" })).status).toBe(200);

    // During the review, others' decisions are not shown, only the count.
    const during = await (await get(path, "karen@aca.example")).text();
    expect(during).not.toContain("Publish the council");

    // Closing: only the secretary, and not before the due date.
    expect((await post(path, "armen@ucfo.example", { intent: "close" })).status).toBe(403);
    const early = await post(path, "gor@mta.example", { intent: "close" });
    expect([403, 409]).toContain(early.status);
    // The due date passes (moved in the database rather than waited for: no race with a slow machine).
    await db().collegiumReview.update({
      where: { id: path.split("/").pop() },
      data: { dueAt: new Date(Date.now() - 1_000) },
    });
    expect((await post(path, "gor@mta.example", { intent: "close" })).status).toBe(200);
    const review = await db().collegiumReview.findFirstOrThrow({ where: { id: path.split("/").pop() } });
    expect(review.outcome).toBe("ADOPTED");
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("ADOPTED");
    expect(
      (await post(path, "karen@aca.example", { intent: "decide", decision: "OBJECT", remarks: "late" })).status,
    ).toBe(403);

    // After closing, everyone's decisions and the record are shown.
    const after = await (await get(path, "karen@aca.example")).text();
    expect(after).toContain("Publish the council");
    const docx = await get(`${path}/record.docx`, "anahit@mta.example");
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file("word/document.xml")!.async("string");
    expect(xml).toContain("Publish the council");
    const pdf = await get(`${path}/record.pdf`, "anahit@mta.example");
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect((await get(`${path}/record.pdf`, "nino@zugdidi.example")).status).toBe(404);
    await pdf.arrayBuffer();
  });
});
