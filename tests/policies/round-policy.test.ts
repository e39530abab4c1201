import { describe, expect, it } from "vitest";
import { ALL_ACTIONS, can, type Actor, type DraftResource, type MaybeActor, type RoundResource } from "~/policies";

const MINISTRY = "org-mta";
const INVITED_NGO = "org-ucfo";

const actor = (id: string, orgs: [string, "NGO" | "MINISTRY" | "MUNICIPALITY"][], isPlatformAdmin = false): Actor => ({
  id,
  isPlatformAdmin,
  isVerified: true,
  memberships: orgs.map(([organizationId, organizationKind]) => ({ organizationId, organizationKind, role: "MEMBER" })),
});

const ROLES: Record<string, MaybeActor> = {
  signedOut: null,
  platformAdmin: actor("admin", [], true),
  ministryStaff: actor("staff", [[MINISTRY, "MINISTRY"]]),
  invitedExpert: actor("expert", [[INVITED_NGO, "NGO"]]),
  otherNgo: actor("other", [["org-aca", "NGO"]]),
  otherMinistry: actor("elsewhere", [["org-other-ministry", "MINISTRY"]]),
};

const round = (audience: RoundResource["audience"], status: RoundResource["status"]): RoundResource => ({
  type: "round",
  audience,
  status,
  invitedOrganizationIds: audience === "INVITED" ? [INVITED_NGO] : [],
  draft: { type: "draft", id: "d1", ownerOrganizationId: MINISTRY, status: "IN_CONSULTATION", grants: [] },
});

type Row = [audience: RoundResource["audience"], status: RoundResource["status"], allowed: string[]];

/** Who may do what, per audience and state; every role not listed is refused. */
const EXPECTED: Record<Exclude<(typeof ALL_ACTIONS)[number] & `round.${string}`, "round.create">, Row[]> = {
  "round.view": [
    ["PUBLIC", "SCHEDULED", ["platformAdmin", "ministryStaff"]],
    ["PUBLIC", "OPEN", Object.keys(ROLES)],
    ["PUBLIC", "ANSWERED", Object.keys(ROLES)],
    ["INVITED", "SCHEDULED", ["platformAdmin", "ministryStaff"]],
    ["INVITED", "OPEN", ["platformAdmin", "ministryStaff", "invitedExpert"]],
    ["INVITED", "ANSWERED", ["platformAdmin", "ministryStaff", "invitedExpert"]],
  ],
  "round.submit": [
    ["PUBLIC", "SCHEDULED", []],
    ["PUBLIC", "OPEN", ["platformAdmin", "ministryStaff", "invitedExpert", "otherNgo", "otherMinistry"]],
    ["PUBLIC", "CLOSED", []],
    ["INVITED", "OPEN", ["invitedExpert"]],
    ["INVITED", "CLOSED", []],
  ],
  "round.viewAllProposals": [
    ["PUBLIC", "OPEN", ["platformAdmin", "ministryStaff"]],
    ["INVITED", "CLOSED", ["platformAdmin", "ministryStaff"]],
  ],
  "round.answer": [
    ["PUBLIC", "OPEN", []],
    ["PUBLIC", "CLOSED", ["platformAdmin", "ministryStaff"]],
    ["PUBLIC", "ANSWERED", []],
  ],
  "round.publishSummary": [
    ["PUBLIC", "OPEN", []],
    ["INVITED", "CLOSED", ["platformAdmin", "ministryStaff"]],
    ["INVITED", "ANSWERED", []],
  ],
  "round.viewSummary": [
    ["PUBLIC", "CLOSED", ["platformAdmin", "ministryStaff"]],
    ["PUBLIC", "ANSWERED", Object.keys(ROLES)],
    ["INVITED", "ANSWERED", ["platformAdmin", "ministryStaff", "invitedExpert"]],
  ],
};

describe("round policy", () => {
  for (const [action, rows] of Object.entries(EXPECTED)) {
    for (const [audience, status, allowed] of rows) {
      it(`${action} on a ${audience} round that is ${status}`, () => {
        const granted = Object.entries(ROLES)
          .filter(([, who]) => can(who, action as (typeof ALL_ACTIONS)[number], round(audience, status)))
          .map(([name]) => name);
        expect(granted.sort()).toEqual([...allowed].sort());
      });
    }
  }

  it("lets only the owner's staff start a round, and not on an adopted or withdrawn draft", () => {
    const draft = (status: DraftResource["status"]): DraftResource => ({
      type: "draft",
      id: "d1",
      ownerOrganizationId: MINISTRY,
      status,
      grants: [],
    });
    const allowed = (status: "DRAFTING" | "ADOPTED" | "WITHDRAWN" | "REVISION") =>
      Object.entries(ROLES)
        .filter(([, who]) => can(who, "round.create", draft(status)))
        .map(([name]) => name)
        .sort();
    expect(allowed("DRAFTING")).toEqual(["ministryStaff", "platformAdmin"]);
    expect(allowed("REVISION")).toEqual(["ministryStaff", "platformAdmin"]);
    expect(allowed("ADOPTED")).toEqual([]);
    expect(allowed("WITHDRAWN")).toEqual([]);
  });

  it("covers every round action", () => {
    const roundActions = ALL_ACTIONS.filter((a) => a.startsWith("round.") && a !== "round.create");
    expect(Object.keys(EXPECTED).sort()).toEqual([...roundActions].sort());
  });
});
