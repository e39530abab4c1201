import { describe, expect, it } from "vitest";
import { ALL_ACTIONS, can, type Action, type Actor, type MaybeActor, type Resource } from "~/policies";

const ORG = "org-ucfo";
const OTHER_ORG = "org-other";
const org = { type: "organization" as const, id: ORG };

const member = (role: "MEMBER" | "ADMIN", kind: "NGO" | "MINISTRY" = "NGO"): Actor => ({
  id: `u-${role}-${kind}`,
  isPlatformAdmin: false,
  isVerified: true,
  memberships: [{ organizationId: ORG, organizationKind: kind, role }],
});

const ROLES: Record<string, MaybeActor> = {
  signedOut: null,
  platformAdmin: { id: "u-admin", isPlatformAdmin: true, isVerified: true, memberships: [] },
  orgAdmin: member("ADMIN"),
  orgMember: member("MEMBER"),
  ministryStaff: member("MEMBER", "MINISTRY"),
  outsider: {
    id: "u-outsider",
    isPlatformAdmin: false,
    isVerified: true,
    memberships: [{ organizationId: OTHER_ORG, organizationKind: "NGO", role: "ADMIN" }],
  },
};

/** Expected answers on organization ORG, one row per action, one column per role. */
const MATRIX: Record<
  Exclude<
    Action,
    | `draft.${string}`
    | `thread.${string}`
    | `comment.${string}`
    | `round.${string}`
    | `collegium.${string}`
    | `review.${string}`
    | `meeting.${string}`
    | `moderation.${string}`
    | `follow.${string}`
  >,
  Record<keyof typeof ROLES, boolean>
> = {
  "organization.list": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: true,
    ministryStaff: true,
    outsider: true,
  },
  "organization.view": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: true,
    ministryStaff: true,
    outsider: true,
  },
  // The kind grants powers (a ministry owns drafts): not even the organization's admin changes it.
  "organization.changeKind": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "organization.viewMembers": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: true,
    ministryStaff: true,
    outsider: true,
  },
  "organization.viewMemberEmails": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: true,
    ministryStaff: true,
    outsider: false,
  },
  "organization.create": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "organization.update": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "membership.invite": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "membership.update": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "membership.remove": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: true,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "admin.viewOutbox": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "admin.listUsers": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "admin.readAccessibilityFeedback": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "admin.editParticipationRules": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  // User actions are checked on the orgMember's own account.
  "user.viewProfile": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: true,
    ministryStaff: false,
    outsider: false,
  },
  "user.update": {
    signedOut: false,
    platformAdmin: false,
    orgAdmin: false,
    orgMember: true,
    ministryStaff: false,
    outsider: false,
  },
  "user.deactivate": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
  "user.setPlatformAdmin": {
    signedOut: false,
    platformAdmin: true,
    orgAdmin: false,
    orgMember: false,
    ministryStaff: false,
    outsider: false,
  },
};

/** The matrix runs actions of three kinds in one loop; platform actions ignore the organization. */
const decide = can as (actor: MaybeActor, action: Action, resource: Resource) => boolean;

describe("policy", () => {
  it("has a row in the matrix for every action (draft and comment actions: their own test files)", () => {
    const elsewhere = /^(draft|thread|comment|round|collegium|review|meeting|moderation|follow)\./;
    expect(Object.keys(MATRIX).sort()).toEqual(ALL_ACTIONS.filter((a) => !elsewhere.test(a)).sort());
  });

  for (const action of Object.keys(MATRIX) as (keyof typeof MATRIX)[]) {
    for (const [role, actor] of Object.entries(ROLES)) {
      const expected = MATRIX[action][role as keyof typeof ROLES];
      it(`${role} ${expected ? "may" : "may not"} ${action}`, () => {
        const resource = action.startsWith("user.") ? { type: "user" as const, id: member("MEMBER").id } : org;
        expect(decide(actor, action, resource)).toBe(expected);
      });
    }
  }

  it("an organization admin has no power over another organization", () => {
    const admin = member("ADMIN");
    expect(can(admin, "membership.invite", { type: "organization", id: OTHER_ORG })).toBe(false);
    expect(can(admin, "organization.update", { type: "organization", id: OTHER_ORG })).toBe(false);
  });

  it("a platform admin cannot deactivate their own account", () => {
    const admin = ROLES.platformAdmin as Actor;
    expect(can(admin, "user.deactivate", { type: "user", id: admin.id })).toBe(false);
    expect(can(admin, "user.setPlatformAdmin", { type: "user", id: admin.id })).toBe(false);
  });
});
