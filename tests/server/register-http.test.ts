import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDay } from "~/schemas/collegium";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { createRoundAs, moveRound } from "../helpers/round-setup";

let app: RunningApp;
const sessions = demoSessions(() => app);
const { post } = sessions;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, email?: string) => sessions.get(path, email, { "Accept-Language": "en" });
const html = async (path: string, email?: string) => {
  const response = await get(path, email);
  expect(response.status, path).toBe(200);
  return response.text();
};
const entries = (page: string) => page.match(/data-testid="register-entry"/g)?.length ?? 0;

const lawDraft = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
const agreement = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Blagoveshchensk" } } });
const org = (slug: string) => db().organization.findUniqueOrThrow({ where: { slug } });

/**
 * Adoption by its real event: the last frozen version is sent to the Minister's collegium,
 * its members approve, and the secretary closes the review once it is due (the due date is
 * moved in the database rather than waited for).
 */
async function adoptThroughCollegium(draftId: string) {
  const body = await db().collegiumBody.findFirstOrThrow();
  const version = await db().draftVersion.findFirstOrThrow({ where: { draftId }, orderBy: { number: "desc" } });
  const due = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  const sent = await post(`/drafts/${draftId}/reviews/new`, "anahit@mta.example", {
    bodyId: body.id,
    versionId: version.id,
    dueAt: `${isoDay(due)}T12:00`,
    timeZone: "Asia/Yerevan",
    note: "",
  });
  expect(sent.status).toBe(302);
  const path = sent.headers.get("location")!;
  for (const email of ["gor@mta.example", "armen@ucfo.example", "karen@aca.example", "tigran@uca.example"]) {
    expect((await post(path, email, { intent: "decide", decision: "APPROVE" })).status).toBe(200);
  }
  await db().collegiumReview.update({
    where: { id: path.split("/").pop() },
    data: { dueAt: new Date(Date.now() - 1000) },
  });
  expect((await post(path, "gor@mta.example", { intent: "close" })).status).toBe(200);
  expect((await db().draft.findUniqueOrThrow({ where: { id: draftId } })).status).toBe("ADOPTED");
}

/** A final act written straight into the database: the register reads the status and the audit log. */
async function finalAct(titleEn: string, at: Date, kind: "DECISION" | "MEMORANDUM", ownerSlug: string) {
  const draft = await db().draft.create({
    data: { titleEn, kind, status: "ADOPTED", ownerOrganizationId: (await org(ownerSlug)).id },
  });
  await db().auditEvent.create({
    data: {
      action: "draft.status",
      objectType: "Draft",
      objectId: draft.id,
      details: { to: "ADOPTED" },
      createdAt: at,
    },
  });
  return draft;
}

