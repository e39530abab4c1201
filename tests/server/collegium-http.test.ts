import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { isoDay } from "~/schemas/collegium";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get, post } = demoSessions(() => app);
const DAY = 24 * 60 * 60 * 1000;
const ADMIN = "anahit@mta.example";

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Anahit reads Armenian: the field errors she is shown. */
const hy = createTranslate(DICTIONARIES.hy);
const body = () =>
  db().collegiumBody.findFirstOrThrow({ where: { nameEn: { contains: "Minister of Territorial Administration" } } });
const user = (email: string) => db().user.findUniqueOrThrow({ where: { email } });
const org = (slug: string) => db().organization.findUniqueOrThrow({ where: { slug } });
/** A day counted from today in the platform's time zone, as the date inputs send it. */
const dayFromToday = (days: number) => isoDay(new Date(Date.now() + days * DAY));
const seatOf = async (personName: string) =>
  db().collegiumMembership.findFirstOrThrow({ where: { bodyId: (await body()).id, personName } });

/** The roll page cut into its "current members" table and its history section. */
async function roll(email: string) {
  const response = await get(`/collegium/${(await body()).id}`, email);
  expect(response.status).toBe(200);
  const html = await response.text();
  const current = html.slice(html.indexOf('data-testid="current-members"'), html.indexOf('data-testid="history"'));
  const history = html.slice(html.indexOf('data-testid="history"'));
  return { html, current, history };
}

