import type { OrganizationNameFields } from "~/i18n/localized-name";
import type { DraftResource } from "~/policies";
import { db, type Tx } from "~/utils/db.server";

export type AuthorOrganization = OrganizationNameFields & { id: string };

/**
 * The organization each person who may suggest in a draft works for, for the suggestion
 * panel's filter. A suggestion does not carry it (the collab server verifies only who wrote
 * it), so it is derived here from the verified author id: the person's membership among the
 * organizations the draft belongs to or is shared with (the owner first, then the grants in
 * the order they were given). Only those organizations are named, so this reveals nothing the
 * draft's sharing does not; a person who has access on their own and no such membership has none.
 */
export async function authorOrganizations(
  draft: DraftResource,
  client: Tx | ReturnType<typeof db> = db(),
): Promise<{ byAuthor: Record<string, string>; organizations: AuthorOrganization[] }> {
  const order = [draft.ownerOrganizationId, ...draft.grants.map((g) => g.organizationId)].filter(
    (id): id is string => !!id,
  );
  const memberships = await client.membership.findMany({
    where: { organizationId: { in: order }, user: { isActive: true } },
    select: {
      userId: true,
      organization: { select: { id: true, nameHy: true, nameRu: true, nameKa: true, nameEn: true } },
    },
  });
  const rank = (organizationId: string) => order.indexOf(organizationId);
  memberships.sort((a, b) => rank(a.organization.id) - rank(b.organization.id));
  const byAuthor: Record<string, string> = {};
  const organizations = new Map<string, AuthorOrganization>();
  for (const { userId, organization } of memberships) {
    if (byAuthor[userId]) continue;
    byAuthor[userId] = organization.id;
    organizations.set(organization.id, organization);
  }
  return { byAuthor, organizations: [...organizations.values()] };
}
