import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { article, chapter, paragraph, part, type DocNode } from "~/editor/document-json";
import { actToAkn } from "~/exports/act/act-akn.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { eIdOf, NCNAME } from "~/exports/act/akn-ids";
import { textsToAknFiles, textsToAknZip } from "~/exports/act/parallel-akn.server";
import JSZip from "jszip";
import { draft, original } from "./legal-fixture";
import { agreementTexts } from "./parallel-fixture";

const SCHEMA = path.resolve("app/exports/akoma-ntoso/akomantoso30.xsd");
const dir = mkdtempSync(path.join(tmpdir(), "akn-"));
let files = 0;

/**
 * Validates with xmllint (Debian's libxml2-utils) against the XSD shipped in the repo,
 * offline. No xmllint means a failing test, never a skipped one: npm test installs it (scripts/ensure-test-tools.ts).
 */
function validate(xml: string): { ok: boolean; output: string } {
  const file = path.join(dir, `doc-${++files}.xml`);
  writeFileSync(file, xml);
  try {
    const output = execFileSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return { ok: true, output };
  } catch (error) {
    const failure = error as { code?: string; stderr?: string };
    if (failure.code === "ENOENT") throw new Error("xmllint is not installed (apt-get install libxml2-utils)");
    return { ok: false, output: failure.stderr ?? String(error) };
  }
}

/** Everything the schema is picky about: loose text around and between subdivisions, marks, lists, odd ids. */
const tricky: DocNode = {
  type: "doc",
  content: [
    chapter(
      "c/1 x",
      "Ընդհանուր",
      paragraph("Text before the first article of the chapter."),
      article(
        "a.1",
        "Marks & <links>\u0001",
        paragraph("Opening words of the article."),
        part("p1", "First part."),
        paragraph("Words between two parts."),
        part("p2", "Second part."),
        paragraph("Closing words."),
      ),
      article("a2", "", {
        type: "paragraph",
        content: [
          { type: "text", text: "bold", marks: [{ type: "bold" }] },
          { type: "hardBreak" },
          { type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.org/?a=1&b=2" } }] },
        ],
      }),
    ),
    paragraph("Text between chapters."),
    chapter(
      "c2",
      "",
      article("a3", "Lists", { type: "bulletList", content: [{ type: "listItem", content: [paragraph("one")] }] }),
    ),
    paragraph("Text after the last chapter."),
  ],
};

describe("Akoma Ntoso export", () => {
  it("writes a bill for a draft that validates against the Akoma Ntoso 3.0 schema", () => {
    const xml = actToAkn(actSourceOf({ draft, version: null, doc: original, locale: "en" }));
    const result = validate(xml);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
    expect(xml).toContain("<bill ");
    // eIds come from the stable ids; numbers and headings in the text's language (Armenian here).
    expect(xml).toContain('<chapter eId="chp_c1"><num>Գլուխ 1.</num><heading>Ընդհանուր դրույթներ</heading>');
    expect(xml).toContain('<article eId="art_a1"><num>Հոդված 1.</num>');
    expect(xml).toMatch(
      /<paragraph eId="para_a1-p2"><num>2\.<\/num><intro><p>Համայնքի ղեկավարը՝<\/p><\/intro><point eId="point_a1-p2-1"><num>1\)<\/num>/,
    );
    expect(xml).toContain('<FRBRlanguage language="hye"/>');
    expect(xml).toContain('<FRBRuri value="/akn/am/bill/2026-11-20/d1"/>');
    expect(xml).toContain("<preamble><p>Սույն օրենքով");
  });

  it("writes an act once the draft is adopted or signed, for a version, and still validates", () => {
    for (const status of ["ADOPTED", "SIGNED"] as const) {
      const version = {
        id: "v1",
        number: 3,
        name: "Final",
        sha256: "ab".repeat(32),
        createdAt: new Date("2026-11-27T09:00:00Z"),
      };
      const xml = actToAkn(actSourceOf({ draft: { ...draft, status }, version, doc: original, locale: "hy" }));
      expect(validate(xml)).toEqual({ ok: true, output: "" });
      expect(xml).toContain("<act ");
      expect(xml).toContain('<FRBRversionNumber value="3"/>');
      expect(xml).toContain('<FRBRuri value="/akn/am/act/2026-11-20/d1/hye@2026-11-27"/>');
    }
  });

  it("keeps loose text, marks, lists and odd ids valid", () => {
    const xml = actToAkn(actSourceOf({ draft, version: null, doc: tricky, locale: "ru" }));
    expect(validate(xml)).toEqual({ ok: true, output: "" });
    expect(xml).toContain("Marks &amp; &lt;links&gt;");
    expect(xml).toContain('eId="art_a.2e.1"');
    expect(xml).toContain("<wrapUp><p>Closing words.</p></wrapUp>");
  });

  it("fails validation when the document breaks the schema (the check is real)", () => {
    const xml = actToAkn(actSourceOf({ draft, version: null, doc: original, locale: "en" }));
    const broken = validate(xml.replace("<preface>", "<prefix>").replace("</preface>", "</prefix>"));
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain("prefix");
    expect(validate(xml.replace('eId="art_a1"', 'eId="1 art"')).ok).toBe(false);
  });

  it("maps any stable id to a distinct NCName", () => {
    const ids = ["abc123", "a.1", "a.2e.1", "c/1 x", "Հոդված", "-x", "a_b"];
    const eIds = ids.map((id) => eIdOf("art", id));
    for (const eId of eIds) expect(eId).toMatch(NCNAME);
    expect(new Set(eIds).size).toBe(ids.length);
  });
});

