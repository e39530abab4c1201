import { describe, expect, it } from "vitest";
import { documentIdOf } from "~/editor/document-id";
import { plainTextOf } from "~/editor/document-json";
import { outlineOf } from "~/editor/outline";
import { loadDocument } from "~/models/documents/document-log.server";
import { readDocumentJSON } from "~/models/documents/unreadable-document.server";
import { loadActor } from "~/models/accounts/actors.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { getDraft, shareDraft } from "~/models/drafts/drafts.server";
import { authenticTexts, setAuthenticity } from "~/models/texts/authenticity.server";
import { can } from "~/policies";
import { addLanguageText, languageTextRefusal, listLanguageTexts } from "~/models/texts/language-texts.server";
import { confirmAlignment, parallelArticles } from "~/models/texts/alignment.server";
import { appendUpdate } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { RuleError } from "~/utils/rule-error";
import * as Y from "yjs";
import { clearRateLimits, RATE_LIMITS, RateLimitedError } from "~/utils/rate-limit.server";
import { zugdidiAgreement } from "../helpers/agreements";
import { addMember, createOrganization, createUser } from "../helpers/factories";

/** Zugdidi's Georgian agreement, and who acts on it. */
async function agreement() {
  const { staff, draft } = await zugdidiAgreement();
  return { staff, draft, who: { actorId: staff.id, clientAddress: "203.0.113.10", draftId: draft.id } };
}

async function textOf(documentId: string) {
  const { doc } = await loadDocument(documentId);
  try {
    return readDocumentJSON(documentId, doc, "version");
  } finally {
    doc.destroy();
  }
}

