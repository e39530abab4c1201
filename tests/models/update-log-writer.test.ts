import { describe, expect, it } from "vitest";
import { appendUpdate } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { createDraftSetup } from "../helpers/factories";

/** Distinct bytes per append, so each returned id can be checked against its own row. */
const payload = (draft: number, n: number) => Uint8Array.from([draft, n, 7, 7]);

describe("update log group commit", () => {
  it("gives every concurrent append of many drafts its own row id, ascending per draft", async () => {
    const drafts = await Promise.all(Array.from({ length: 12 }, () => createDraftSetup().then((s) => s.draft.id)));
    // Three appends per draft in one turn: they are written together in one INSERT.
    const calls = drafts.flatMap((draftId, d) =>
      [0, 1, 2].map((n) => ({ draftId, bytes: payload(d, n), id: appendUpdate(draftId, payload(d, n)) })),
    );
    const ids = await Promise.all(calls.map((call) => call.id));
    expect(new Set(ids).size).toBe(calls.length);
    const rows = await db().documentUpdate.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    calls.forEach((call, index) => {
      const row = byId.get(ids[index]!)!;
      expect(row.draftId).toBe(call.draftId);
      expect([...row.update]).toEqual([...call.bytes]);
    });
    for (let d = 0; d < drafts.length; d++) {
      const own = ids.slice(d * 3, d * 3 + 3);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it("fails only the bad append of a shared write (a draft deleted while open)", async () => {
    const { draft } = await createDraftSetup();
    // An unknown draft breaks the foreign key and fails the shared INSERT; the others are
    // then written one by one and must not be lost with it.
    const results = await Promise.allSettled([
      appendUpdate(draft.id, payload(1, 1)),
      appendUpdate("no-such-draft", payload(1, 2)),
      appendUpdate(draft.id, payload(1, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const rows = await db().documentUpdate.findMany({ where: { draftId: draft.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [...row.update])).toEqual([[...payload(1, 1)], [...payload(1, 3)]]);
  });
});