describe("Akoma Ntoso of an act in several languages", () => {
  const WORK = "/akn/am/bill/2026-11-20/d1";
  const expression = (xml: string) => /<FRBRExpression>.*<\/FRBRExpression>/s.exec(xml)![0];

  it("writes one valid document per language expression of the same work, equally authentic", () => {
    const [armenian, russian] = textsToAknFiles(agreementTexts());
    expect([armenian!.name, russian!.name]).toEqual(["draft-d1-live.hye.akn.xml", "draft-d1-live.rus.akn.xml"]);
    for (const file of [armenian!, russian!]) {
      expect(validate(file.xml)).toEqual({ ok: true, output: "" });
      expect(file.xml).toContain(`<FRBRuri value="${WORK}"/>`);
      expect(file.xml.match(/<akomaNtoso /g)?.length).toBe(1);
      expect(expression(file.xml)).toContain('<FRBRauthoritative value="true"/>');
      expect(file.xml).not.toContain("FRBRtranslation");
    }
    expect(expression(armenian!.xml)).toContain('<FRBRlanguage language="hye"/>');
    expect(expression(armenian!.xml)).not.toContain("FRBRmasterExpression");
    expect(armenian!.xml).toContain("<num>Հոդված 1.</num>");
    expect(expression(russian!.xml)).toContain(`<FRBRuri value="${WORK}/rus@2026-12-01"/>`);
    expect(expression(russian!.xml)).toContain('<FRBRlanguage language="rus"/>');
    // The main text's expression is the master: its eIds (the stable ids) are the other text's too.
    expect(expression(russian!.xml)).toContain(
      `<FRBRmasterExpression href="${WORK}/hye@2026-12-01" showAs="Փորձնական"/>`,
    );
    expect(russian!.xml).toContain('<article eId="art_a2"><num>Статья 2.</num><heading>Делегации</heading>');
    expect(armenian!.xml).toContain('<article eId="art_a2"><num>Հոդված 2.</num>');
  });

  it("marks the other texts as translations of the authoritative one, still valid", () => {
    const [armenian, russian] = textsToAknFiles(agreementTexts(true));
    expect(validate(armenian!.xml)).toEqual({ ok: true, output: "" });
    expect(validate(russian!.xml)).toEqual({ ok: true, output: "" });
    expect(expression(armenian!.xml)).toContain('<FRBRauthoritative value="true"/>');
    expect(armenian!.xml).not.toContain("FRBRtranslation");
    expect(expression(russian!.xml)).toContain('<FRBRauthoritative value="false"/>');
    expect(expression(russian!.xml)).toContain(
      `<FRBRlanguage language="rus"/><FRBRtranslation href="${WORK}/hye@2026-12-01" fromLanguage="hye" authoritative="false" by="#org_mta"/>`,
    );
    // Out of the schema's order, the same marks are refused: the validation covers them.
    const misplaced = russian!.xml.replace(/(<FRBRlanguage [^>]*\/>)(<FRBRtranslation [^>]*\/>)/, "$2$1");
    expect(validate(misplaced).ok).toBe(false);
  });

  it("packs the documents in one ZIP", async () => {
    const zip = await JSZip.loadAsync(textsToAknZip(agreementTexts(true)));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["draft-d1-live.hye.akn.xml", "draft-d1-live.rus.akn.xml"]);
    const russian = await zip.file("draft-d1-live.rus.akn.xml")!.async("string");
    expect(validate(russian)).toEqual({ ok: true, output: "" });
    expect(russian).toContain("FRBRtranslation");
  });
});
