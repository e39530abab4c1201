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

const local = (date: Date) => date.toISOString().slice(0, 16);

describe("the history of a draft", () => {
  it("lists versions, rounds and status changes with who did them, keeping invited rounds with their guests", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const ucfo = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
    expect((await post(`/drafts/${draft.id}/versions`, "anahit@mta.example", { name: "Ողջ տեքստը" })).status).toBe(302);
    const round = new URLSearchParams({
      title: "Փակ քննարկում ՀՖՄ-ի հետ",
      timeZone: "UTC",
      audience: "INVITED",
      opensAt: local(new Date(Date.now() + 86_400_000)),
      closesAt: local(new Date(Date.now() + 20 * 86_400_000)),
    });
    round.append("invited", ucfo.id);
    expect((await post(`/drafts/${draft.id}/rounds/new`, "anahit@mta.example", round)).status).toBe(302);

    const forStaff = await (await get(`/drafts/${draft.id}/timeline`, "anahit@mta.example")).text();
    expect(forStaff).toContain('data-action="version.create"');
    expect(forStaff).toContain("Փակ քննարկում ՀՖՄ-ի հետ");
    expect(forStaff).toContain("Անահիտ Սարգսյան");

    // Karen's association sees the draft but was not invited to that round.
    const forPartner = await (await get(`/drafts/${draft.id}/timeline`, "karen@aca.example")).text();
    expect(forPartner).toContain('data-action="version.create"');
    expect(forPartner).not.toContain("Փակ քննարկում ՀՖՄ-ի հետ");
    expect((await get(`/drafts/${draft.id}/timeline`, "nino@zugdidi.example")).status).toBe(404);
  });
});