describe("texts in other languages", () => {
  it("start as the main text's structure with the same article ids, copied or empty", async () => {
    const { draft, who } = await agreement();
    const main = await textOf(draft.id);
    const english = await addLanguageText({ ...who, language: "en", mode: "copy" });
    const russian = await addLanguageText({ ...who, language: "ru", mode: "empty" });
    expect(english.title).toBe("Zugdidi cooperation agreement");
    expect(russian.title).toBe("ზუგდიდის თანამშრომლობის შეთანხმება");

    const ids = (doc: Parameters<typeof outlineOf>[0]) => outlineOf(doc).map((entry) => [entry.type, entry.id]);
    const copied = await textOf(documentIdOf(draft.id, english.id));
    const emptied = await textOf(documentIdOf(draft.id, russian.id));
    expect(ids(main).length).toBeGreaterThan(1);
    expect(ids(copied)).toEqual(ids(main));
    expect(ids(emptied)).toEqual(ids(main));
    expect(plainTextOf(copied)).toBe(plainTextOf(main));
    expect(plainTextOf(emptied).trim()).toBe("");
    expect((await listLanguageTexts(draft.id)).map((t) => t.textLanguage)).toEqual(["en", "ru"]);
    const audit = await db().auditEvent.count({ where: { action: "draft.addLanguageText", objectId: draft.id } });
    expect(audit).toBe(2);
  });

  it("refuse the main text's language and a language the draft already has", async () => {
    const { draft, who } = await agreement();
    expect(await languageTextRefusal(draft.id, "ka")).toBe("texts.errors.sameLanguage");
    expect(await languageTextRefusal(draft.id, "en")).toBeNull();
    await addLanguageText({ ...who, language: "en", mode: "empty" });
    expect(await languageTextRefusal(draft.id, "en")).toBe("texts.errors.languageTaken");
  });

  it("count against their own budget", async () => {
    await clearRateLimits();
    const { who } = await agreement();
    const limit = RATE_LIMITS.draftText.account.max;
    for (let i = 0; i < limit; i++) await addLanguageText({ ...who, language: "en", mode: "empty" });
    await expect(addLanguageText({ ...who, language: "ru", mode: "empty" })).rejects.toBeInstanceOf(RateLimitedError);
    await clearRateLimits();
  });

  it("flag an article outdated when one side changes after confirmation, with that side's diff, until confirmed again", async () => {
    const { draft, staff, who } = await agreement();
    const english = await addLanguageText({ ...who, language: "en", mode: "copy" });
    const documentId = documentIdOf(draft.id, english.id);
    const [first] = await parallelArticles(draft.id, english.id);
    expect(first!.state).toBe("unconfirmed");
    await confirmAlignment({ actorId: staff.id, draftId: draft.id, textId: english.id, articleId: first!.id });
    expect((await parallelArticles(draft.id, english.id))[0]!.state).toBe("aligned");

    // A translator writes in the first article of the English text (an update in its log).
    const { doc } = await loadDocument(documentId);
    const before = Y.encodeStateVector(doc);
    let articleElement: Y.XmlElement | null = null;
    for (const node of doc.getXmlFragment("default").toArray()) {
      if (node instanceof Y.XmlElement && node.getAttribute("id") === first!.id) articleElement = node;
    }
    const body = articleElement!.toArray().at(-1) as Y.XmlElement;
    body.insert(body.length, [new Y.XmlText(" The Parties shall cooperate.")]);
    await appendUpdate(documentId, Y.encodeStateAsUpdate(doc, before));
    doc.destroy();

    const [outdated] = await parallelArticles(draft.id, english.id);
    expect(outdated!.state).toBe("outdated");
    expect(outdated!.mainChanges).toBeNull();
    expect(
      outdated!
        .otherChanges!.filter((p) => p.kind === "inserted")
        .map((p) => p.text)
        .join(""),
    ).toContain("cooperate");
    expect(outdated!.confirmed?.by).toBe("ნინო");
    await confirmAlignment({ actorId: staff.id, draftId: draft.id, textId: english.id, articleId: first!.id });
    expect((await parallelArticles(draft.id, english.id))[0]!.state).toBe("aligned");

    await expect(
      confirmAlignment({ actorId: staff.id, draftId: draft.id, textId: english.id, articleId: "no-such-article" }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});

describe("which texts are authentic", () => {
  const authorities = async (draftId: string) =>
    (await authenticTexts(draftId)).map((text) => [text.language, text.authority]);

  it("are all equally authentic until an editor names one authoritative, each change audited", async () => {
    const { draft, staff, who } = await agreement();
    const english = await addLanguageText({ ...who, language: "en", mode: "copy" });
    expect(await authorities(draft.id)).toEqual([
      ["ka", "equal"],
      ["en", "equal"],
    ]);
    await setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: draft.id });
    expect(await authorities(draft.id)).toEqual([
      ["ka", "authoritative"],
      ["en", "translation"],
    ]);
    const englishId = documentIdOf(draft.id, english.id);
    await setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: englishId });
    expect(await authorities(draft.id)).toEqual([
      ["ka", "translation"],
      ["en", "authoritative"],
    ]);
    await setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: null });
    expect(await authorities(draft.id)).toEqual([
      ["ka", "equal"],
      ["en", "equal"],
    ]);
    const rows = await db().auditEvent.findMany({
      where: { action: "draft.authenticity", objectId: draft.id },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((row) => [row.actorId, row.details])).toEqual([
      [staff.id, { from: null, to: draft.id }],
      [staff.id, { from: draft.id, to: englishId }],
      [staff.id, { from: englishId, to: null }],
    ]);
  });

  it("name only a text of this draft, and need a second text", async () => {
    const { draft, staff, who } = await agreement();
    await expect(
      setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: draft.id }),
    ).rejects.toMatchObject({ key: "texts.errors.singleText" });
    await addLanguageText({ ...who, language: "en", mode: "copy" });
    const other = await agreement();
    const foreign = await addLanguageText({ ...other.who, language: "en", mode: "copy" });
    for (const wrong of [
      other.draft.id,
      documentIdOf(other.draft.id, foreign.id),
      documentIdOf(draft.id, foreign.id),
    ]) {
      await expect(
        setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: wrong }),
      ).rejects.toMatchObject({ key: "texts.errors.unknownText" });
    }
    expect(await db().auditEvent.count({ where: { action: "draft.authenticity", objectId: draft.id } })).toBe(0);
  });

  it("are decided by whoever may edit the text, and by nobody once the agreement is signed", async () => {
    const { draft, staff, who } = await agreement();
    await addLanguageText({ ...who, language: "en", mode: "copy" });
    const partner = await createOrganization("MUNICIPALITY", "Partner municipality");
    const reader = await createUser({ name: "Partner reader" });
    await addMember(reader.id, partner.id, "MEMBER");
    await shareDraft(staff.id, draft.id, { organizationId: partner.id }, "COMMENT");
    const resource = async () => draftResourceOf((await getDraft(draft.id))!);
    const actorOf = async (id: string) => loadActor(await db().user.findUniqueOrThrow({ where: { id } }));
    expect(can(await actorOf(staff.id), "draft.changeTextLanguage", await resource())).toBe(true);
    expect(can(await actorOf(reader.id), "draft.changeTextLanguage", await resource())).toBe(false);

    // Signed (as recording the signature would make it): the record is the signed one.
    await db().draft.update({ where: { id: draft.id }, data: { status: "SIGNED" } });
    expect(can(await actorOf(staff.id), "draft.changeTextLanguage", await resource())).toBe(false);
    await expect(
      setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: draft.id }),
    ).rejects.toMatchObject({ key: "texts.errors.authenticityFrozen" });
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).authoritativeDocumentId).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "draft.authenticity", objectId: draft.id } })).toBe(0);
  });
});
