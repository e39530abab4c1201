import type { OrganizationInput } from "~/schemas/organization";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";
import { foldForSearch } from "~/utils/search-text";

const searchTextOf = (org: OrganizationInput) =>
  foldForSearch(org.nameHy, org.nameRu, org.nameKa, org.nameEn, org.city, org.country);

export async function listOrganizations(page: Page) {
  const where = page.query ? { searchText: { contains: foldForSearch(page.query) } } : {};
  const [items, total] = await Promise.all([
    db().organization.findMany({
      where,
      orderBy: [{ kind: "asc" }, { nameEn: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      include: { _count: { select: { memberships: true } } },
    }),
    db().organization.count({ where }),
  ]);
  return { items, total };
}

export function getOrganization(id: string) {
  return db().organization.findUnique({ where: { id } });
}

export function listMembers(organizationId: string, page: Page) {
  const where = {
    organizationId,
    ...(page.query ? { user: { searchText: { contains: foldForSearch(page.query) } } } : {}),
  };
  return db().$transaction(async (tx) => {
    const items = await tx.membership.findMany({
      where,
      include: { user: { select: { id: true, name: true, email: true, isActive: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      skip: page.skip,
      take: page.take,
    });
    return { items, total: await tx.membership.count({ where }) };
  });
}

function slugFor(org: OrganizationInput): string {
  const base = foldForSearch(org.nameEn ?? org.nameRu ?? org.nameHy ?? org.nameKa ?? "org")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "org"}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function createOrganization(actorId: string, input: OrganizationInput) {
  return db().$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { ...input, slug: slugFor(input), searchText: searchTextOf(input) },
    });
    await audit(tx, {
      actorId,
      action: "organization.create",
      objectType: "Organization",
      objectId: org.id,
      details: input,
    });
    return org;
  });
}

export async function updateOrganization(actorId: string, id: string, input: OrganizationInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id } });
    const org = await tx.organization.update({ where: { id }, data: { ...input, searchText: searchTextOf(input) } });
    await audit(tx, {
      actorId,
      action: "organization.update",
      objectType: "Organization",
      objectId: id,
      details: { before: { ...before, searchText: undefined }, after: input },
    });
    return org;
  });
}
