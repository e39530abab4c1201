import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { reviewRecordToDocx } from "~/exports/review-record-docx.server";
import { reviewRecord } from "./review-record-fixture";

describe("collegium record as Word", async () => {
  const zip = await JSZip.loadAsync(await reviewRecordToDocx(reviewRecord));
  const document = await zip.file("word/document.xml")!.async("string");
  const styles = await zip.file("word/styles.xml")!.async("string");
  const footer = await zip.file("word/footer1.xml")!.async("string");

  it("is portrait A4 in the record's language and face, with page numbers", () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toContain('<w:lang w:val="hy-AM"/>');
    expect(styles).toContain('w:ascii="Sylfaen"');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
  });

  it("lays the decisions out in fixed columns of at least 1.5 cm with a repeated header", () => {
    const table = document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? "";
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    expect(table).toMatch(/<w:tblHeader\/>/);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    for (const width of grid) expect(width).toBeGreaterThanOrEqual(851);
    // The remarks get the most room; together they fill the text width (21 − 3 − 1.5 cm).
    expect(Math.max(...grid)).toBe(grid[2]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1701 - 851);
    expect(table).toContain("Կարեն Հովհաննիսյան");
  });
});
