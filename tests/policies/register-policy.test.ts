import { describe, expect, it } from "vitest";
import { can, DRAFT_TRANSITIONS, type Actor, type DraftResource, type MaybeActor } from "~/policies";

const actor = (id: string, organizationId: string | null, isPlatformAdmin = false): Actor => ({
  id,
  isPlatformAdmin,
  isVerified: true,
  memberships: organizationId ? [{ organizationId, organizationKind: "NGO", role: "ADMIN" }] : [],
});

const ROLES: Record<string, MaybeActor> = {
  signedOut: null,
  platformAdmin: actor("admin", null, true),
  ownerStaff: actor("staff", "org-mta"),
  partnerEditor: actor("editor", "org-ucfo"),
  outsider: actor("outsider", "org-zugdidi"),
};

const draft = (status: DraftResource["status"]): DraftResource => ({
  type: "draft",
  id: "d1",
  ownerOrganizationId: "org-mta",
  status,
  grants: [{ organizationId: "org-ucfo", userId: null, level: "EDIT" }],
});

describe("the register policy", () => {
  const statuses = Object.keys(DRAFT_TRANSITIONS) as DraftResource["status"][];

  it("shows adopted and signed drafts to everyone, signed out too, and nothing else to anyone", () => {
    for (const status of statuses) {
      for (const [role, actor] of Object.entries(ROLES)) {
        const expected = status === "ADOPTED" || status === "SIGNED";
        expect(can(actor, "draft.viewInRegister", draft(status)), `${role} on ${status}`).toBe(expected);
      }
    }
  });

  it("keeps a registered draft final: no transition leads out of the register", () => {
    expect(DRAFT_TRANSITIONS.ADOPTED).toEqual([]);
    expect(DRAFT_TRANSITIONS.SIGNED).toEqual([]);
  });
});
