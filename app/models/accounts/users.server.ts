import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";
import { foldForSearch } from "~/utils/search-text";

/** Every account, for platform admins, with search by name or e-mail. */
export async function listUsers(page: Page) {
  const where = page.query ? { searchText: { contains: foldForSearch(page.query) } } : {};
  const [items, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      select: {
        id: true,
        name: true,
        email: true,
        isActive: true,
        isPlatformAdmin: true,
        memberships: { select: { role: true, organization: true } },
      },
    }),
    db().user.count({ where }),
  ]);
  return { items, total };
}

export function listOutbox(page: Page) {
  return Promise.all([
    db().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, skip: page.skip, take: page.take }),
    db().outboxEmail.count(),
  ]);
}
