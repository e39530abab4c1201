import { describe, expect, it } from "vitest";
import { can, type Actor, type DraftResource, type Resource, type RoundResource } from "~/policies";

const owner: Actor = {
  id: "u-owner",
  isPlatformAdmin: false,
  isVerified: true,
  memberships: [{ organizationId: "org-mof", organizationKind: "MINISTRY", role: "ADMIN" }],
};
const draft: DraftResource = {
  type: "draft",
  id: "d1",
  ownerOrganizationId: "org-mof",
  status: "DRAFTING",
  grants: [],
};
const round: RoundResource = { type: "round", draft, audience: "PUBLIC", status: "OPEN", invitedOrganizationIds: [] };

describe("can() is typed by the action's kind of resource", () => {
  it("accepts each action with its own kind of resource, and platform actions without one", () => {
    expect(can(owner, "draft.edit", draft)).toBe(true);
    expect(can(owner, "round.create", draft)).toBe(true);
    expect(can(owner, "round.answer", round)).toBe(false);
    expect(can(owner, "draft.create")).toBe(true);
  });

  it("does not compile with another kind of resource, or without one where the action needs it", () => {
    // These lines are checked by `tsc` (npm run typecheck): each must be a type error.
    // @ts-expect-error a round is not a draft
    can(owner, "draft.edit", round);
    // @ts-expect-error a draft is not a round
    can(owner, "round.answer", draft);
    // @ts-expect-error a draft action needs its draft
    can(owner, "draft.view");
    // @ts-expect-error an organization action does not take a user
    can(owner, "organization.update", { type: "user", id: "u-owner" });
  });

  it("still refuses at run time a resource forced past the types", () => {
    const forced = round as unknown as Resource as DraftResource;
    expect(can(owner, "draft.edit", forced)).toBe(false);
    expect(can(owner, "round.answer", draft as unknown as RoundResource)).toBe(false);
  });
});