describe("the public register", () => {
  it("lists only adopted and signed drafts, with their final text, to signed-out visitors too", async () => {
    const list = await html("/register");
    expect(list).toContain("Agreement on Cooperation between the Cities of Blagoveshchensk and Heihe");
    expect(list).not.toContain("Local Self-Government");
    expect(list).not.toContain("Model Regulation");
    expect(list).toContain('href="/register"');

    const signed = await agreement();
    const version = await db().draftVersion.findFirstOrThrow({ where: { draftId: signed.id } });
    const entry = await html(`/register/${signed.id}`);
    expect(entry).toContain(`data-testid="register-sha256">${version.sha256}<`);
    expect(entry).toContain("Предмет соглашения / Subject of the agreement");
    expect(entry).toMatch(/signed on(?:<!-- -->)?\s*<time dateTime="[^"]+"/);

    // A draft still being written is not in the register: 404 for everyone, its owner included.
    const law = await lawDraft();
    for (const email of [undefined, "anahit@mta.example", "nino@zugdidi.example"]) {
      const hidden = await get(`/register/${law.id}`, email);
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).not.toContain("Local Self-Government");
    }
    expect((await get("/register/no-such-draft")).status).toBe(404);

    // The final text downloads as Word, PDF and Akoma Ntoso, signed out too; not for drafts.
    for (const [format, type] of [
      ["docx", "wordprocessingml"],
      ["pdf", "application/pdf"],
      ["akn.xml", "akn+xml"],
    ] as const) {
      const file = await get(`/register/${signed.id}/final.${format}`);
      expect(file.status, format).toBe(200);
      expect(file.headers.get("Content-Type")).toContain(type);
      await file.arrayBuffer();
      const hidden = await get(`/register/${law.id}/final.${format}`, "anahit@mta.example");
      expect(hidden.status, format).toBe(404);
      await hidden.arrayBuffer();
    }
  });

  it("shows an adopted act's consultation: public rounds with counts and summaries, invited ones only to their guests", async () => {
    const law = await lawDraft();
    const ucfo = await org("ucfo");
    const publicRound = await createRoundAs(post, "anahit@mta.example", law.id, {
      title: "Public round on the amendments",
      audience: "PUBLIC",
    });
    const invitedRound = await createRoundAs(post, "anahit@mta.example", law.id, {
      title: "Closed round with the finance officers",
      audience: "INVITED",
      invited: [ucfo.id],
    });
    await moveRound(publicRound, "ANSWERED");
    await moveRound(invitedRound, "ANSWERED");
    await db().proposal.create({
      data: {
        roundId: publicRound,
        articleId: "lsg-a1",
        proposedText: "Publish monthly.",
        justification: "Transparency.",
        authorId: (await db().user.findUniqueOrThrow({ where: { email: "karen@aca.example" } })).id,
        decision: "NOTED",
        answer: "Quarterly is enough.",
      },
    });
    await adoptThroughCollegium(law.id);

    const list = await html("/register");
    expect(list).toContain("Local Self-Government");
    const entry = await html(`/register/${law.id}`);
    expect(entry).toContain("Public round on the amendments");
    expect(entry).toContain("Proposals: 1");
    expect(entry).toContain(`href="/rounds/${publicRound}/summary"`);
    expect(entry).not.toContain("Closed round with the finance officers");
    // The final text is the last version frozen before adoption (here: the invited round's).
    const last = await db().draftVersion.findFirstOrThrow({ where: { draftId: law.id }, orderBy: { number: "desc" } });
    expect(entry).toContain(`data-testid="register-sha256">${last.sha256}<`);

    const api = await (await get(`/api/v1/register/${law.id}`, "lilit@ucfo.example")).json();
    expect(api.data.rounds.map((round: { id: string }) => round.id)).toEqual([publicRound]);
    expect(api.data.version.sha256).toBe(last.sha256);

    // The same rule as the round pages: guests of the invited round see it, other partners do not.
    expect(await html(`/register/${law.id}`, "lilit@ucfo.example")).toContain("Closed round with the finance officers");
    expect(await html(`/register/${law.id}`, "karen@aca.example")).not.toContain(
      "Closed round with the finance officers",
    );
    expect(await html(`/register/${law.id}`, "nino@zugdidi.example")).not.toContain(
      "Closed round with the finance officers",
    );
  });

  it("filters by kind, owner and year (in the platform's time zone) and pages newest first", async () => {
    for (let i = 0; i < 20; i++) {
      await finalAct(`Council decision ${i + 100}`, new Date(Date.UTC(2019, 2, 1 + i)), "DECISION", "zugdidi");
    }
    // 21:30 UTC on 31 December is already New Year's night in Yerevan: it counts for 2019.
    await finalAct("Council decision New Year", new Date(Date.UTC(2018, 11, 31, 21, 30)), "DECISION", "zugdidi");
    await finalAct("Memorandum with Yerevan A", new Date(Date.UTC(2020, 5, 1)), "MEMORANDUM", "yerevan");
    await finalAct("Memorandum with Yerevan B", new Date(Date.UTC(2020, 5, 2)), "MEMORANDUM", "yerevan");

    const first = await html("/register?year=2019");
    expect(first).toContain("21 found");
    expect(entries(first)).toBe(20);
    expect(first).toContain("Council decision 119");
    expect(first).not.toContain("Council decision New Year");
    expect(first).not.toContain("Memorandum with Yerevan");
    const second = await html("/register?year=2019&page=2");
    expect(entries(second)).toBe(1);
    expect(second).toContain("Council decision New Year");

    const memoranda = await html("/register?kind=MEMORANDUM");
    expect(entries(memoranda)).toBe(2);
    expect(memoranda).not.toContain("Council decision");
    const yerevan = await html(`/register?organization=${(await org("yerevan")).id}`);
    expect(entries(yerevan)).toBe(2);
    expect(entries(await html("/register?year=2018"))).toBe(0);
    // A stale or forged filter value is ignored rather than refused.
    expect(entries(await html("/register?kind=NONSENSE&year=abc"))).toBeGreaterThanOrEqual(20);
  });
});
