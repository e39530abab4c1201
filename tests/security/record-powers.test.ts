import { describe, expect, it } from "vitest";
import { isoDay } from "~/schemas/collegium";
import { db } from "~/utils/db.server";
import { demoPlatformForThisFile } from "../helpers/demo-sessions";

/**
 * What grants powers is changed only by whoever the policy names: an organization's kind by
 * platform administrators; roles within an organization by its own administrators; the
 * platform-admin flag by platform administrators; a draft's owner at creation, to one's own
 * ministry; sharing by the owner's staff (a grantee never re-shares or raises itself); a
 * collegium's roll by the ministry's administrators. Each refusal is a 403 and audited.
 */
const platform = demoPlatformForThisFile();
const { post, get } = platform;

const org = (slug: string) => db().organization.findUniqueOrThrow({ where: { slug } });
const userId = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).id;
const refusals = (action: string) => db().auditEvent.count({ where: { action: `refused.${action}` } });

describe("an organization's kind", () => {
  it("is neither shown to nor changeable by the organization's own admin", async () => {
    const ucfo = await org("ucfo");
    const page = await (await get(`/orgs/${ucfo.id}/edit`, "armen@ucfo.example")).text();
    expect(page).toContain('name="nameEn"');
    expect(page).not.toContain('name="kind"');
    const names = { nameHy: ucfo.nameHy ?? "", nameEn: "Union of Communities (renamed)", country: ucfo.country };
    const forged = await post(`/orgs/${ucfo.id}/edit`, "armen@ucfo.example", { ...names, kind: "MINISTRY" });
    expect(forged.status).toBe(403);
    expect((await org("ucfo")).kind).toBe("NGO");
    expect(await refusals("organization.changeKind")).toBe(1);
    // Still an NGO: no drafts of its own.
    expect((await get("/drafts/new", "armen@ucfo.example")).status).toBe(403);

    // Names stay theirs to keep; the kind is carried over untouched.
    expect((await post(`/orgs/${ucfo.id}/edit`, "armen@ucfo.example", names)).status).toBe(302);
    expect(await org("ucfo")).toMatchObject({ kind: "NGO", nameEn: "Union of Communities (renamed)" });
    // A municipality's admin cannot make it a ministry either (the same posted field).
    const yerevan = await org("yerevan");
    const promoted = await post(`/orgs/${yerevan.id}/edit`, "nare@yerevan.example", {
      nameEn: yerevan.nameEn ?? "Yerevan",
      country: yerevan.country,
      kind: "MINISTRY",
    });
    expect(promoted.status).toBe(403);
    expect((await org("yerevan")).kind).toBe("MUNICIPALITY");
  });

  it("is set by a platform administrator, who sees the field", async () => {
    const aca = await org("aca");
    expect(await (await get(`/orgs/${aca.id}/edit`, "admin@agora.example")).text()).toContain('name="kind"');
    const changed = await post(`/orgs/${aca.id}/edit`, "admin@agora.example", {
      nameEn: aca.nameEn ?? "ACA",
      country: aca.country,
      kind: "MUNICIPAL_ASSOCIATION",
    });
    expect(changed.status).toBe(302);
    expect((await org("aca")).kind).toBe("MUNICIPAL_ASSOCIATION");
  });
});

describe("roles and the platform-admin flag", () => {
  it("refuses a member promoting themselves and an admin changing another organization's roles", async () => {
    const ucfo = await org("ucfo");
    const mta = await org("mta");
    const lilit = await db().membership.findFirstOrThrow({
      where: { organizationId: ucfo.id, userId: await userId("lilit@ucfo.example") },
    });
    const gor = await db().membership.findFirstOrThrow({
      where: { organizationId: mta.id, userId: await userId("gor@mta.example") },
    });
    const before = await refusals("membership.update");
    const self = await post(`/orgs/${ucfo.id}`, "lilit@ucfo.example", {
      intent: "role",
      membershipId: lilit.id,
      role: "ADMIN",
    });
    expect(self.status).toBe(403);
    const foreign = await post(`/orgs/${mta.id}`, "armen@ucfo.example", {
      intent: "role",
      membershipId: gor.id,
      role: "ADMIN",
    });
    expect(foreign.status).toBe(403);
    // Through one's own organization's page, naming another organization's membership.
    const smuggled = await post(`/orgs/${ucfo.id}`, "armen@ucfo.example", {
      intent: "role",
      membershipId: gor.id,
      role: "ADMIN",
    });
    expect(smuggled.status).toBe(400);
    expect((await db().membership.findUniqueOrThrow({ where: { id: lilit.id } })).role).toBe("MEMBER");
    expect((await db().membership.findUniqueOrThrow({ where: { id: gor.id } })).role).toBe("MEMBER");
    expect(await refusals("membership.update")).toBe(before + 2);
    // Members do not even see the role controls.
    expect(await (await get(`/orgs/${ucfo.id}`, "lilit@ucfo.example")).text()).not.toContain('value="role"');
  });

  it("leaves the platform-admin flag to platform administrators", async () => {
    const gorId = await userId("gor@mta.example");
    for (const email of ["anahit@mta.example", "armen@ucfo.example"]) {
      const response = await post("/admin/users", email, { intent: "platformAdmin", userId: gorId, admin: "true" });
      expect(response.status).toBe(404);
    }
    const self = await post("/admin/users", "anahit@mta.example", {
      intent: "platformAdmin",
      userId: await userId("anahit@mta.example"),
      admin: "true",
    });
    expect(self.status).toBe(404);
    expect(await db().user.count({ where: { isPlatformAdmin: true } })).toBe(1);
  });
});

