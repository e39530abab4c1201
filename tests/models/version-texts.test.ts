import { createHash } from "node:crypto";
import JSZip from "jszip";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { plainTextOf } from "~/editor/document-json";
import { actSourceOf } from "~/exports/act/act-source.server";
import { textsToParallelDocx } from "~/exports/act/parallel-docx.server";
import { textsToAknZip } from "~/exports/act/parallel-akn.server";
import { textSetOf } from "~/exports/act/text-set.server";
import { appendUpdate, loadDocument } from "~/models/documents/document-log.server";
import { readDocumentJSON } from "~/models/documents/unreadable-document.server";
import { versionTexts } from "~/models/documents/version-texts.server";
import { createVersion, getVersion } from "~/models/documents/versions.server";
import { createRound } from "~/models/rounds/rounds.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { summaryToCsv } from "~/exports/summary-csv.server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { RuleError } from "~/utils/rule-error";
import { setAuthenticity } from "~/models/texts/authenticity.server";
import { db } from "~/utils/db.server";
import { bilingualZugdidiAgreement } from "../helpers/agreements";
import { createUser } from "../helpers/factories";
import { asCurrentUser } from "../helpers/open-round";

const bilingualAgreement = () => bilingualZugdidiAgreement("203.0.113.60");

/** A translator writes at the end of the text's first block with text (an update in its log). */
async function writeInto(documentId: string, words: string) {
  const { doc } = await loadDocument(documentId);
  const before = Y.encodeStateVector(doc);
  const findText = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) return child;
      if (child instanceof Y.XmlElement) {
        const found = findText(child);
        if (found) return found;
      }
    }
    return null;
  };
  const text = findText(doc.getXmlFragment("default"))!;
  text.insert(text.length, words);
  await appendUpdate(documentId, Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
}

