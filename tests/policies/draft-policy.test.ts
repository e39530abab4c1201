import { describe, expect, it } from "vitest";
import { can, canTransition, documentAccess, type Actor, type DraftResource, type MaybeActor } from "~/policies";

const MINISTRY = "org-mta";
const EDITOR_ORG = "org-ucfo";
const COMMENTER_ORG = "org-aca";

const actor = (id: string, orgs: [string, "NGO" | "MINISTRY" | "MUNICIPALITY"][], isPlatformAdmin = false): Actor => ({
  id,
  isPlatformAdmin,
  isVerified: true,
  memberships: orgs.map(([organizationId, organizationKind]) => ({ organizationId, organizationKind, role: "MEMBER" })),
});

export const DRAFT_ROLES: Record<string, MaybeActor> = {
  signedOut: null,
  platformAdmin: actor("admin", [], true),
  ministryStaff: actor("staff", [[MINISTRY, "MINISTRY"]]),
  partnerEditor: actor("editor", [[EDITOR_ORG, "NGO"]]),
  partnerCommenter: actor("commenter", [[COMMENTER_ORG, "NGO"]]),
  invitedPerson: actor("invited", []),
  otherMunicipality: actor("outsider", [["org-zugdidi", "MUNICIPALITY"]]),
};

const draft = (status: DraftResource["status"] = "DRAFTING"): DraftResource => ({
  type: "draft",
  id: "d1",
  ownerOrganizationId: MINISTRY,
  status,
  grants: [
    { organizationId: EDITOR_ORG, userId: null, level: "EDIT" },
    { organizationId: COMMENTER_ORG, userId: null, level: "COMMENT" },
    { organizationId: null, userId: "invited", level: "COMMENT" },
  ],
});

/** An administrator of the owning ministry. */
const ownerAdmin = (): Actor => ({
  id: "minister",
  isPlatformAdmin: false,
  isVerified: true,
  memberships: [{ organizationId: MINISTRY, organizationKind: "MINISTRY", role: "ADMIN" }],
});

const EXPECTED_ACCESS: Record<string, ReturnType<typeof documentAccess>> = {
  signedOut: null,
  platformAdmin: "edit",
  ministryStaff: "edit",
  partnerEditor: "edit",
  partnerCommenter: "comment",
  invitedPerson: "comment",
  otherMunicipality: null,
};

