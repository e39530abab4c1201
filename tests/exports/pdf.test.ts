import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { article, chapter, paragraph, part } from "~/editor/document-json";
import { actSourceOf } from "~/exports/act/act-source.server";
import { actToPdf } from "~/exports/pdf/act-pdf.server";
import { reviewRecordToPdf } from "~/exports/pdf/review-record-pdf.server";
import { summaryToPdf } from "~/exports/pdf/summary-pdf.server";
import { freshDir, pdfFonts, pdfInfo, pdfText } from "../helpers/pdf-tools";
import { draft, original } from "./legal-fixture";
import { reviewRecord } from "./review-record-fixture";
import { labels, table } from "./summary-fixture";

const dir = freshDir("pdf-export-");
let count = 0;
function save(bytes: Buffer): string {
  const path = join(dir, `${++count}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** pdftotext's text with line breaks and runs of spaces as single spaces (a search box's view). */
function searchable(path: string): string {
  return pdfText(path).replace(/\s+/g, " ");
}

function expectEmbeddedUnicodeFonts(path: string, families: string[]) {
  const fonts = pdfFonts(path);
  for (const font of fonts) {
    expect(font.embedded, font.name).toBe(true);
    expect(font.unicode, font.name).toBe(true);
  }
  for (const family of families)
    expect(
      fonts.some((font) => font.name.includes(family)),
      family,
    ).toBe(true);
}

describe("PDF made on the server", () => {
  it("sets a version's text with every script embedded and searchable, the SHA-256 in the footer and metadata", async () => {
    const source = actSourceOf({
      draft,
      version: {
        id: "v1",
        number: 2,
        name: "Для слушаний",
        sha256: "ab".repeat(32),
        createdAt: new Date("2026-11-30"),
      },
      doc: original,
      locale: "en",
    });
    const bytes = await actToPdf(source);
    const path = save(bytes);
    const text = searchable(path);
    for (const phrase of [
      "ՆԱԽԱԳԻԾ",
      "Հոդված 1. Օրենքի 38-րդ հոդվածում լրացում",
      "2) հրապարակում է ամփոփաթերթը։",
      "Изменение статьи 69",
      "Статья 38 Закона излагается в следующей редакции:",
      "ეს კანონი ძალაში შედის გამოქვეყნებისთანავე.",
      "Article without a title.",
      "Показатель",
      `SHA-256: ${"ab".repeat(32)}`,
    ]) {
      expect(text).toContain(phrase);
    }
    expectEmbeddedUnicodeFonts(path, ["NotoSerif-Regular", "NotoSerif-Bold", "NotoSansArmenian", "NotoSansGeorgian"]);
    expect(text).toMatch(/1\s*\/\s*1/);
    // The document information carries the hash too, and the title in the text's language.
    const info = pdfInfo(path);
    expect(info.SHA256).toBe("ab".repeat(32));
    expect(info.Keywords).toBe(`SHA-256 ${"ab".repeat(32)}`);
    expect(info.Title).toBe(draft.titleHy);
    expect(bytes.toString("latin1")).toContain("/Lang (hy-AM)");
  });

  it("breaks a long text over pages, numbering each", async () => {
    const articles = Array.from({ length: 40 }, (_, i) =>
      article(`a${i}`, `Статья о предмете ${i}`, part(`p${i}`, "Настоящий закон регулирует отношения ".repeat(12))),
    );
    const doc = { type: "doc", content: [paragraph("Преамбула."), chapter("c1", "Общие положения", ...articles)] };
    const path = save(
      await actToPdf(
        actSourceOf({
          draft: { ...draft, titleRu: "О проверке", textLanguage: "ru" },
          version: null,
          doc,
          locale: "ru",
        }),
      ),
    );
    const text = searchable(path);
    const pages = Number(/ 1\s*\/\s*(\d+) /.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(text).toMatch(new RegExp(`${pages}\\s*/\\s*${pages}`));
    expect(text).toContain("ПРОЕКТ");
    expect(text).toContain("Статья 40. Статья о предмете 39");
  });

  it("sets the summary of proposals in Russian with the Armenian and Georgian proposals", async () => {
    const path = save(await summaryToPdf(table, labels));
    const text = searchable(path);
    for (const phrase of ["Сводная таблица предложений", "Итоги по организациям", "Принято к сведению", "Итого 3"]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain("բառերը");
    expect(text).toContain("ჯამით.");
    expectEmbeddedUnicodeFonts(path, ["NotoSerif", "NotoSansArmenian", "NotoSansGeorgian"]);
  });

  it("sets the collegium record with its SHA-256", async () => {
    const sha = "cd".repeat(32);
    const bytes = await reviewRecordToPdf(reviewRecord, sha);
    const path = save(bytes);
    const text = searchable(path);
    expect(text).toContain("Կարեն Հովհաննիսյան");
    expect(text).toContain("Հավանություն դիտողություններով");
    expect(text).toContain(`SHA-256 ${sha}`);
    expect(pdfInfo(path).SHA256).toBe(sha);
    expectEmbeddedUnicodeFonts(path, ["NotoSansArmenian", "NotoSerif"]);
  });
});
