import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { templateFor } from "~/editor/templates";
import type { DossierManifest } from "~/exports/package/dossier-package.server";
import { serverT } from "~/i18n/server-t.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { appAndBrowserForThisFile, datetimeLocal } from "../helpers/browser";

/** Rounds may open at once here, and the scheduler looks at the clock five times a second. */
const running = appAndBrowserForThisFile({ ROUND_MIN_HOURS: "0", ROUND_SCHEDULER_MS: "200" });

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function pageAt(width: number, email?: string): Promise<Page> {
  const context = await running.browser.newContext({
    locale: "en-GB",
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => running.pageErrors.push(error.message));
  if (email) {
    await page.goto(`${running.app.url}/login`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL(`${running.app.url}/`);
  }
  return page;
}

/** A new Armenian draft of the ministry's, so each width starts from a draft being written. */
async function freshDraft(width: number) {
  const [anahit, mta] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } }),
    db().organization.findUniqueOrThrow({ where: { slug: "mta" } }),
  ]);
  const hy = serverT("hy");
  return createDraft(
    anahit.id,
    {
      titleHy: `Ֆինանսական հավասարեցման մասին ${width}`,
      titleRu: null,
      titleKa: null,
      titleEn: null,
      kind: "LAW",
      ownerOrganizationId: mta.id,
    },
    templateFor("LAW", (key) => hy(`templates.${key}`)),
  );
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

