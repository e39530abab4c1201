import { describe, expect, it } from "vitest";
import { startThread, suggestionThreads } from "~/models/comments/comments.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { getDraft, shareDraft } from "~/models/drafts/drafts.server";
import { NewThreadSchema } from "~/schemas/comment";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";
import { asCurrentUser } from "../helpers/open-round";

describe("a comment thread about a suggestion", () => {
  it("is linked to the suggestion, and the history shows a person only the threads they may see", async () => {
    const { staff, draft } = await createDraftSetup();
    const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
    const lilit = await createUser({ name: "Լիլիթ" });
    await addMember(lilit.id, ngo.id);
    await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "SUGGEST");
    const resource = draftResourceOf((await getDraft(draft.id))!);
    const suggestionId = `${lilit.id}:0a1b2c`;
    const base = { articleId: "lsg-a1", anchorStart: null, anchorEnd: null, quote: "ամիս" };

    const open = await startThread(await asCurrentUser(lilit.id), resource, {
      ...base,
      visibility: "WORKING_GROUP",
      suggestionId,
      body: "Monthly is what the communities asked for.",
    });
    const internal = await startThread(await asCurrentUser(staff.id), resource, {
      ...base,
      visibility: "INTERNAL",
      suggestionId,
      body: "Ask the budget department first.",
    });
    await startThread(await asCurrentUser(staff.id), resource, {
      ...base,
      visibility: "WORKING_GROUP",
      body: "A thread about the article, not the suggestion.",
    });

    const forStaff = await suggestionThreads(await asCurrentUser(staff.id), resource, [suggestionId]);
    expect(forStaff.map((t) => t.id).sort()).toEqual([open.id, internal.id].sort());
    const forPartner = await suggestionThreads(await asCurrentUser(lilit.id), resource, [suggestionId]);
    expect(forPartner).toEqual([{ id: open.id, suggestionId, comments: 1 }]);
  });

  it("refuses a suggestion id that is not a suggestion's key (a message by the field, not a 500)", () => {
    const parsed = NewThreadSchema.safeParse({ articleId: "a", body: "x", suggestionId: "<script>" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("errors.invalidSuggestion");
    expect(NewThreadSchema.parse({ articleId: "a", body: "x", suggestionId: "" }).suggestionId).toBeNull();
  });
});
