import { describe, expect, it } from "vitest";
import { can, DRAFT_TRANSITIONS, type Actor, type DraftStatus, type ReviewResource } from "~/policies";

const MINISTRY = "org-mta";

const actor = (id: string, orgs: string[] = []): Actor => ({
  id,
  isPlatformAdmin: false,
  isVerified: true,
  memberships: orgs.map((organizationId) => ({ organizationId, organizationKind: "MINISTRY", role: "MEMBER" })),
});

const review = (overrides: Partial<ReviewResource> = {}): ReviewResource => ({
  type: "review",
  status: "OPEN",
  collegium: { type: "collegium", organizationId: MINISTRY },
  draft: { type: "draft", id: "d1", ownerOrganizationId: MINISTRY, status: "COLLEGIUM_REVIEW", grants: [] },
  reviewerUserIds: ["secretary", "chair", "member"],
  secretaryUserIds: ["secretary"],
  chairUserIds: ["chair"],
  everyoneDecided: false,
  dueReached: false,
  ...overrides,
});

const secretary = actor("secretary");
const chair = actor("chair");
const member = actor("member");

describe("closing a review", () => {
  it("is the secretary's, at the due date or once everyone has decided, never before", () => {
    expect(can(secretary, "review.close", review())).toBe(false);
    expect(can(secretary, "review.close", review({ everyoneDecided: true }))).toBe(true);
    expect(can(secretary, "review.close", review({ dueReached: true }))).toBe(true);
    expect(can(chair, "review.close", review({ everyoneDecided: true }))).toBe(false);
    expect(can(member, "review.close", review({ dueReached: true }))).toBe(false);
    expect(can(secretary, "review.close", review({ status: "CLOSED", dueReached: true }))).toBe(false);
  });

  it("shows the tally so far to the secretary and the chair; to members only once closed", () => {
    expect(can(secretary, "review.viewTally", review())).toBe(true);
    expect(can(chair, "review.viewTally", review())).toBe(true);
    expect(can(member, "review.viewTally", review())).toBe(false);
    expect(can(member, "review.viewTally", review({ status: "CLOSED" }))).toBe(true);
    expect(can(actor("stranger"), "review.viewTally", review({ status: "CLOSED" }))).toBe(false);
  });
});

describe("sending to the collegium", () => {
  it("is offered exactly in the statuses the workflow lets move to collegium review", () => {
    const staff = actor("staff", [MINISTRY]);
    const statuses = Object.keys(DRAFT_TRANSITIONS) as DraftStatus[];
    const allowed = statuses.filter((status) =>
      can(staff, "review.send", {
        type: "reviewSending",
        draft: { type: "draft", id: "d1", ownerOrganizationId: MINISTRY, status, grants: [] },
        collegium: { type: "collegium", organizationId: MINISTRY },
      }),
    );
    expect(allowed.sort()).toEqual(["DRAFTING", "REVISION"]);
  });
});
