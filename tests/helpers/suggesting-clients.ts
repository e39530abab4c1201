import { expect } from "vitest";
import { shareDraft } from "~/models/drafts/drafts.server";
import { fragmentText, sessionCookieFor, typeParagraph, waitForSync } from "./collab";
import type { collabServerForFile } from "./collab-test-server";
import { addMember, createDraftSetup, createOrganization, createUser } from "./factories";

/**
 * A ministry editor and two NGO experts with the suggest level, all connected and synced to a
 * draft whose text is exactly `paragraphs`, typed by the editor.
 */
export async function editorAndTwoSuggesters(
  { server, connect }: ReturnType<typeof collabServerForFile>,
  paragraphs: string[],
) {
  const { staff, draft } = await createDraftSetup();
  const ngo = await createOrganization("NGO", "Union of Community Finance Officers");
  const lilit = await createUser({ name: "Լիլիթ" });
  const aram = await createUser({ name: "Արամ" });
  await addMember(lilit.id, ngo.id);
  await addMember(aram.id, ngo.id);
  await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "SUGGEST");
  const editor = connect(server, draft.id, await sessionCookieFor(staff.id));
  const first = connect(server, draft.id, await sessionCookieFor(lilit.id));
  const second = connect(server, draft.id, await sessionCookieFor(aram.id));
  await Promise.all([waitForSync(editor), waitForSync(first), waitForSync(second)]);
  const fragment = editor.doc.getXmlFragment("default");
  editor.doc.transact(() => fragment.delete(0, fragment.length));
  for (const paragraph of paragraphs) typeParagraph(editor, paragraph);
  const text = paragraphs.join("\n");
  await expect.poll(() => [fragmentText(first.doc), fragmentText(second.doc)]).toEqual([text, text]);
  return { draft, staff, editor, first, second, lilit, aram };
}
