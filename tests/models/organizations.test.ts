import { describe, expect, it } from "vitest";
import { changeMembershipRole, listUserMemberships, removeMembership } from "~/models/accounts/memberships.server";
import {
  createOrganization,
  getOrganization,
  listMembers,
  listOrganizations,
  updateOrganization,
} from "~/models/organizations/organizations.server";
import type { OrganizationInput } from "~/schemas/organization";
import { OrganizationSchema } from "~/schemas/organization";
import { db } from "~/utils/db.server";
import { readPage } from "~/utils/pagination";
import { addMember, createUser } from "../helpers/factories";

const page = (query = "", n = 1) => readPage(new URL(`http://x/?q=${encodeURIComponent(query)}&page=${n}`));

const zugdidi: OrganizationInput = {
  kind: "MUNICIPALITY",
  nameHy: "Զուգդիդիի մունիցիպալիտետ",
  nameRu: "Муниципалитет Зугдиди",
  nameKa: "ზუგდიდის მუნიციპალიტეტის მერია",
  nameEn: "Zugdidi Municipality",
  country: "GE",
  city: "ზუგდიდი",
};

describe("organizations", () => {
  it("creates an organization with names in four languages and audits it in the same transaction", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const org = await createOrganization(admin.id, zugdidi);
    const stored = await getOrganization(org.id);
    expect(stored).toMatchObject({
      nameKa: zugdidi.nameKa,
      nameHy: zugdidi.nameHy,
      kind: "MUNICIPALITY",
      country: "GE",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectId: org.id } });
    expect(event).toMatchObject({ actorId: admin.id, action: "organization.create", objectType: "Organization" });
    expect(event.details).toMatchObject({ nameEn: "Zugdidi Municipality" });
  });

  it("records before and after when edited", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const org = await createOrganization(admin.id, zugdidi);
    await updateOrganization(admin.id, org.id, { ...zugdidi, city: "Zugdidi" });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { objectId: org.id, action: "organization.update" },
    });
    expect(event.details).toMatchObject({ before: { city: "ზუგდიდი" }, after: { city: "Zugdidi" } });
  });

  it("finds organizations case-insensitively in Armenian, Russian, Georgian and English", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    await createOrganization(admin.id, zugdidi);
    for (const query of ["ԶՈՒԳԴԻԴԻ", "зугдиди", "ᲖᲣᲒᲓᲘᲓᲘᲡ", "zugDIDI"]) {
      const { items } = await listOrganizations(page(query));
      expect(
        items.map((o) => o.nameEn),
        query,
      ).toContain("Zugdidi Municipality");
    }
    expect((await listOrganizations(page("Blagoveshchensk"))).items).toHaveLength(0);
  });

  it("paginates", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    for (let i = 0; i < 23; i++) await createOrganization(admin.id, { ...zugdidi, nameEn: `Partner city ${i}` });
    const first = await listOrganizations(page("partner city", 1));
    const second = await listOrganizations(page("partner city", 2));
    expect(first.total).toBe(23);
    expect(first.items).toHaveLength(20);
    expect(second.items).toHaveLength(3);
    expect(new Set([...first.items, ...second.items].map((o) => o.id)).size).toBe(23);
  });

  it("validates input: at least one name, a two-letter country, a known kind", () => {
    const bad = OrganizationSchema.safeParse({
      kind: "CLUB",
      nameHy: "",
      nameRu: "",
      nameKa: "",
      nameEn: "",
      country: "Armenia",
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["errors.kindRequired", "errors.countryCode"]));
    const noName = OrganizationSchema.safeParse({
      kind: "NGO",
      nameHy: " ",
      nameRu: "",
      nameKa: "",
      nameEn: "",
      country: "am",
    });
    expect(noName.error?.issues[0]?.message).toBe("errors.nameRequired");
  });
});

describe("memberships", () => {
  it("changes roles and removes members only inside the given organization, with audit", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const org = await createOrganization(admin.id, zugdidi);
    const other = await createOrganization(admin.id, { ...zugdidi, nameEn: "Other" });
    const user = await createUser({ name: "Նինո" });
    const membership = await addMember(user.id, org.id);

    expect(await changeMembershipRole(admin.id, other.id, membership.id, "ADMIN")).toBe(false);
    expect(await changeMembershipRole(admin.id, org.id, membership.id, "ADMIN")).toBe(true);
    expect((await listUserMemberships(user.id))[0]?.role).toBe("ADMIN");
    expect((await listMembers(org.id, page("նինո"))).items.map((m) => m.user.id)).toEqual([user.id]);

    expect(await removeMembership(admin.id, other.id, membership.id)).toBe(false);
    expect(await removeMembership(admin.id, org.id, membership.id)).toBe(true);
    expect(await listUserMemberships(user.id)).toHaveLength(0);
    const actions = (await db().auditEvent.findMany({ where: { objectId: membership.id } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["membership.remove", "membership.update"]);
  });

  it("refuses two memberships of one user in one organization", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const org = await createOrganization(admin.id, zugdidi);
    const user = await createUser();
    await addMember(user.id, org.id);
    await expect(addMember(user.id, org.id)).rejects.toThrow();
  });
});
