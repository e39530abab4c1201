import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage, datetimeLocal } from "../helpers/browser";
import { letDueDatePass } from "../helpers/deadlines";

const running = appAndBrowserForThisFile();

const REVIEW_DAYS = 7;

async function decide(page: Page, reviewPath: string, decision: string, remarks = "") {
  await page.goto(running.app.url + reviewPath);
  await page.locator('select[name="decision"]').selectOption(decision);
  if (remarks) await page.locator('textarea[name="remarks"]').fill(remarks);
  // Stored once the form's POST is answered (the select shows the choice long before).
  await Promise.all([
    page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname.startsWith(reviewPath),
    ),
    page.getByTestId("decision-submit").click(),
  ]);
  await expect.poll(() => page.locator('select[name="decision"]').inputValue()).toBe(decision);
}

describe("the collegium in the browser", () => {
  it("staff send a final draft, members (NGO heads among them) decide, the secretary closes, the draft is adopted", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const staff = await signedInPage(running, "anahit@mta.example");

    // Freeze the final text, then send it with a due date a week away.
    await staff.goto(`${running.app.url}/drafts/${draft.id}/versions`);
    await staff.locator('input[name="name"]').fill("Վերջնական խմբագրություն");
    await staff.locator('form button[type="submit"].primary').click();
    await staff.waitForURL(/\/versions\/[^/]+$/);
    await staff.goto(`${running.app.url}/drafts/${draft.id}`);
    await staff.locator(`a[href="/drafts/${draft.id}/reviews/new"]`).click();
    await staff
      .locator('input[name="dueAt"]')
      .fill(datetimeLocal(new Date(Date.now() + REVIEW_DAYS * 24 * 3600 * 1000)));
    await staff.locator('select[name="timeZone"]').selectOption("UTC");
    await staff.locator('textarea[name="note"]').fill("Լրամշակված է երկրորդ փուլի առաջարկների հիման վրա։");
    await staff.getByTestId("review-send").click();
    await staff.waitForURL(/^http:\/\/[^/]+\/reviews\/[^/]+$/);
    const reviewPath = new URL(staff.url()).pathname;

    // Members find it under "my reviews" and decide; the NGO heads among them.
    const [armen, karen, tigran, secretary] = (await Promise.all(
      ["armen@ucfo.example", "karen@aca.example", "tigran@uca.example", "gor@mta.example"].map((email) =>
        signedInPage(running, email),
      ),
    )) as [Page, Page, Page, Page];
    await armen.goto(`${running.app.url}/reviews`);
    await armen.getByTestId("my-review").locator("a").click();
    await expect.poll(() => new URL(armen.url()).pathname).toBe(reviewPath);
    await decide(armen, reviewPath, "APPROVE_WITH_REMARKS", "Հրապարակել արձանագրությունը 3 օրում։");
    await decide(karen, reviewPath, "OBJECT", "Ավագանու դերը պետք է ամրագրել։");
    await decide(tigran, reviewPath, "APPROVE");
    await decide(secretary, reviewPath, "APPROVE");
    // During the review a member sees the count, not the others' remarks.
    await karen.reload();
    expect(await karen.getByTestId("decision-count").textContent()).toContain("4");
    expect(await karen.locator("body").textContent()).not.toContain("Հրապարակել արձանագրությունը");

    // After the due date the secretary closes it.
    await letDueDatePass([reviewPath.split("/").pop()!]);
    await secretary.reload();
    await secretary.getByTestId("review-close").click();
    await expect.poll(() => secretary.getByTestId("review-outcome").getAttribute("data-outcome")).toBe("ADOPTED");
    // 4 of 6 in office took part: 3 approvals, 1 objection.
    expect(await secretary.getByTestId("review-tally").textContent()).toMatch(/4.*6.*3.*1.*0/);
    expect(await secretary.getByTestId("review-decisions").textContent()).toContain("Ավագանու դերը պետք է ամրագրել։");

    await staff.goto(`${running.app.url}/drafts/${draft.id}`);
    expect(await staff.locator(".status-adopted").count()).toBe(1);
  }, 90_000);
});
