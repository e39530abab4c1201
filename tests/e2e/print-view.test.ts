import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { article, chapter, paragraph, plainTextOf, type DocNode } from "~/editor/document-json";
import { sha256Hex } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage } from "../helpers/browser";

const running = appAndBrowserForThisFile();

const ARMENIAN = "Համայնքի ղեկավարը ներկայացնում է հաշվետվություն";
const GEORGIAN = "მუნიციპალიტეტის მერი წარადგენს ანგარიშს";

/** A frozen version whose text is in both scripts (no seed draft has Georgian text). */
async function versionInBothScripts(): Promise<{ draftId: string; versionId: string }> {
  const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
  const content: DocNode = {
    type: "doc",
    content: [
      chapter(
        "pv-c1",
        "Ընդհանուր",
        article("pv-a1", "Հաշվետվություն", paragraph(ARMENIAN)),
        article("pv-a2", "ანგარიში", paragraph(GEORGIAN)),
      ),
    ],
  };
  const plainText = plainTextOf(content);
  const last = await db().draftVersion.findFirst({ where: { draftId: draft.id }, orderBy: { number: "desc" } });
  const version = await db().draftVersion.create({
    data: {
      draftId: draft.id,
      number: (last?.number ?? 0) + 1,
      name: "Print view in two scripts",
      state: new Uint8Array(),
      content: content as object,
      plainText,
      sha256: sha256Hex(plainText),
    },
  });
  return { draftId: draft.id, versionId: version.id };
}

describe("the print view of a version", () => {
  it("renders Armenian and Georgian text with real glyphs, not tofu", async () => {
    const { draftId, versionId } = await versionInBothScripts();
    const page = await signedInPage(running, "anahit@mta.example");
    await page.emulateMedia({ media: "print" });
    await page.goto(`${running.app.url}/drafts/${draftId}/versions/${versionId}`);
    await page.evaluate(() => document.fonts.ready);
    // The print stylesheet hides the screen-only controls.
    await expect.poll(() => page.getByTestId("export-links").isVisible()).toBe(false);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });

    for (const [sample, family] of [
      [ARMENIAN, "Noto Sans Armenian"],
      [GEORGIAN, "Noto Sans Georgian"],
    ] as const) {
      const paragraphLocator = page.locator(".frozen-document p", { hasText: sample });
      await expect.poll(() => paragraphLocator.count()).toBe(1);

      // 1. The width test: every letter of the sample in the paragraph's own font against a
      // character no font has (private use), drawn as the "missing glyph" box. Tofu would make
      // every letter exactly that wide; real glyphs have widths of their own.
      const widths = await paragraphLocator.evaluate((p, text) => {
        const measure = (value: string) => {
          const span = document.createElement("span");
          span.style.font = getComputedStyle(p).font;
          span.style.whiteSpace = "pre";
          span.textContent = value.repeat(10);
          document.body.append(span);
          const width = span.getBoundingClientRect().width / 10;
          span.remove();
          return Math.round(width * 100) / 100;
        };
        const letters = [...new Set([...text.replace(/\s/g, "")])];
        return { letters: letters.map(measure), missing: measure("\uE000") };
      }, sample);
      const unlikeTofu = widths.letters.filter((w) => w !== widths.missing);
      expect(unlikeTofu.length, JSON.stringify(widths)).toBe(widths.letters.length);
      expect(new Set(widths.letters).size, JSON.stringify(widths)).toBeGreaterThanOrEqual(3);

      // 2. What Chromium actually drew the text with: our bundled web fonts (the script's Noto
      // font for the letters), no system fallback.
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
        nodeId: root.nodeId,
        selector: ".frozen-document p",
      });
      let fonts: { familyName: string; glyphCount: number; isCustomFont: boolean }[] = [];
      for (const nodeId of nodeIds) {
        const { outerHTML } = await cdp.send("DOM.getOuterHTML", { nodeId });
        if (outerHTML.includes(sample)) fonts = (await cdp.send("CSS.getPlatformFontsForNode", { nodeId })).fonts;
      }
      // Spaces come from Noto Sans (first in the font list); ligatures may join some letters.
      const used = fonts.find((f) => f.familyName === family);
      expect(used, JSON.stringify(fonts)).toBeDefined();
      expect(used!.glyphCount, JSON.stringify(fonts)).toBeGreaterThan(0.8 * [...sample.replace(/\s/g, "")].length);
      expect(
        fonts.every((f) => f.isCustomFont && [family, "Noto Sans"].includes(f.familyName)),
        JSON.stringify(fonts),
      ).toBe(true);
      expect(await page.evaluate((f) => document.fonts.check(`16px "${f}"`), family)).toBe(true);
    }

    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/print-view-hy-ka.png", fullPage: true });
    await page.context().close();
  });

  it("sets every text of an agreement side by side, article beside article, each in its language", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { ownerOrganization: { slug: "zugdidi" } } });
    const page = await signedInPage(running, "nino@zugdidi.example");
    await page.goto(`${running.app.url}/drafts/${draft.id}/parallel`);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => page.getByTestId("parallel-export-links").isVisible()).toBe(false);
    const table = page.getByTestId("parallel-document");
    // Column headings are the document's: each in its own text's language, with its authority.
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "ტექსტი: ქართული · ძირითადი ტექსტი",
      "Text in English · Translation",
    ]);
    expect(await table.locator("thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("lang")))).toEqual([
      "ka",
      "en",
    ]);
    const row = table.locator('tr[data-row-id="zug-a2"]');
    const [georgian, english] = [row.locator("td").nth(0), row.locator("td").nth(1)];
    expect(await georgian.locator("h3").textContent()).toBe("მუხლი 2. ვიზიტები");
    expect(await english.locator("h3").textContent()).toBe("Article 2. Visits");
    expect(await georgian.getAttribute("lang")).toBe("ka");
    expect(await english.getAttribute("lang")).toBe("en");
    // Level with each other on the page, the translation to the right.
    const [left, right] = [(await georgian.locator("h3").boundingBox())!, (await english.locator("h3").boundingBox())!];
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width);
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/print-view-parallel-ka-en.png", fullPage: true });
    await page.context().close();
  });
});
