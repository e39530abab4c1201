import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile } from "../helpers/browser";

const running = appAndBrowserForThisFile({ PUBLIC_PAGE_SECONDS: "60" });

/**
 * A page shared by every signed-out visitor has no nonce: its inline scripts run because the
 * policy names their hashes. If one hash were wrong, Remix would not hydrate and links would
 * fall back to full page loads, silently; so this checks hydration and the browser's own
 * report of policy violations, at desktop width and at 390 px.
 */
describe("a public page shared by every visitor", () => {
  for (const width of [1280, 390]) {
    it(`runs its scripts under the hash-based policy and hydrates (${width} px)`, async () => {
      const round = await db().consultationRound.findFirstOrThrow({ where: { status: "OPEN", audience: "PUBLIC" } });
      const context = await running.browser.newContext({ locale: "en-GB", viewport: { width, height: 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => running.pageErrors.push(error.message));
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          (window as unknown as { violations: string[] }).violations ??= [];
          (window as unknown as { violations: string[] }).violations.push(event.violatedDirective);
        });
      });
      for (let visit = 0; visit < 2; visit++) {
        // The second visit gets the copy rendered for the first (the same bytes for everyone).
        const response = await page.goto(`${running.app.url}/rounds/${round.id}`);
        expect(response?.headers()["cache-control"]).toMatch(/^public/);
        await page.waitForFunction(() => "__remixRouter" in window, null, { timeout: 10_000 });
        expect(await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])).toEqual(
          [],
        );
      }
      await expect(page.title()).resolves.toContain("Agora");
      // A client-side navigation works (hydrated links), and back again.
      await page.locator(".eyebrow a").first().click();
      await page.waitForURL(`${running.app.url}/rounds`, { timeout: 10_000 });
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