describe("the dossier in the browser", () => {
  it.each([1280, 390])(
    "at %i px: staff attach an explanatory note, freeze a version, open a round; a visitor downloads the package",
    async (width) => {
      const draft = await freshDraft(width);
      const staff = await pageAt(width, "anahit@mta.example");
      const note = Buffer.from(`%PDF-1.4\n% Հիմնավորում ${width}\n%%EOF\n`, "utf8");

      // From the draft to its dossier, and the note uploaded through the form.
      await staff.goto(`${running.app.url}/drafts/${draft.id}`);
      await staff.locator(`a[href="/drafts/${draft.id}/attachments"]`).click();
      await staff.waitForURL(/\/attachments$/);
      await expectAxeClean(staff);
      const pageWidth = await staff.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(width);
      await staff.locator('form:has(input[value="add"]) select[name="kind"]').selectOption("EXPLANATORY_NOTE");
      await staff.locator('form:has(input[value="add"]) input[name="title"]').fill("Հիմնավորում");
      await staff.locator('form:has(input[value="add"]) input[name="file"]').setInputFiles({
        name: "Հիմնավորում.pdf",
        mimeType: "application/pdf",
        buffer: note,
      });
      await staff.locator('form:has(input[value="add"]) button[type="submit"]').click();
      await expect.poll(() => staff.getByTestId("attachment-row").count()).toBe(1);
      await expectAxeClean(staff);

      // Freezing a version freezes the note with it.
      await staff.goto(`${running.app.url}/drafts/${draft.id}/versions`);
      await staff.locator('input[name="name"]').fill("Նախագիծ քննարկման համար");
      await staff.locator('main form button[type="submit"]').click();
      await staff.waitForURL(/\/versions\/[^/]+$/);
      await expect.poll(() => staff.getByTestId("frozen-attachment").count()).toBe(1);

      // A public round opening now; it freezes the text and dossier once more.
      await staff.goto(`${running.app.url}/drafts/${draft.id}/rounds/new`);
      const now = Date.now();
      await staff.locator('input[name="title"]').fill(`Հանրային քննարկում ${width}`);
      await staff.locator('input[name="opensAt"]').fill(datetimeLocal(new Date(now - 60_000)));
      await staff.locator('input[name="closesAt"]').fill(datetimeLocal(new Date(now + 3_600_000)));
      await staff.locator('select[name="timeZone"]').selectOption("UTC");
      await staff.getByTestId("round-create").click();
      await staff.waitForURL(/^http:\/\/[^/]+\/rounds\/[^/]+$/);
      const roundPath = new URL(staff.url()).pathname;

      // A signed-out visitor: the round opens by the clock, the package comes as one ZIP.
      const visitor = await pageAt(width);
      await expect
        .poll(
          async () => {
            await visitor.goto(running.app.url + roundPath);
            return visitor.getByTestId("round-status").getAttribute("data-status", { timeout: 1000 });
          },
          { timeout: 15_000 },
        )
        .toBe("OPEN");
      expect(await visitor.getByTestId("frozen-attachment").count()).toBe(1);
      const [download] = await Promise.all([
        visitor.waitForEvent("download"),
        visitor.locator(`a[href="${roundPath}/package.zip"]`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/փաթեթ\.zip$/u);
      const zip = await JSZip.loadAsync(await readFile((await download.path())!));
      const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as DossierManifest;
      const attachment = manifest.files.find((f) => f.role === "attachment")!;
      expect(attachment.sha256).toBe(sha256(note));
      for (const file of manifest.files) {
        expect(sha256(await zip.file(file.path)!.async("nodebuffer")), file.path).toBe(file.sha256);
      }
      await staff.context().close();
      await visitor.context().close();
    },
  );

  it.each([1280, 390])(
    "at %i px: staff write an annex in the editor; it is stored live, frozen with a version and downloaded as DOCX",
    async (width) => {
      const draft = await freshDraft(width + 1);
      const staff = await pageAt(width, "anahit@mta.example");
      await staff.goto(`${running.app.url}/drafts/${draft.id}/attachments`);
      const writeForm = staff.locator('form:has(input[value="write"])');
      await writeForm.locator('select[name="kind"]').selectOption("ANNEX");
      await writeForm.locator('input[name="title"]').fill("Հաշվետվության ձև");
      await writeForm.locator('button[type="submit"]').click();
      await expect.poll(() => staff.getByTestId("attachment-row").count()).toBe(1);

      // Opened in the same editor as the text, its own live document.
      await staff.locator(`a[href^="/drafts/${draft.id}/texts/"]`).click();
      await staff.waitForURL(/\/texts\/[^/]+$/);
      const textPath = new URL(staff.url()).pathname;
      await staff.locator(".ProseMirror").click();
      await staff.keyboard.type(`Եկամուտներ և ծախսեր ${width}`);
      await expect.poll(() => staff.getByTestId("saved-state").getAttribute("data-saved")).toBe("true");
      expect(await staff.locator(".ProseMirror").getAttribute("lang")).toBe("hy");
      await expectAxeClean(staff);
      expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await staff.reload();
      await expect.poll(() => staff.locator(".ProseMirror").textContent()).toContain(`Եկամուտներ և ծախսեր ${width}`);

      // Freezing a version freezes the annex as a Word file with its SHA-256.
      await staff.goto(`${running.app.url}/drafts/${draft.id}/versions`);
      await staff.locator('input[name="name"]').fill("Նախագիծ");
      await staff.locator('main form button[type="submit"]').click();
      await staff.waitForURL(/\/versions\/[^/]+$/);
      await expect.poll(() => staff.getByTestId("frozen-attachment").count()).toBe(1);
      const [download] = await Promise.all([
        staff.waitForEvent("download"),
        staff.getByTestId("frozen-attachment").locator("a").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = await readFile((await download.path())!);
      const frozen = await db().versionAttachment.findFirstOrThrow({
        where: { version: { draftId: draft.id } },
        select: { sha256: true },
      });
      expect(sha256(bytes)).toBe(frozen.sha256);
      const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
      expect(xml).toContain(`Եկամուտներ և ծախսեր ${width}`);

      // Typing on changes the live annex, not the frozen file.
      await staff.goto(running.app.url + textPath);
      await staff.locator(".ProseMirror").click();
      await staff.keyboard.press("End");
      await staff.keyboard.type(" later");
      await expect.poll(() => staff.getByTestId("saved-state").getAttribute("data-saved")).toBe("true");
      const still = await db().versionAttachment.findFirstOrThrow({
        where: { version: { draftId: draft.id } },
        select: { sha256: true },
      });
      expect(still.sha256).toBe(frozen.sha256);
      await staff.context().close();
    },
  );
});