async function liveText(documentId: string) {
  const { doc } = await loadDocument(documentId);
  try {
    return readDocumentJSON(documentId, doc, "version");
  } finally {
    doc.destroy();
  }
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A public round on the draft, opening tomorrow, created as staff would (it freezes a version). */
function publicRoundOn(staffId: string, draftId: string) {
  return asCurrentUser(staffId).then((staff) =>
    createRound(
      staff,
      draftId,
      {
        title: "საჯარო განხილვა",
        description: "",
        opensAt: new Date(Date.now() + 86_400_000),
        closesAt: new Date(Date.now() + 20 * 86_400_000),
        timeZone: "Asia/Tbilisi",
        audience: "PUBLIC",
        invited: [],
        versionName: "",
      },
      "Text for consultation",
    ),
  );
}

describe("a version freezes every text of a draft", () => {
  it("stores each language text with its SHA-256 and hashes the set of texts", async () => {
    const { staff, draft, english, englishDocument } = await bilingualAgreement();
    await writeInto(englishDocument, " (English)");
    const englishText = plainTextOf(await liveText(englishDocument));
    const version = await createVersion(staff.id, draft.id, "Both texts");

    const rows = await db().versionText.findMany({ where: { versionId: version.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      textId: english.id,
      documentId: englishDocument,
      textLanguage: "en",
      title: "Zugdidi cooperation agreement",
      plainText: englishText,
      sha256: sha256(englishText),
    });
    expect(englishText).toContain("(English)");
    expect(version.textLanguage).toBe("ka");
    // The set hash as docs/exports.md defines it: sorted "<language>:<authority>:<sha256>" lines.
    const lines = [`ka:equal:${version.sha256}`, `en:equal:${sha256(englishText)}`].sort().join("\n");
    expect(version.setSha256).toBe(sha256(lines));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "version.create", objectId: version.id } });
    expect(audit.details).toMatchObject({ setSha256: version.setSha256, texts: [{ language: "en" }] });
  });

  it("gives a different set hash when any one text changes, or which text is authentic", async () => {
    const { staff, draft, englishDocument } = await bilingualAgreement();
    const first = await createVersion(staff.id, draft.id, "One");
    await writeInto(englishDocument, " Changed.");
    const second = await createVersion(staff.id, draft.id, "Two");
    // The main text did not change; the English one did, and so did the set.
    expect(second.sha256).toBe(first.sha256);
    const [firstEnglish, secondEnglish] = await Promise.all(
      [first, second].map((v) => db().versionText.findFirstOrThrow({ where: { versionId: v.id } })),
    );
    expect(secondEnglish!.sha256).not.toBe(firstEnglish!.sha256);
    expect(second.setSha256).not.toBe(first.setSha256);

    // Same words, the Georgian text now authoritative: another set, and the authority frozen.
    await setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: draft.id });
    const third = await createVersion(staff.id, draft.id, "Three");
    expect(third.sha256).toBe(second.sha256);
    expect(third.setSha256).not.toBe(second.setSha256);
    expect(third.authoritativeDocumentId).toBe(draft.id);
    // Changing it back later does not change what the version froze.
    await setAuthenticity({ actorId: staff.id, draftId: draft.id, authoritativeDocumentId: null });
    const frozen = await versionTexts(third.id);
    expect(frozen.texts.map((text) => [text.language, text.authority])).toEqual([
      ["ka", "authoritative"],
      ["en", "translation"],
    ]);
    expect((await versionTexts(second.id)).texts.map((text) => text.authority)).toEqual(["equal", "equal"]);
  });

  it("freezes every text when opening a round", async () => {
    const { staff, draft, english } = await bilingualAgreement();
    const round = await publicRoundOn(staff.id, draft.id);
    const version = await db().draftVersion.findUniqueOrThrow({ where: { id: round.versionId } });
    expect(version.setSha256).toMatch(/^[0-9a-f]{64}$/);
    const texts = await db().versionText.findMany({ where: { versionId: version.id } });
    expect(texts.map((text) => text.textId)).toEqual([english.id]);
  });

  it("lets a proposal name the language text it concerns, and the summary says which", async () => {
    const { staff, draft } = await bilingualAgreement();
    const round = await publicRoundOn(staff.id, draft.id);
    await db().consultationRound.update({
      where: { id: round.id },
      data: { status: "OPEN", opensAt: new Date(Date.now() - 86_400_000) },
    });
    const english = await db().versionText.findFirstOrThrow({ where: { versionId: round.versionId } });
    const articleId = (await versionTexts(round.versionId)).texts[1]!.content.content!.find(
      (node) => node.type === "article",
    )!.attrs!.id as string;
    const citizen = await asCurrentUser((await createUser({ name: "Expert" })).id);
    const proposal = (fields: { versionTextId?: string; proposedText: string }) =>
      submitProposal(citizen, round.id, { articleId, quote: null, justification: "Why", onBehalfOf: "", ...fields });

    const onEnglish = await proposal({ versionTextId: english.id, proposedText: "Better English wording" });
    const onMain = await proposal({ proposedText: "უკეთესი ფორმულირება" });
    expect(onEnglish.versionTextId).toBe(english.id);
    expect(onMain.versionTextId).toBeNull();
    // The receipt by e-mail names the text a proposal concerns, in the author's language; one
    // on the main text names none.
    const t = serverT(isLocale(citizen.locale) ? citizen.locale : DEFAULT_LOCALE);
    const englishText = t("citizens.email.receipt.textLine", { language: t("textLanguages.en") });
    const receiptOf = async (number: number) =>
      (
        await db().outboxEmail.findFirstOrThrow({
          where: { to: citizen.email, subject: t("citizens.email.receipt.subject", { number, title: round.title }) },
        })
      ).body;
    expect(await receiptOf(onEnglish.number)).toContain(englishText);
    expect(await receiptOf(onMain.number)).not.toContain(englishText);
    // A text of another version (or none) is refused next to the text field.
    const refused = await proposal({ versionTextId: "no-such-text", proposedText: "x" }).catch((error) => error);
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).field).toBe("versionTextId");

    const table = await buildSummaryTable(round.id, "en");
    const rows = new Map(table.rows.map((row) => [row.proposal, row.text]));
    expect(rows.get("Better English wording")).toBe("Text in English");
    expect(rows.get("უკეთესი ფორმულირება")).toBeNull();
    const csv = summaryToCsv(table, summaryLabels("en"));
    expect(csv).toMatch(/\(Text in English\)","[^\n]*","Better English wording"/);
  });

  it("exports the texts as frozen, not as they are live afterwards", async () => {
    const { staff, draft, englishDocument } = await bilingualAgreement();
    await writeInto(englishDocument, " Frozen words.");
    const version = (await getVersion(draft.id, (await createVersion(staff.id, draft.id, "Signed")).id))!;
    await writeInto(englishDocument, " Later words.");

    const fields = await db().draft.findUniqueOrThrow({
      where: { id: draft.id },
      include: { ownerOrganization: true },
    });
    const main = actSourceOf({ draft: fields, version, doc: version.content, locale: "en" });
    const members = await textSetOf(main, fields, "en");
    expect(members.map((m) => m.source.language)).toEqual(["ka", "en"]);
    const englishSha = (await db().versionText.findFirstOrThrow({ where: { versionId: version.id } })).sha256;
    expect(members[1]!.source.sha256).toBe(englishSha);

    const docx = await JSZip.loadAsync(await textsToParallelDocx(members));
    const document = await docx.file("word/document.xml")!.async("string");
    expect(document).toContain("Frozen words.");
    expect(document).not.toContain("Later words.");
    const akn = await JSZip.loadAsync(textsToAknZip(members));
    const english = Object.keys(akn.files).find((name) => name.endsWith(".eng.akn.xml"))!;
    const xml = await akn.file(english)!.async("string");
    expect(xml).toContain("Frozen words.");
    expect(xml).not.toContain("Later words.");
    // The live set does have the later words: the export above did not read it.
    const live = await textSetOf({ ...main, version: null }, fields, "en");
    expect(plainTextOf(live[1]!.source.doc)).toContain("Later words.");
  });
});