describe("draft owner and sharing", () => {
  it("creates drafts only for one's own ministry or municipality, and never moves the owner afterwards", async () => {
    const heihe = await org("heihe");
    const created = await post("/drafts/new", "olga@blagoveshchensk.example", {
      titleEn: "A draft in someone else's name",
      kind: "DECISION",
      ownerOrganizationId: heihe.id,
      initialContent: "empty",
      textLanguage: "hy",
    });
    expect(created.status).toBe(403);
    expect(await db().draft.count({ where: { ownerOrganizationId: heihe.id } })).toBe(0);
    const law = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const moved = await post(`/drafts/${law.id}/edit`, "anahit@mta.example", {
      titleEn: law.titleEn ?? "Law",
      kind: law.kind,
      ownerOrganizationId: heihe.id,
    });
    expect(moved.status).toBe(302);
    expect((await db().draft.findUniqueOrThrow({ where: { id: law.id } })).ownerOrganizationId).toBe(
      law.ownerOrganizationId,
    );
  });

  it("does not let a grantee re-share the draft or raise its own level", async () => {
    const law = await db().draft.findFirstOrThrow({
      where: { titleEn: { contains: "Local Self-Government" } },
      include: { access: true },
    });
    const aca = await org("aca");
    const acaGrant = law.access.find((grant) => grant.organizationId === aca.id)!;
    expect(acaGrant.level).toBe("COMMENT");
    const before = await refusals("draft.share");
    const raised = await post(`/drafts/${law.id}/sharing`, "karen@aca.example", {
      intent: "level",
      grantId: acaGrant.id,
      level: "EDIT",
    });
    expect(raised.status).toBe(403);
    const reshared = await post(`/drafts/${law.id}/sharing`, "armen@ucfo.example", {
      intent: "grant",
      target: "user",
      email: "nino@zugdidi.example",
      level: "EDIT",
    });
    expect(reshared.status).toBe(403);
    expect((await db().draftAccess.findUniqueOrThrow({ where: { id: acaGrant.id } })).level).toBe("COMMENT");
    expect(
      await db().draftAccess.count({ where: { draftId: law.id, userId: await userId("nino@zugdidi.example") } }),
    ).toBe(0);
    expect(await refusals("draft.share")).toBe(before + 2);
    // A grantee with edit access is not shown the sharing page at all.
    expect(await (await get(`/drafts/${law.id}`, "armen@ucfo.example")).text()).not.toContain("/sharing");
  });
});

describe("a collegium's roll", () => {
  it("is kept by the ministry's administrators: members of the collegium and the ministry cannot seat anyone", async () => {
    const body = await db().collegiumBody.findFirstOrThrow();
    const seats = await db().collegiumMembership.count({ where: { bodyId: body.id } });
    const seat = {
      intent: "add",
      email: "armen@ucfo.example",
      personName: "",
      role: "SECRETARY",
      termStart: isoDay(new Date()),
      appointedBy: "self-appointed",
    };
    const before = await refusals("collegium.manage");
    // A collegium member (an NGO's admin), the collegium's own secretary (a ministry member).
    for (const email of ["armen@ucfo.example", "gor@mta.example"]) {
      expect((await post(`/collegium/${body.id}`, email, seat)).status).toBe(403);
      expect(
        (await post(`/collegium/${body.id}`, email, { intent: "rules", quorumPercent: "1", majorityPercent: "1" }))
          .status,
      ).toBe(403);
    }
    const armenSeat = await db().collegiumMembership.findFirstOrThrow({
      where: { bodyId: body.id, userId: await userId("armen@ucfo.example") },
    });
    const ended = await post(`/collegium/${body.id}`, "karen@aca.example", {
      intent: "end",
      membershipId: armenSeat.id,
      termEnd: isoDay(new Date()),
    });
    expect(ended.status).toBe(403);
    expect(await db().collegiumMembership.count({ where: { bodyId: body.id } })).toBe(seats);
    expect((await db().collegiumMembership.findUniqueOrThrow({ where: { id: armenSeat.id } })).termEnd).toBeNull();
    expect((await db().collegiumBody.findUniqueOrThrow({ where: { id: body.id } })).quorumShare).toBe(body.quorumShare);
    expect(await refusals("collegium.manage")).toBe(before + 5);
    expect(await (await get(`/collegium/${body.id}`, "gor@mta.example")).text()).not.toContain('value="add"');
  });
});
