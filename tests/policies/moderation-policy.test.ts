import { describe, expect, it } from "vitest";
import { can, type Actor, type DraftResource, type RoundResource, type ThreadResource } from "~/policies";

const MINISTRY = "org-ministry";
const draft: DraftResource = {
  type: "draft",
  id: "d1",
  ownerOrganizationId: MINISTRY,
  status: "IN_CONSULTATION",
  grants: [{ organizationId: "org-ngo", userId: null, level: "EDIT" }],
};
const round: RoundResource = {
  type: "round",
  draft,
  audience: "PUBLIC",
  status: "ANSWERED",
  invitedOrganizationIds: [],
};
const thread: ThreadResource = { type: "thread", draft, authorId: "someone", visibility: "WORKING_GROUP" };

const person = (id: string, memberships: Actor["memberships"] = [], isPlatformAdmin = false): Actor => ({
  id,
  isPlatformAdmin,
  isVerified: true,
  memberships,
});
const staff = person("staff", [{ organizationId: MINISTRY, organizationKind: "MINISTRY", role: "MEMBER" }]);
const otherMinistry = person("other", [{ organizationId: "org-other", organizationKind: "MINISTRY", role: "ADMIN" }]);
const partner = person("partner", [{ organizationId: "org-ngo", organizationKind: "NGO", role: "ADMIN" }]);
const citizen = person("citizen");
const admin = person("admin", [], true);

describe("moderation policy", () => {
  it("lets only the owning ministry's staff (and platform admins) hide, on proposals and comments alike", () => {
    for (const resource of [round, thread]) {
      expect(can(staff, "moderation.hide", resource)).toBe(true);
      expect(can(admin, "moderation.hide", resource)).toBe(true);
      expect(can(otherMinistry, "moderation.hide", resource)).toBe(false);
      expect(can(partner, "moderation.hide", resource)).toBe(false);
      expect(can(citizen, "moderation.hide", resource)).toBe(false);
      expect(can(null, "moderation.hide", resource)).toBe(false);
    }
  });

  it("lets anyone signed in who can see a public round flag it, never a visitor", () => {
    expect(can(citizen, "moderation.flag", round)).toBe(true);
    expect(can(otherMinistry, "moderation.flag", round)).toBe(true);
    expect(can(null, "moderation.flag", round)).toBe(false);
    // An invited round is for its guests: others cannot see it, so they cannot flag it.
    expect(can(citizen, "moderation.flag", { ...round, audience: "INVITED" })).toBe(false);
    // Comments are flagged by the draft's participants only.
    expect(can(partner, "moderation.flag", thread)).toBe(true);
    expect(can(citizen, "moderation.flag", thread)).toBe(false);
  });

  it("shows a moderation log to an organization's government staff and to admins only", () => {
    expect(can(staff, "moderation.viewLog", { type: "organization", id: MINISTRY })).toBe(true);
    expect(can(admin, "moderation.viewLog", { type: "organization", id: MINISTRY })).toBe(true);
    expect(can(otherMinistry, "moderation.viewLog", { type: "organization", id: MINISTRY })).toBe(false);
    expect(can(partner, "moderation.viewLog", { type: "organization", id: "org-ngo" })).toBe(false);
  });
});
