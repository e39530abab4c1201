import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { article, chapter, part } from "~/editor/document-json";
import { actToDocx } from "~/exports/act/act-docx.server";
import { exportDisposition, exportFileName } from "~/exports/act/act-responses.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { scriptSegments } from "~/exports/official/script-fonts";
import type { DraftStatus } from "~/policies";
import { draft, original } from "./legal-fixture";

async function parts(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return {
    document: await read("word/document.xml"),
    styles: await read("word/styles.xml"),
    footer: await read("word/footer1.xml"),
    comments: await read("word/comments.xml"),
    extended: await read("word/commentsExtended.xml"),
    types: await read("[Content_Types].xml"),
    rels: await read("word/_rels/document.xml.rels"),
    core: await read("docProps/core.xml"),
  };
}

/** The XML of the paragraph that contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const found = xml.match(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)?.find((p) => p.includes(text));
  expect(found, `a paragraph with "${text}"`).toBeDefined();
  return found!;
}

/** The style definition with this id from styles.xml. */
function style(styles: string, id: string): string {
  return styles.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))?.[0] ?? "";
}

type DraftOverrides = Partial<Omit<typeof draft, "status" | "titleRu">> & {
  status?: DraftStatus;
  titleRu?: string | null;
};

const source = (overrides: DraftOverrides = {}, doc = original) =>
  actSourceOf({ draft: { ...draft, ...overrides }, version: null, doc, locale: "en" });

describe("DOCX of a draft's text, laid out as ministries send it", () => {
  it("sets A4 with binding margins, justified serif text in the text's language and restyled headings", async () => {
    const { document, styles } = await parts(await actToDocx(source()));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    // Armenian text: Sylfaen in every font slot and Armenian as the language, by default.
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? "";
    expect(defaults).toContain('<w:rFonts w:ascii="Sylfaen" w:hAnsi="Sylfaen" w:cs="Sylfaen" w:eastAsia="Sylfaen"/>');
    expect(defaults).toContain('<w:lang w:val="hy-AM"/>');
    expect(defaults).toContain('<w:jc w:val="both"/>');
    // Real Word headings, but black, bold and in the body's face rather than Word's blue.
    for (const id of ["Heading1", "Heading2"]) {
      expect(style(styles, id)).toContain('<w:color w:val="000000"/>');
      expect(style(styles, id)).toContain("<w:b/>");
      expect(style(styles, id)).toContain('w:ascii="Sylfaen"');
    }
    expect(style(styles, "Heading1")).toContain('<w:jc w:val="center"/>');
  });

  it("names Times New Roman and Russian on the Russian words of an Armenian text", async () => {
    const { document } = await parts(await actToDocx(source()));
    const heading = paragraphWith(document, "Изменение статьи 69");
    const run = heading.match(/<w:r>(?:(?!<\/w:r>)[\s\S])*Изменение статьи 69[\s\S]*?<\/w:r>/)?.[0] ?? "";
    expect(run).toContain('w:ascii="Times New Roman"');
    expect(run).toContain('<w:lang w:val="ru-RU"/>');
    // The Armenian number before it keeps the defaults: no font named on it.
    expect(heading).toMatch(/<w:t xml:space="preserve">Հոդված 2\. <\/w:t>/);
    const georgian = paragraphWith(document, "ძალაში შესვლა");
    expect(georgian).toContain('<w:lang w:val="ka-GE"/>');
  });

  it("opens with a centred title block instead of a title page, and carries page numbers and the SHA-256 in the footer", async () => {
    const exported = source();
    const { document, footer, core } = await parts(await actToDocx(exported));
    const mark = paragraphWith(document, "ՆԱԽԱԳԻԾ");
    expect(mark).toContain('<w:pStyle w:val="AgoraTitlePage"/>');
    expect(mark).toContain('<w:jc w:val="center"/>');
    expect(paragraphWith(document, "ՕՐԵՆՔՈՒՄ ՓՈՓՈԽՈՒԹՅՈՒՆ")).toContain('<w:jc w:val="center"/>');
    expect(paragraphWith(document, draft.titleHy)).toContain("<w:b/>");
    expect(document).not.toContain('w:type="page"');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(footer).toContain(exported.sha256);
    expect(footer).toContain("Տեքստի SHA-256");
    expect(core).toContain(exported.sha256);
    // An adopted act is no longer a draft.
    const adopted = await parts(await actToDocx(source({ status: "ADOPTED" })));
    expect(adopted.document).not.toContain("ՆԱԽԱԳԻԾ");
  });

  it("follows a Russian text: its face, its language and «ПРОЕКТ»", async () => {
    const russian = {
      type: "doc",
      content: [chapter("c1", "Общие положения", article("a1", "Предмет", part("p1", "Настоящий закон регулирует…")))],
    };
    const { document, styles, footer } = await parts(
      await actToDocx(source({ titleRu: "О местном самоуправлении", textLanguage: "ru" }, russian)),
    );
    expect(styles).toContain('<w:rFonts w:ascii="Times New Roman"');
    expect(styles).toContain('<w:lang w:val="ru-RU"/>');
    expect(document).toContain("ПРОЕКТ");
    expect(document).toContain("О местном самоуправлении");
    expect(document).toContain("Статья 1. ");
    expect(footer).toContain("SHA-256 текста");
  });

  it("threads replies under the first comment and marks resolved threads done", async () => {
    const when = new Date("2026-11-30T09:00:00Z");
    const threads = [
      {
        articleId: "a1",
        quote: "12-րդ կետով",
        resolved: false,
        comments: [
          { author: "Կարեն Գրիգորյան", date: when, body: "Հարց" },
          { author: "Անահիտ Սարգսյան", date: when, body: "Պատասխան" },
          { author: "Կարեն Գրիգորյան", date: when, body: "Շնորհակալություն" },
        ],
      },
      { articleId: "a3", quote: null, resolved: true, comments: [{ author: "Nino", date: when, body: "Fixed" }] },
    ];
    const { comments, extended, types, rels } = await parts(await actToDocx(source(), threads));
    const paraIds = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"[\s\S]*?w14:paraId="([0-9A-F]{8})"/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(paraIds.map(([id]) => id)).toEqual(["0", "1", "2", "3"]);
    const entries = [...extended.matchAll(/<w15:commentEx ([^>]*)\/>/g)].map((m) => m[1]!);
    const [first, second, third, resolved] = paraIds.map(([, paraId]) => paraId);
    expect(entries).toEqual([
      `w15:paraId="${first}" w15:done="0"`,
      `w15:paraId="${second}" w15:paraIdParent="${first}" w15:done="0"`,
      `w15:paraId="${third}" w15:paraIdParent="${first}" w15:done="0"`,
      `w15:paraId="${resolved}" w15:done="1"`,
    ]);
    expect(types).toContain('PartName="/word/commentsExtended.xml"');
    expect(rels).toContain('Target="commentsExtended.xml"');
  });
});