describe("draft policy", () => {
  for (const [role, who] of Object.entries(DRAFT_ROLES)) {
    it(`${role} gets ${EXPECTED_ACCESS[role] ?? "no"} access to the live text`, () => {
      expect(documentAccess(who, draft())).toBe(EXPECTED_ACCESS[role]);
      expect(can(who, "draft.view", draft())).toBe(EXPECTED_ACCESS[role] !== null);
      expect(can(who, "draft.edit", draft())).toBe(EXPECTED_ACCESS[role] === "edit");
      expect(can(who, "draft.comment", draft())).toBe(EXPECTED_ACCESS[role] !== null);
    });
  }

  it("makes everyone read-only while the draft is in consultation or decided", () => {
    for (const status of ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "ADOPTED", "SIGNED", "WITHDRAWN"] as const) {
      expect(documentAccess(DRAFT_ROLES.ministryStaff!, draft(status))).toBe("comment");
      expect(documentAccess(DRAFT_ROLES.partnerEditor!, draft(status))).toBe("comment");
      expect(documentAccess(DRAFT_ROLES.otherMunicipality!, draft(status))).toBeNull();
    }
    expect(documentAccess(DRAFT_ROLES.partnerEditor!, draft("REVISION"))).toBe("edit");
  });

  it("lets only the owner's staff share, change details and freeze versions", () => {
    for (const action of ["draft.share", "draft.updateDetails", "draft.createVersion"] as const) {
      expect(can(DRAFT_ROLES.ministryStaff!, action, draft())).toBe(true);
      expect(can(DRAFT_ROLES.platformAdmin!, action, draft())).toBe(true);
      expect(can(DRAFT_ROLES.partnerEditor!, action, draft())).toBe(false);
      expect(can(DRAFT_ROLES.partnerCommenter!, action, draft())).toBe(false);
      expect(can(null, action, draft())).toBe(false);
    }
  });

  it("lets ministry and municipality staff create drafts, not NGOs", () => {
    expect(can(DRAFT_ROLES.ministryStaff!, "draft.create")).toBe(true);
    expect(can(DRAFT_ROLES.otherMunicipality!, "draft.create")).toBe(true);
    expect(can(DRAFT_ROLES.partnerEditor!, "draft.create")).toBe(false);
    expect(can(null, "draft.create")).toBe(false);
  });

  it("lets only the owner's administrators change status by hand or record a signature", () => {
    const admin = ownerAdmin();
    for (const action of ["draft.changeStatus", "draft.recordSignature"] as const) {
      expect(can(admin, action, draft())).toBe(true);
      expect(can(DRAFT_ROLES.platformAdmin!, action, draft())).toBe(true);
      expect(can(DRAFT_ROLES.ministryStaff!, action, draft())).toBe(false);
      expect(can(DRAFT_ROLES.partnerEditor!, action, draft())).toBe(false);
      expect(can(null, action, draft())).toBe(false);
    }
    // Nothing is left to do by hand, or to sign, under review and once final.
    for (const status of ["COLLEGIUM_REVIEW", "ADOPTED", "SIGNED", "WITHDRAWN"] as const) {
      expect(can(admin, "draft.changeStatus", draft(status))).toBe(false);
      expect(can(admin, "draft.recordSignature", draft(status))).toBe(false);
    }
    expect(can(admin, "draft.recordSignature", draft("IN_CONSULTATION"))).toBe(false);
  });

  it("makes by hand only the withdrawal; statuses that follow events are never set by hand", () => {
    const admin = ownerAdmin();
    for (const status of ["DRAFTING", "IN_CONSULTATION", "REVISION"] as const) {
      expect(canTransition(admin, draft(status), "WITHDRAWN")).toBe(true);
      expect(canTransition(DRAFT_ROLES.ministryStaff!, draft(status), "WITHDRAWN")).toBe(false);
    }
    for (const [from, to] of [
      ["DRAFTING", "IN_CONSULTATION"],
      ["DRAFTING", "COLLEGIUM_REVIEW"],
      ["DRAFTING", "SIGNED"],
      ["IN_CONSULTATION", "REVISION"],
      ["REVISION", "COLLEGIUM_REVIEW"],
      ["COLLEGIUM_REVIEW", "ADOPTED"],
      ["COLLEGIUM_REVIEW", "REVISION"],
      ["COLLEGIUM_REVIEW", "WITHDRAWN"],
      ["ADOPTED", "DRAFTING"],
      ["WITHDRAWN", "REVISION"],
    ] as const) {
      expect(canTransition(admin, draft(from), to), `${from} → ${to}`).toBe(false);
      expect(canTransition(DRAFT_ROLES.platformAdmin!, draft(from), to), `${from} → ${to}`).toBe(false);
    }
  });

  it("a grant to a user reaches only that user", () => {
    const other = actor("someone-else", []);
    expect(documentAccess(other, draft())).toBeNull();
  });

  it("edit beats comment when two grants reach the same person", () => {
    const both = actor("both", [
      [COMMENTER_ORG, "NGO"],
      [EDITOR_ORG, "NGO"],
    ]);
    expect(documentAccess(both, draft())).toBe("edit");
  });
});

describe("the suggest level", () => {
  const SUGGEST_ORG = "org-ucfo-experts";
  const expert = actor("expert", [[SUGGEST_ORG, "NGO"]]);
  const shared = (status: DraftResource["status"], extra: DraftResource["grants"] = []): DraftResource => ({
    ...draft(status),
    grants: [{ organizationId: SUGGEST_ORG, userId: null, level: "SUGGEST" }, ...extra],
  });

  it("lets a suggester suggest and comment while the text is worked on, never edit or decide", () => {
    expect(documentAccess(expert, shared("DRAFTING"))).toBe("suggest");
    expect(can(expert, "draft.suggest", shared("DRAFTING"))).toBe(true);
    expect(can(expert, "draft.comment", shared("DRAFTING"))).toBe(true);
    expect(can(expert, "draft.edit", shared("DRAFTING"))).toBe(false);
    expect(can(expert, "draft.decideSuggestion", shared("DRAFTING"))).toBe(false);
  });

  it("makes a suggester a reader while the text is under consultation or review", () => {
    for (const status of ["IN_CONSULTATION", "COLLEGIUM_REVIEW", "ADOPTED"] as const) {
      expect(documentAccess(expert, shared(status))).toBe("comment");
      expect(can(expert, "draft.suggest", shared(status))).toBe(false);
    }
  });

  it("lets editors switch to suggesting and decide; the strongest grant that reaches a person counts", () => {
    const staff = actor("staff", [[MINISTRY, "MINISTRY"]]);
    expect(can(staff, "draft.suggest", draft())).toBe(true);
    expect(can(staff, "draft.decideSuggestion", draft())).toBe(true);
    expect(can(actor("commenter", [[COMMENTER_ORG, "NGO"]]), "draft.suggest", draft())).toBe(false);
    const byName = { organizationId: null, userId: "expert", level: "COMMENT" } as const;
    expect(documentAccess(expert, shared("DRAFTING", [byName]))).toBe("suggest");
    const asEditor = { organizationId: null, userId: "expert", level: "EDIT" } as const;
    expect(documentAccess(expert, shared("DRAFTING", [asEditor]))).toBe("edit");
  });
});