describe("the collegium roll over HTTP", () => {
  it("sends signed-out visitors to sign in", async () => {
    const list = await get("/collegium");
    expect(list.status).toBe(302);
    expect(list.headers.get("Location")).toContain("/login");
    const page = await get(`/collegium/${(await body()).id}`);
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toContain("/login");
  });

  it("shows any signed-in person the current members and, separately, the history by period", async () => {
    const list = await (await get("/collegium", "claire@aimf.example")).text();
    expect(list).toContain("Collegium attached to the Minister of Territorial Administration");
    expect(list).toContain("Ministry of Territorial Administration of Armenia");

    const { html, current, history } = await roll("claire@aimf.example");
    expect(html).toContain("Current members");
    for (const name of ["Արտակ Պողոսյան", "Լուսինե Մանուկյան", "Գոռ Հակոբյան", "Արմեն Պետրոսյան", "Կարեն Գրիգորյան"]) {
      expect(current).toContain(name);
    }
    expect(current).toContain("Union of Community Finance Officers");
    expect(current).toContain("Deputy chair");
    expect(current).toContain("N 15-Ա");
    expect(current).not.toContain("Սամվել Հարությունյան");
    expect(history).toContain("Terms ended in 2024");
    expect(history).toContain("Սամվել Հարությունյան");
    // Nobody's e-mail address (the root loader carries only the reader's own).
    expect(html.replaceAll("claire@aimf.example", "")).not.toMatch(/[a-z]+@[a-z]+\.example/);
    expect(html).not.toContain('data-testid="add-membership-form"');
    expect(html).not.toContain('data-testid="end-term-form"');

    // In Armenian for an Armenian reader, with the roles translated.
    const armenian = await roll("karen@aca.example");
    expect(armenian.html).toContain("ՀՀ տարածքային կառավարման նախարարին կից կոլեգիա");
    expect(armenian.current).toContain("Քարտուղար");
  });

  it("refuses every change to the roll from anyone but the ministry's administrators", async () => {
    const { id } = await body();
    const path = `/collegium/${id}`;
    const karen = await seatOf("Կարեն Գրիգորյան");
    const minister = await seatOf("Արտակ Պողոսյան");
    const before = await db().collegiumMembership.findMany({ where: { bodyId: id }, orderBy: { id: "asc" } });
    const add = { intent: "add", personName: "Someone", role: "MEMBER", termStart: dayFromToday(0) };
    // gor is the secretary and a MEMBER (not ADMIN) of the ministry; lilit belongs to an NGO.
    for (const email of ["gor@mta.example", "lilit@ucfo.example", "karen@aca.example"]) {
      expect((await post(path, email, add)).status).toBe(403);
      expect(
        (await post(path, email, { intent: "end", membershipId: karen.id, termEnd: dayFromToday(0) })).status,
      ).toBe(403);
      const link = { intent: "link", membershipId: minister.id, email: "lilit@ucfo.example" };
      expect((await post(path, email, link)).status).toBe(403);
    }
    expect(await db().collegiumMembership.findMany({ where: { bodyId: id }, orderBy: { id: "asc" } })).toEqual(before);
    expect((await roll("gor@mta.example")).html).not.toContain('data-testid="add-membership-form"');
  });

  it("lets the ministry's administrator add members, with errors next to the fields", async () => {
    const { id } = await body();
    const path = `/collegium/${id}`;
    expect((await roll(ADMIN)).html).toContain('data-testid="add-membership-form"');
    const yerevan = await org("yerevan");
    const nare = await user("nare@yerevan.example");
    const seat = {
      intent: "add",
      email: "NARE@yerevan.example",
      organizationId: yerevan.id,
      position: "Աշխատակազմի ղեկավար",
      role: "MEMBER",
      termStart: dayFromToday(-30),
      appointedBy: "Նախարարի 2026 թվականի N 40-Ա հրաման",
    };
    const added = await post(path, ADMIN, seat);
    expect(added.status).toBe(302);
    const created = await db().collegiumMembership.findFirstOrThrow({ where: { bodyId: id, userId: nare.id } });
    expect(created).toMatchObject({ personName: nare.name, organizationId: yerevan.id, termEnd: null });
    expect((await roll(ADMIN)).current).toContain(nare.name);

    // The same person again for an overlapping period: refused by the model, shown at the term start.
    const overlap = await post(path, ADMIN, { ...seat, termStart: dayFromToday(10) });
    expect(overlap.status).toBe(409);
    expect(await overlap.text()).toContain(hy("collegium.errors.overlap"));

    const backwards = await post(path, ADMIN, {
      ...seat,
      email: "",
      personName: "Վահան Սիմոնյան",
      termStart: "2026-03-10",
      termEnd: "2026-03-01",
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain(hy("collegium.errors.endBeforeStart"));
    const badDate = await post(path, ADMIN, {
      ...seat,
      email: "",
      personName: "Վահան Սիմոնյան",
      termStart: "2026-02-30",
    });
    expect(badDate.status).toBe(400);
    expect(await badDate.text()).toContain(hy("collegium.errors.date"));
    const nobody = await post(path, ADMIN, { ...seat, email: "" });
    expect(nobody.status).toBe(400);
    expect(await nobody.text()).toContain(hy("collegium.errors.personRequired"));
    const unknown = await post(path, ADMIN, { ...seat, email: "nobody@nowhere.example" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(hy("collegium.errors.noSuchUser"));
    expect(await db().collegiumMembership.count({ where: { bodyId: id, userId: nare.id } })).toBe(1);
    expect(await db().collegiumMembership.count({ where: { bodyId: id, personName: "Վահան Սիմոնյան" } })).toBe(0);

    // A person without an account, by name, for a fixed term.
    const byName = await post(path, ADMIN, {
      ...seat,
      email: "",
      personName: "Վահան Սիմոնյան",
      organizationId: "",
      termStart: dayFromToday(-5),
      termEnd: dayFromToday(300),
    });
    expect(byName.status).toBe(302);
    expect(await seatOf("Վահան Սիմոնյան")).toMatchObject({ userId: null, organizationId: null });
  });

  it("lets the administrator end a term (the seat moves to the history) and link a seat to an account", async () => {
    const { id } = await body();
    const path = `/collegium/${id}`;
    const karen = await seatOf("Կարեն Գրիգորյան");
    const tooEarly = await post(path, ADMIN, { intent: "end", membershipId: karen.id, termEnd: "2024-12-01" });
    expect(tooEarly.status).toBe(409);
    expect(await tooEarly.text()).toContain(hy("collegium.errors.endBeforeStart"));

    const ended = await post(path, ADMIN, { intent: "end", membershipId: karen.id, termEnd: dayFromToday(-1) });
    expect(ended.status).toBe(302);
    const after = await roll(ADMIN);
    expect(after.current).not.toContain("Կարեն Գրիգորյան");
    expect(after.history).toContain("Կարեն Գրիգորյան");
    expect(await db().collegiumMembership.findUniqueOrThrow({ where: { id: karen.id } })).toMatchObject({
      role: "MEMBER",
      appointedBy: karen.appointedBy,
    });
    // An ended term cannot be stretched into a later one.
    const longer = await post(path, ADMIN, { intent: "end", membershipId: karen.id, termEnd: dayFromToday(30) });
    expect(longer.status).toBe(409);

    // The deputy chair has no account yet; linking the minister to Gor, who already sits, is refused.
    const deputy = await seatOf("Լուսինե Մանուկյան");
    const minister = await seatOf("Արտակ Պողոսյան");
    const clash = await post(path, ADMIN, { intent: "link", membershipId: minister.id, email: "gor@mta.example" });
    expect(clash.status).toBe(409);
    expect(await clash.text()).toContain(hy("collegium.errors.overlap"));
    const noSuch = await post(path, ADMIN, { intent: "link", membershipId: deputy.id, email: "ghost@mta.example" });
    expect(noSuch.status).toBe(400);
    const mariam = await user("mariam@isdtc.example");
    const linked = await post(path, ADMIN, { intent: "link", membershipId: deputy.id, email: "mariam@isdtc.example" });
    expect(linked.status).toBe(302);
    expect((await db().collegiumMembership.findUniqueOrThrow({ where: { id: deputy.id } })).userId).toBe(mariam.id);
    expect((await db().collegiumMembership.findUniqueOrThrow({ where: { id: minister.id } })).userId).toBeNull();
    expect((await roll(ADMIN)).current).toContain(mariam.name);
    const again = await post(path, ADMIN, { intent: "link", membershipId: deputy.id, email: "gor@mta.example" });
    expect(again.status).toBe(409);

    const anahit = await user(ADMIN);
    const events = await db().auditEvent.findMany({
      where: { actorId: anahit.id, objectType: "CollegiumMembership" },
      select: { action: true, objectId: true },
    });
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "collegium.addMember", objectId: expect.any(String) },
        { action: "collegium.endTerm", objectId: karen.id },
        { action: "collegium.linkMember", objectId: deputy.id },
      ]),
    );
    expect(events.filter((e) => e.action === "collegium.addMember")).toHaveLength(2);
    expect(events.filter((e) => e.action === "collegium.endTerm")).toHaveLength(1);
    expect(events.filter((e) => e.action === "collegium.linkMember")).toHaveLength(1);
  });

  it("lets only the ministry's administrator set the quorum and majority, as whole percentages", async () => {
    const path = `/collegium/${(await body()).id}`;
    const rules = { intent: "rules", quorumPercent: "66", majorityPercent: "66" };
    expect((await post(path, "gor@mta.example", rules)).status).toBe(403);
    expect((await post(path, "anahit@mta.example", { ...rules, quorumPercent: "150" })).status).toBe(400);
    expect((await post(path, "anahit@mta.example", rules)).status).toBe(302);
    expect(await body()).toMatchObject({ quorumShare: 0.66, majorityShare: 0.66 });
    expect(await db().auditEvent.count({ where: { action: "collegium.votingRules" } })).toBe(1);
  });
});
