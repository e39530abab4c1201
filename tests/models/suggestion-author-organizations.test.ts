import { describe, expect, it } from "vitest";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { getDraft, shareDraft } from "~/models/drafts/drafts.server";
import { authorOrganizations } from "~/models/suggestions/author-organizations.server";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

describe("the organization behind each suggestion author", () => {
  it("comes from the author's membership among the organizations the draft belongs to or is shared with", async () => {
    const { staff, ministry, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
    const elsewhere = await createOrganization("NGO", "An organization the draft is not shared with");
    const [lilit, both, outsider] = await Promise.all([
      createUser({ name: "Լիլիթ" }),
      createUser({ name: "Both" }),
      createUser({ name: "Outsider" }),
    ]);
    await addMember(lilit.id, ngo.id);
    await addMember(lilit.id, elsewhere.id);
    await addMember(both.id, ngo.id);
    await addMember(both.id, ministry.id);
    await addMember(outsider.id, elsewhere.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "SUGGEST");
    await shareDraft(staff.id, draft.id, { userId: outsider.id }, "SUGGEST");

    const found = await authorOrganizations(draftResourceOf((await getDraft(draft.id))!));
    expect(found.byAuthor[lilit.id]).toBe(ngo.id);
    expect(found.byAuthor[staff.id]).toBe(ministry.id);
    // The owner first: a ministry official who is also in the NGO suggests as the ministry.
    expect(found.byAuthor[both.id]).toBe(ministry.id);
    // Shared with in person: no organization named, and the unshared one never appears.
    expect(found.byAuthor[outsider.id]).toBeUndefined();
    expect(found.organizations.map((o) => o.id).sort()).toEqual([ministry.id, ngo.id].sort());
  });
});
