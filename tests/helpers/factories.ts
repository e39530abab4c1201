import { hashPassword } from "~/auth/password.server";
import type { OrganizationKind, MembershipRole } from "~/policies";
import { db } from "~/utils/db.server";
import { foldForSearch } from "~/utils/search-text";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

export async function createOrganization(kind: OrganizationKind = "NGO", nameEn = `Org ${unique()}`) {
  return db().organization.create({
    data: { kind, nameEn, country: "AM", slug: `org-${unique()}`, searchText: foldForSearch(nameEn, "am") },
  });
}

/** A verified account (as invitations make them) unless `verified: false`: a citizen who has not opened the link. */
export async function createUser(
  options: { name?: string; isPlatformAdmin?: boolean; isActive?: boolean; verified?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const name = options.name ?? `User ${unique()}`;
  const email = `user-${unique()}@example.test`;
  return db().user.create({
    data: {
      email,
      name,
      passwordHash: await passwordHash,
      isPlatformAdmin: options.isPlatformAdmin ?? false,
      isActive: options.isActive ?? true,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      searchText: foldForSearch(name, email),
    },
  });
}

export async function addMember(userId: string, organizationId: string, role: MembershipRole = "MEMBER") {
  return db().membership.create({ data: { userId, organizationId, role } });
}

/** A ministry with a staff member, and a draft it owns (empty document). */
export async function createDraftSetup() {
  const { createDraft } = await import("~/models/drafts/drafts.server");
  const { EMPTY_DOCUMENT } = await import("~/editor/templates");
  const ministry = await createOrganization("MINISTRY", "Ministry of Territorial Administration");
  const staff = await createUser({ name: "Անահիտ" });
  await addMember(staff.id, ministry.id, "MEMBER");
  const draft = await createDraft(
    staff.id,
    {
      titleHy: "Տեղական ինքնակառավարման մասին",
      titleRu: null,
      titleKa: null,
      titleEn: null,
      kind: "LAW_AMENDMENT",
      ownerOrganizationId: ministry.id,
    },
    EMPTY_DOCUMENT,
  );
  return { ministry, staff, draft };
}
