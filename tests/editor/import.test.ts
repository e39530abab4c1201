import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { markdownToDocument } from "~/editor/markdown-import";
import { duplicateIds, outlineOf } from "~/editor/outline";
import { legalActSchema } from "~/editor/yjs-document";
import { docxToDocument } from "~/models/drafts/draft-import.server";

/** A minimal Word document: paragraphs with optional heading styles. */
async function makeDocx(paragraphs: { style?: string; text: string }[]): Promise<Buffer> {
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${p.text}</w:t></w:r></w:p>`,
    )
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("importing files into the legal structure", () => {
  it("turns Markdown headings and 'Article N.' lines into chapters and articles", () => {
    const doc = markdownToDocument(
      [
        "Preamble of the act.",
        "# General provisions",
        "## Scope",
        "This law regulates ...",
        "Article 2. Definitions",
        "- community: ...",
        "Глава 2. Заключительные положения",
        "Статья 3. Вступление в силу",
        "Настоящий закон вступает в силу ...",
      ].join("\n"),
    );
    const outline = outlineOf(doc);
    expect(outline.map((e) => [e.type, e.number, e.title])).toEqual([
      ["chapter", 1, "General provisions"],
      ["article", 1, "Scope"],
      ["article", 2, "Definitions"],
      ["chapter", 2, "Заключительные положения"],
      ["article", 3, "Вступление в силу"],
    ]);
    expect(duplicateIds(doc)).toEqual([]);
    expect(() => legalActSchema().nodeFromJSON(doc).check()).not.toThrow();
  });

  it("reads a Word file: Heading 1/2 and Armenian 'Հոդված' lines", async () => {
    const docx = await makeDocx([
      { text: "Սույն օրենքով լրացումներ են կատարվում" },
      { style: "Heading1", text: "Ընդհանուր դրույթներ" },
      { style: "Heading2", text: "Օրենքի 38-րդ հոդվածում լրացում" },
      { text: "Օրենքի 38-րդ հոդվածի 1-ին մասը լրացնել" },
      { text: "Հոդված 2. Ուժի մեջ մտնելը" },
      { text: "Սույն օրենքն ուժի մեջ է մտնում" },
    ]);
    const doc = await docxToDocument(docx);
    expect(outlineOf(doc).map((e) => e.title)).toEqual([
      "Ընդհանուր դրույթներ",
      "Օրենքի 38-րդ հոդվածում լրացում",
      "Ուժի մեջ մտնելը",
    ]);
    expect(() => legalActSchema().nodeFromJSON(doc).check()).not.toThrow();
  });

  it("never lets markup through as HTML", () => {
    const doc = markdownToDocument("## <img src=x onerror=alert(1)>\n<script>alert(1)</script>");
    const json = JSON.stringify(doc);
    expect(json).toContain("<script>alert(1)</script>");
    expect(json).not.toContain('"type":"image"');
  });
});