describe("export file names", () => {
  it("reads as kind, short title, version and comments in the text's language, with RFC 6266 for non-Latin names", () => {
    const live = source();
    expect(exportFileName(live, "docx")).toBe("Օրենքում-փոփոխություն_Փորձնական_ընթացիկ.docx");
    expect(exportFileName(live, "docx", { comments: true })).toBe(
      "Օրենքում-փոփոխություն_Փորձնական_ընթացիկ_մեկնաբանություններով.docx",
    );
    const version = actSourceOf({
      draft,
      version: { id: "v1", number: 3, name: "x", sha256: "0".repeat(64), createdAt: new Date() },
      doc: original,
      locale: "en",
    });
    expect(exportFileName(version, "pdf")).toBe("Օրենքում-փոփոխություն_Փորձնական_v3.pdf");
    const disposition = exportDisposition(version, "docx", { comments: true });
    expect(disposition).toBe(
      `attachment; filename="draft-d1-v3.comments.docx"; filename*=UTF-8''${encodeURIComponent(
        "Օրենքում-փոփոխություն_Փորձնական_v3_մեկնաբանություններով.docx",
      )}`,
    );
  });

  it("keeps only letters and digits of a hostile title and shortens a long one at a word", () => {
    const hostile = source({ titleHy: '../../etc/passwd "; filename=evil.exe\r\nX: y' });
    const name = exportFileName(hostile, "docx");
    expect(name).toBe("Օրենքում-փոփոխություն_etc-passwd-filename-evil-exe-X-y_ընթացիկ.docx");
    const long = source({
      titleHy: "Տեղական ինքնակառավարման մասին օրենքում և հարակից օրենքներում լրացումներ կատարելու մասին",
    });
    const title = exportFileName(long, "docx").split("_")[1]!;
    expect(title.length).toBeLessThanOrEqual(48);
    expect(title).toBe("Տեղական-ինքնակառավարման-մասին-օրենքում-և");
  });
});

describe("script segments", () => {
  it("splits where the script changes and keeps digits and punctuation with the words before them", () => {
    expect(scriptSegments("Հոդված 3. Изменение (ст. 69) და ბოლო", "hy")).toEqual([
      { text: "Հոդված 3. ", script: "hy" },
      { text: "Изменение (ст. 69) ", script: "ru" },
      { text: "და ბოლო", script: "ka" },
    ]);
    expect(scriptSegments("12.", "ru")).toEqual([{ text: "12.", script: "ru" }]);
    expect(scriptSegments("SHA-256 текста, ст. PDF", "hy")).toEqual([
      { text: "SHA-256 ", script: "hy" },
      { text: "текста, ст. PDF", script: "ru" },
    ]);
    expect(scriptSegments("", "ru")).toEqual([]);
  });
});
