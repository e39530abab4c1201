import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { article, chapter, part } from "~/editor/document-json";
import { actToAkn } from "~/exports/act/act-akn.server";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { textsToParallelDocx } from "~/exports/act/parallel-docx.server";
import { actToPdf } from "~/exports/pdf/act-pdf.server";
import { TEXT_LANGUAGES, textLabels, type TextLanguage } from "~/i18n/text-languages";
import { draft } from "./legal-fixture";
import { agreementTexts } from "./parallel-fixture";

/**
 * The stored language of the text decides every label of an export, whatever the reader's
 * interface language (`locale`) and whatever script the letters are in: a Georgian agreement
 * quoting a Russian law is still a Georgian text.
 */
const STRUCTURE: Record<TextLanguage, { chapter: string; article: string; part: string; point: string; tag: string }> =
  {
    hy: { chapter: "Գլուխ", article: "Հոդված", part: "Մաս", point: "Կետ", tag: "hy-AM" },
    ru: { chapter: "Глава", article: "Статья", part: "Часть", point: "Пункт", tag: "ru-RU" },
    ka: { chapter: "თავი", article: "მუხლი", part: "ნაწილი", point: "პუნქტი", tag: "ka-GE" },
    en: { chapter: "Chapter", article: "Article", part: "Part", point: "Point", tag: "en-US" },
  };
const AKN_LANGUAGE: Record<TextLanguage, string> = { hy: "hye", ru: "rus", ka: "kat", en: "eng" };

// The text is written in Cyrillic letters throughout: only the stored language can make it Georgian.
const doc = {
  type: "doc",
  content: [chapter("c1", "Общие положения", article("a1", "Предмет", part("p1", "Настоящий текст.")))],
};

const sourceIn = (textLanguage: TextLanguage) =>
  actSourceOf({ draft: { ...draft, textLanguage }, version: null, doc, locale: "en" });

async function wordParts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml") };
}

const dir = mkdtempSync(path.join(tmpdir(), "akn-language-"));
function validAkn(xml: string, name: string): boolean {
  const file = path.join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  execFileSync("xmllint", ["--noout", "--nonet", "--schema", "app/exports/akoma-ntoso/akomantoso30.xsd", file], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return true;
}

describe("labels follow the language of the text", () => {
  it("has the structural words of each text language in the list", () => {
    for (const { code } of TEXT_LANGUAGES) {
      const labels = textLabels(code);
      const expected = STRUCTURE[code];
      expect([labels.chapter, labels.article, labels.part, labels.point]).toEqual([
        expected.chapter,
        expected.article,
        expected.part,
        expected.point,
      ]);
      expect(labels.articleNumber(7)).toBe(`${expected.article} 7.`);
    }
  });

  for (const { code } of TEXT_LANGUAGES) {
    it(`writes a ${code} text's DOCX with its numbering, w:lang and face for an English reader`, async () => {
      const { document, styles } = await wordParts(await actToDocx(sourceIn(code)));
      expect(document).toContain(`${STRUCTURE[code].chapter} 1.`);
      expect(document).toContain(`${STRUCTURE[code].article} 1.`);
      expect(styles).toContain(`<w:lang w:val="${STRUCTURE[code].tag}"/>`);
      const face = TEXT_LANGUAGES.find((l) => l.code === code)!.font;
      expect(styles).toMatch(
        new RegExp(`<w:rFonts w:ascii="${face}" w:hAnsi="${face}" w:cs="${face}" w:eastAsia="${face}"/>`),
      );
      for (const other of TEXT_LANGUAGES.filter((l) => l.code !== code)) {
        expect(document).not.toContain(`${STRUCTURE[other.code].article} 1.`);
      }
    });

    it(`writes a ${code} text's Akoma Ntoso with its numbering and language, valid against the XSD`, () => {
      const xml = actToAkn(sourceIn(code));
      expect(xml).toContain(`<num>${STRUCTURE[code].article} 1.</num>`);
      expect(xml).toContain(`<FRBRlanguage language="${AKN_LANGUAGE[code]}"/>`);
      expect(validAkn(xml, code)).toBe(true);
    });
  }

  it("names the text's language in the PDF's document information", async () => {
    const pdf = (await actToPdf(sourceIn("ka"))).toString("latin1");
    expect(pdf).toContain("/Lang (ka-GE)");
  });
});

describe("several texts of one act in parallel columns (DOCX)", () => {
  /** The cells of each table row, as the text of their runs, and the rows' XML. */
  function tableRows(documentXml: string) {
    const rows = [...documentXml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    const cellTexts = (row: string) =>
      [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((cell) =>
        [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      );
    return rows.map((xml) => ({ xml, cells: cellTexts(xml) }));
  }

  it("writes one table, a column per text in its own language, a row per article matched by stable id", async () => {
    const { document, styles } = await wordParts(await textsToParallelDocx(agreementTexts(true)));
    expect(document.match(/<w:tbl>/g)?.length).toBe(1);
    const rows = tableRows(document);
    expect(rows.every((row) => row.cells.length === 2)).toBe(true);
    // The header row repeats on every page; its labels are each column's language, with the authority.
    expect(rows[0]!.xml).toContain("<w:tblHeader/>");
    expect(rows[0]!.cells).toEqual(["Տեքստ՝ հայերեն · Վավերական տեքստ", "Текст на языке: русский · Перевод"]);
    expect(rows[1]!.cells[0]).toContain("ՀԱՄԱԳՈՐԾԱԿՑՈՒԹՅԱՆ ՀԱՄԱՁԱՅՆԱԳԻՐ");
    expect(rows[1]!.cells[1]).toContain("СОГЛАШЕНИЕ О СОТРУДНИЧЕСТВЕ");
    const row = (text: string) => rows.find((r) => r.cells.some((cell) => cell.includes(text)))!;
    // Article 2 beside article 2, each numbered and labelled in its own language.
    expect(row("Պատվիրակություններ").cells[0]).toContain("Հոդված 2.");
    expect(row("Պատվիրակություններ").cells[1]).toContain("Статья 2. Делегации");
    expect(row("Общие положения").cells[0]).toContain("Գլուխ 1. Ընդհանուր դրույթներ");
    // An article one text lacks is said so in the other column's language.
    expect(row("Միայն հայերեն").cells[1]).toBe("В этом тексте нет.");
    expect(row("Только по-русски").cells[0]).toBe("Այս տեքստում չկա։");
    expect(row("Только по-русски").cells[1]).toContain("Статья 3.");
    // The document is Armenian (default w:lang and face); the Russian column's runs say ru-RU and Times New Roman.
    expect(styles).toContain('<w:lang w:val="hy-AM"/>');
    const russianRuns = [...row("Делегации").xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*Делегации(?:(?!<\/w:r>).)*<\/w:r>/gs)];
    expect(russianRuns.length).toBeGreaterThan(0);
    for (const run of russianRuns) {
      expect(run[0]).toContain('<w:lang w:val="ru-RU"/>');
      expect(run[0]).toContain('w:ascii="Times New Roman"');
    }
    const armenianRun = /<w:r>(?:(?!<\/w:r>).)*Պատվիրակություններ(?:(?!<\/w:r>).)*<\/w:r>/s.exec(
      row("Պատվիրակություններ").xml,
    )![0];
    expect(armenianRun).not.toContain("<w:lang");
  });
});
