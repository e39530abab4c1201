import { describe, expect, it } from "vitest";
import { can, commentRules, type Actor, type DraftResource, type ThreadResource } from "~/policies";

const actor = (id: string, organizationId?: string): Actor => ({
  id,
  isPlatformAdmin: false,
  isVerified: true,
  memberships: organizationId ? [{ organizationId, organizationKind: "MINISTRY", role: "MEMBER" }] : [],
});

const staff = actor("staff", "mta");
const otherStaff = actor("staff-2", "mta");
const partner = actor("partner", "ucfo");
const commenter = actor("reader", "aca");
const outsider = actor("outsider", "zugdidi");

const draft: DraftResource = {
  type: "draft",
  id: "d",
  ownerOrganizationId: "mta",
  status: "DRAFTING",
  grants: [
    { organizationId: "ucfo", userId: null, level: "EDIT" },
    { organizationId: "aca", userId: null, level: "COMMENT" },
  ],
};
const thread = (authorId: string, visibility: ThreadResource["visibility"]): ThreadResource => ({
  type: "thread",
  draft,
  authorId,
  visibility,
});

describe("comment policy", () => {
  it("shows internal threads to the owning organization only", () => {
    const internal = thread("staff", "INTERNAL");
    expect(commentRules.viewThread(staff, internal)).toBe(true);
    expect(commentRules.viewThread(otherStaff, internal)).toBe(true);
    for (const who of [partner, commenter, outsider, null]) expect(commentRules.viewThread(who, internal)).toBe(false);
  });

  it("shows working-group threads to everyone with access to the draft, and no one else", () => {
    const shared = thread("partner", "WORKING_GROUP");
    for (const who of [staff, partner, commenter]) expect(can(who, "thread.view", shared)).toBe(true);
    for (const who of [outsider, null]) expect(can(who, "thread.view", shared)).toBe(false);
  });

  it("lets only the owner's staff start internal threads; any participant a working-group one", () => {
    expect(commentRules.startThread(staff, draft, "INTERNAL")).toBe(true);
    expect(commentRules.startThread(partner, draft, "INTERNAL")).toBe(false);
    expect(commentRules.startThread(commenter, draft, "WORKING_GROUP")).toBe(true);
    expect(commentRules.startThread(outsider, draft, "WORKING_GROUP")).toBe(false);
  });

  it("lets the owner's staff or the thread's author resolve", () => {
    const partnersThread = thread("partner", "WORKING_GROUP");
    expect(can(staff, "thread.resolve", partnersThread)).toBe(true);
    expect(can(partner, "thread.resolve", partnersThread)).toBe(true);
    expect(can(commenter, "thread.resolve", partnersThread)).toBe(false);
  });

  it("lets people change only their own comments", () => {
    const shared = thread("partner", "WORKING_GROUP");
    expect(can(partner, "comment.change", { type: "comment", thread: shared, authorId: "partner" })).toBe(true);
    expect(can(staff, "comment.change", { type: "comment", thread: shared, authorId: "partner" })).toBe(false);
    // Losing access to the draft ends the right to change one's old comments too.
    expect(can(outsider, "comment.change", { type: "comment", thread: shared, authorId: "outsider" })).toBe(false);
  });

  it("lets a citizen a draft is shared with read threads, but write only once their e-mail is verified", () => {
    const shared: DraftResource = { ...draft, grants: [{ organizationId: null, userId: "citizen", level: "COMMENT" }] };
    const unverified: Actor = { id: "citizen", isPlatformAdmin: false, isVerified: false, memberships: [] };
    const open = { ...thread("staff", "WORKING_GROUP"), draft: shared };
    expect(commentRules.viewThread(unverified, open)).toBe(true);
    expect(commentRules.startThread(unverified, shared, "WORKING_GROUP")).toBe(false);
    expect(can(unverified, "thread.reply", open)).toBe(false);
    const verified = { ...unverified, isVerified: true };
    expect(commentRules.startThread(verified, shared, "WORKING_GROUP")).toBe(true);
    expect(can(verified, "thread.reply", open)).toBe(true);
  });
});
