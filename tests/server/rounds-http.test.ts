import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get, post } = demoSessions(() => app);
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  app = await startApp({ ROUND_SCHEDULER_MS: "200" });
});
afterAll(async () => {
  await app?.stop();
});

/** `datetime-local` value of a moment, read in UTC (the form's time zone below). */
const local = (date: Date) => date.toISOString().slice(0, 16);

const demoDraft = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
const answeredRound = () => db().consultationRound.findFirstOrThrow({ where: { status: "ANSWERED" } });

describe("consultation rounds over HTTP", () => {
  it("show public rounds, their text and published summary to signed-out visitors", async () => {
    const list = await (await get("/rounds")).text();
    expect(list).toContain("Երկրորդ հանրային քննարկում");
    expect(list).toContain("Առաջին հանրային քննարկում");

    const round = await answeredRound();
    const page = await get(`/rounds/${round.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ավագանու նիստերը");
    expect(html).not.toMatch(/[a-z]+@[a-z]+\.example/); // no e-mail address of anyone

    const summary = await (await get(`/rounds/${round.id}/summary`)).text();
    expect(summary).toContain("«յոթ օր» բառերը փոխարինել «տասը օր» բառերով։");
    expect(summary).toContain("Ժամկետը երկարացվել է մինչև ութ օր");

    const csv = await get(`/rounds/${round.id}/summary.csv`);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    expect(await csv.text()).toContain("Публикация протокола обеспечивает прозрачность решений совета.");
    const docx = await get(`/rounds/${round.id}/summary.docx`);
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    expect(await zip.file("word/document.xml")!.async("string")).toContain("Նիստերը հեռարձակվում են առցանց։");
    const pdf = await get(`/rounds/${round.id}/summary.pdf`);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    // Staff-only pages stay closed to visitors.
    expect((await get(`/rounds/${round.id}/answers`)).status).toBe(302);
    expect((await get(`/rounds/${round.id}/answers`, "karen@aca.example")).status).toBe(403);
  });

  it("validate a new round on the server, next to the fields", async () => {
    const draft = await demoDraft();
    const now = Date.now();
    const base = { title: "Հանրային քննարկում", timeZone: "UTC", audience: "PUBLIC" };
    const backwards = await post(`/drafts/${draft.id}/rounds/new`, "anahit@mta.example", {
      ...base,
      opensAt: local(new Date(now + 5 * DAY)),
      closesAt: local(new Date(now + 2 * DAY)),
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("Փուլը պետք է փակվի բացվելուց հետո։");
    const tooShort = await post(`/drafts/${draft.id}/rounds/new`, "anahit@mta.example", {
      ...base,
      opensAt: local(new Date(now)),
      closesAt: local(new Date(now + 3 * DAY)),
    });
    expect(tooShort.status).toBe(400);
    const noGuests = await post(`/drafts/${draft.id}/rounds/new`, "anahit@mta.example", {
      ...base,
      audience: "INVITED",
      opensAt: local(new Date(now)),
      closesAt: local(new Date(now + 20 * DAY)),
    });
    expect(noGuests.status).toBe(400);
    // A partner with edit access is not ministry staff.
    const partner = await post(`/drafts/${draft.id}/rounds/new`, "armen@ucfo.example", {
      ...base,
      opensAt: local(new Date(now)),
      closesAt: local(new Date(now + 20 * DAY)),
    });
    expect(partner.status).toBe(403);
    expect(await db().consultationRound.count({ where: { draftId: draft.id } })).toBe(0);
  });

  it("keep an invited-only round within the invited organizations, and refuse anything after closing", async () => {
    const draft = await demoDraft();
    const ucfo = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
    const fields = new URLSearchParams({
      title: "Закрытое обсуждение с Союзом финансистов",
      timeZone: "UTC",
      audience: "INVITED",
      opensAt: local(new Date(Date.now() - 60_000)),
      closesAt: local(new Date(Date.now() + 16 * DAY)),
    });
    fields.append("invited", ucfo.id);
    const created = await post(`/drafts/${draft.id}/rounds/new`, "anahit@mta.example", fields);
    expect(created.status).toBe(302);
    const path = created.headers.get("Location")!;
    const roundId = path.split("/").pop()!;
    await expect
      .poll(async () => (await db().consultationRound.findUnique({ where: { id: roundId } }))?.status)
      .toBe("OPEN");

    expect((await get(path, "lilit@ucfo.example")).status).toBe(200);
    expect((await get(path, "nino@zugdidi.example")).status).toBe(404);
    expect((await get(`${path}/summary.csv`, "nino@zugdidi.example")).status).toBe(404);
    expect((await get(path)).status).toBe(302);
    expect(await (await get("/rounds")).text()).not.toContain("Закрытое обсуждение");
    expect(await (await get("/rounds", "nino@zugdidi.example")).text()).not.toContain("Закрытое обсуждение");

    const proposal = {
      intent: "submit",
      articleId: "lsg-a1",
      proposedText: "Дополнить пункт 12 словами «в течение 10 дней».",
      justification: "Срок нужен для малых общин.",
    };
    expect((await post(path, "nino@zugdidi.example", proposal)).status).toBe(404);
    expect((await post(path, "lilit@ucfo.example", { ...proposal, proposedText: "" })).status).toBe(400);
    expect((await post(path, "lilit@ucfo.example", proposal)).status).toBe(302);
    // A submitted proposal cannot be edited: there is no such action, whatever is posted.
    const submitted = await db().proposal.findFirstOrThrow({ where: { roundId } });
    const edit = { intent: "edit", proposalId: submitted.id, proposedText: "Другая редакция" };
    expect((await post(path, "lilit@ucfo.example", edit)).status).toBe(400);
    expect((await db().proposal.findUniqueOrThrow({ where: { id: submitted.id } })).proposedText).toBe(
      proposal.proposedText,
    );
    // Answering while the round is open is refused.
    const answer = { intent: "answer", proposalId: submitted.id, decision: "ACCEPTED", answer: "" };
    expect((await post(`${path}/answers`, "anahit@mta.example", answer)).status).toBe(403);

    // The deadline passes before the scheduler notices: the server's clock refuses anyway,
    // whatever the request claims.
    await db().consultationRound.update({ where: { id: roundId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const forged = await post(path, "lilit@ucfo.example", {
      ...proposal,
      closesAt: new Date(Date.now() + DAY).toISOString(),
      status: "OPEN",
    });
    expect([403, 409]).toContain(forged.status);
    await expect
      .poll(async () => (await db().consultationRound.findUnique({ where: { id: roundId } }))?.status)
      .toBe("CLOSED");
    expect((await post(path, "lilit@ucfo.example", proposal)).status).toBe(403);
    expect(await db().proposal.count({ where: { roundId } })).toBe(1);

    // Now staff answer; the author sees it and is notified.
    expect((await post(`${path}/answers`, "anahit@mta.example", { ...answer, decision: "REJECTED" })).status).toBe(400);
    expect((await post(`${path}/answers`, "armen@ucfo.example", answer)).status).toBe(403);
    expect((await post(`${path}/answers`, "anahit@mta.example", answer)).status).toBe(200);
    expect((await post(`${path}/answers`, "anahit@mta.example", { intent: "publish" })).status).toBe(200);
    expect((await db().consultationRound.findUniqueOrThrow({ where: { id: roundId } })).status).toBe("ANSWERED");
    const lilit = await db().user.findFirstOrThrow({ where: { email: "lilit@ucfo.example" } });
    expect(await db().notification.count({ where: { userId: lilit.id, kind: "proposal.answered" } })).toBe(1);
    expect(await (await get(`${path}/summary`, "lilit@ucfo.example")).text()).toContain("в течение 10 дней");
  });
});
