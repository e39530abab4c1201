import { describe, expect, it } from "vitest";
import { listSuggestions, resolveSuggestion } from "~/editor/suggestions";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../../prisma/seed/demo";
import { fragmentText } from "../helpers/collab";

describe("demo data", () => {
  it("holds two pending suggestions by the NGO expert beside the amendments' text", async () => {
    await seedDemoData(db());
    const lilit = await db().user.findUniqueOrThrow({ where: { email: "lilit@ucfo.example" } });
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const { doc } = await loadDocument(draft.id);
    const suggestions = listSuggestions(doc);
    expect(suggestions.map((s) => [s.authorId, s.articleId, s.text])).toEqual(
      expect.arrayContaining([
        [lilit.id, "lsg-a1", "յուրաքանչյուր ամիս"],
        [lilit.id, "lsg-a2", "առնվազն 30 օր"],
      ]),
    );
    for (const suggestion of suggestions) expect(resolveSuggestion(doc, suggestion).place).not.toBeNull();
    expect(fragmentText(doc)).not.toContain("30 օր");
  }, 120_000);
});
