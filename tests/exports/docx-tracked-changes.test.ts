import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_FIELD } from "~/editor/document-field";
import { addSuggestion } from "~/editor/suggestions";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { actToDocx } from "~/exports/act/act-docx.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { withTrackedChanges } from "~/exports/act/docx-tracked-changes.server";
import { freshDir, onPath } from "../helpers/pdf-tools";
import { draft, original } from "./legal-fixture";

function textContaining(parent: Y.XmlFragment | Y.XmlElement, words: string): Y.XmlText {
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText && child.toString().includes(words)) return child;
    if (child instanceof Y.XmlElement) {
      const found = textContaining(child, words);
      if (found) return found;
    }
  }
  return null as unknown as Y.XmlText;
}

/** The fixture's live text with one replacement and one insertion pending, by an NGO expert. */
function documentWithSuggestions(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(original));
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  const lilit = { id: "lilit", name: "Լիլիթ Մանուկյան" };
  const part = textContaining(fragment, "12-րդ կետով");
  const at = part.toString().indexOf("12-րդ");
  addSuggestion(doc, {
    author: lilit,
    text: part,
    from: at,
    to: at + 2,
    insert: "13",
    articleId: "a1",
    now: new Date("2026-11-30T09:00:00Z"),
  });
  const point = textContaining(fragment, "հրապարակում է");
  addSuggestion(doc, { author: lilit, text: point, from: 0, to: 0, insert: "պաշտոնական կայքում ", articleId: "a1" });
  return doc;
}

const documentXml = (path: string) => execFileSync("unzip", ["-p", path, "word/document.xml"]).toString("utf8");

describe("pending suggestions as Word tracked changes", () => {
  it("writes w:del and w:ins with the author and date, leaving the hash and the accepted text alone", async () => {
    const doc = documentWithSuggestions();
    const tracked = withTrackedChanges(doc);
    const source = actSourceOf({ draft, version: null, doc: original, locale: "en" });
    const dir = freshDir("tracked-");
    const file = join(dir, "act.docx");
    writeFileSync(file, await actToDocx(source, [], tracked));
    const xml = documentXml(file);
    expect(xml).toMatch(/<w:del [^>]*w:author="Լիլիթ Մանուկյան"[^>]*w:date="2026-11-30T09:00:00/);
    expect(xml).toMatch(/<w:delText[^>]*>12<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Լիլիթ Մանուկյան"/);
    expect(xml).toContain(">13<");
    expect(xml).toContain("պաշտոնական կայքում ");
    expect(xml).not.toMatch(/[\uE000-\uE004]/);
    // Without suggestions the same export has no tracked changes at all.
    writeFileSync(join(dir, "plain.docx"), await actToDocx(source));
    expect(documentXml(join(dir, "plain.docx"))).not.toMatch(/<w:(ins|del) /);
  });

  it.skipIf(!onPath("soffice"))(
    "opens in LibreOffice as tracked changes (a DOCX → DOCX round trip keeps them)",
    async () => {
      const tracked = withTrackedChanges(documentWithSuggestions());
      const source = actSourceOf({ draft, version: null, doc: original, locale: "en" });
      const dir = freshDir("tracked-lo-");
      const input = join(dir, "in.docx");
      writeFileSync(input, await actToDocx(source, [], tracked));
      const out = join(dir, "out");
      const profile = freshDir("lo-profile-");
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "docx:MS Word 2007 XML",
          "--outdir",
          out,
          input,
        ],
        { stdio: "ignore", timeout: 180_000 },
      );
      const xml = documentXml(join(out, "in.docx"));
      expect(xml).toMatch(/<w:del [^>]*w:author="Լիլիթ Մանուկյան"/);
      expect(xml).toMatch(/<w:ins [^>]*w:author="Լիլիթ Մանուկյան"/);
      expect(readFileSync(join(out, "in.docx")).length).toBeGreaterThan(0);
    },
    200_000,
  );
});
