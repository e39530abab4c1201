import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage } from "../helpers/browser";

const running = appAndBrowserForThisFile();

const DAY = 86_400_000;
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

/** A fresh open public round on the seeded model regulation, so each walk starts alike. */
async function openPublicRound(title: string) {
  const seeded = await db().consultationRound.findFirstOrThrow({ where: { status: "OPEN", audience: "PUBLIC" } });
  return db().consultationRound.create({
    data: {
      draftId: seeded.draftId,
      versionId: seeded.versionId,
      title,
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 20 * DAY),
      timeZone: "Asia/Yerevan",
      audience: "PUBLIC",
      status: "OPEN",
    },
  });
}

/** The newest e-mail to this address that matches, read from the outbox (no SMTP in tests). */
async function mailTo(address: string, pattern: RegExp) {
  let body = "";
  await expect
    .poll(
      async () => {
        const mails = await db().outboxEmail.findMany({ where: { to: address }, orderBy: { createdAt: "desc" } });
        body = mails.find((m) => pattern.test(m.body))?.body ?? "";
        return body;
      },
      { timeout: 10_000 },
    )
    .toMatch(pattern);
  return body;
}

/** The element lies inside the viewport's width: nothing of it needs sideways scrolling. */
async function fitsWidth(page: Page, selector: string, width: number) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.x, selector).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width + 1);
}

describe("a citizen takes part in a public consultation", () => {
  for (const viewport of VIEWPORTS) {
    it(`signs up from the round, verifies, submits, gets a receipt and later the answer (${viewport.name})`, async () => {
      const round = await openPublicRound(`Public consultation (${viewport.name})`);
      const email = `citizen-${viewport.name}-${Date.now()}@example.test`;
      const proposedText = `Add: the protocol is published within three days (${viewport.name}).`;
      const context = await running.browser.newContext({
        locale: "en-GB",
        viewport: { width: viewport.width, height: viewport.height },
      });
      const page = await context.newPage();
      page.on("pageerror", (error) => running.pageErrors.push(error.message));

      // A visitor opens the round and writes a proposal before having an account.
      await page.goto(`${running.app.url}/rounds/${round.id}`);
      await page.locator('textarea[name="proposedText"]').fill(proposedText);
      await page.locator('textarea[name="justification"]').fill("Residents should read decisions quickly.");
      await fitsWidth(page, "#proposal-form", viewport.width);
      await page.getByTestId("signup-to-propose").click();

      // Signs up: name, e-mail, password, language.
      await page.waitForURL(/\/signup\?/);
      await expect.poll(() => page.title()).toContain("Create an account");
      await page.locator('input[name="name"]').fill("Ashot Mkrtchyan");
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill("a long enough password");
      await page.locator('input[name="confirm"]').fill("a long enough password");
      await page.locator('main select[name="locale"]').selectOption("en");
      await fitsWidth(page, "main form", viewport.width);
      await page.locator('main button[type="submit"]').click();
      await page.getByTestId("signup-sent").waitFor({ timeout: 10_000 });

      // Verifies from the e-mail and lands back on the round with the text kept.
      const link = (await mailTo(email, /\/verify-email\/[a-z0-9]+/)).match(/http\S+\/verify-email\/[a-z0-9]+/)![0];
      await page.goto(link.replace(/^https?:\/\/[^/]+/, running.app.url));
      await page.getByTestId("verify-email").click();
      await page.waitForURL(new RegExp(`/rounds/${round.id}`), { timeout: 10_000 });
      await expect
        .poll(() => page.locator('textarea[name="proposedText"]').inputValue(), { timeout: 10_000 })
        .toBe(proposedText);

      // Submits: a receipt with number, time and the SHA-256 of the text; the form is cleared.
      await page.locator('#proposal-form button[type="submit"]').click();
      const receipt = page.getByTestId("proposal-receipt");
      await receipt.waitFor({ timeout: 10_000 });
      const sha256 = createHash("sha256").update(proposedText, "utf8").digest("hex");
      expect(await page.getByTestId("receipt-sha256").textContent()).toBe(sha256);
      expect(await page.getByTestId("receipt-number").textContent()).toBe("1");
      expect(await page.locator('textarea[name="proposedText"]').inputValue()).toBe("");
      await fitsWidth(page, "#receipt", viewport.width);
      expect(await mailTo(email, new RegExp(sha256))).toContain(sha256);

      // The round closes; ministry staff answer the proposal.
      await db().consultationRound.update({
        where: { id: round.id },
        data: { status: "CLOSED", closesAt: new Date(Date.now() - 1000) },
      });
      const staff = await signedInPage(running, "anahit@mta.example");
      await staff.goto(`${running.app.url}/rounds/${round.id}/answers`);
      const card = staff.getByTestId("proposal-to-answer");
      await card.locator('select[name="decision"]').selectOption("ACCEPTED");
      await card.locator('textarea[name="answer"]').fill("Accepted: three days, on the community's website.");
      await card.locator('form.answer-form button[type="submit"]').click();
      await expect.poll(() => staff.getByTestId("answer-progress").textContent()).toContain("1");
      // Until the summary is published the answer may still change: its author sees none yet.
      await page.goto(`${running.app.url}/my-proposals`);
      expect(await page.getByTestId("my-proposal-answer").count()).toBe(0);
      await staff.locator('input[name="intent"][value="publish"] + button').click();
      await expect
        .poll(async () => (await db().consultationRound.findUniqueOrThrow({ where: { id: round.id } })).status)
        .toBe("ANSWERED");

      // The citizen is told by e-mail and reads the answer under "My proposals".
      await mailTo(email, new RegExp(`official answers[\\s\\S]*/rounds/${round.id}`));
      await page.goto(`${running.app.url}/my-proposals`);
      await expect.poll(() => page.title()).toContain("My proposals");
      const mine = page.getByTestId("my-proposal");
      await expect.poll(() => mine.count()).toBe(1);
      expect(await mine.getByTestId("my-proposal-status").textContent()).toBe("Accepted");
      expect(await mine.getByTestId("my-proposal-answer").textContent()).toContain("three days, on the community");
      await fitsWidth(page, '[data-testid="my-proposal"]', viewport.width);
      await context.close();
      await staff.context().close();
    });
  }
});
