import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { loadActor } from "~/models/accounts/actors.server";
import { sendForReview } from "~/models/collegium/reviews.server";
import { createVersion } from "~/models/documents/versions.server";
import { createDraft } from "~/models/drafts/drafts.server";
import { article, paragraph } from "~/editor/document-json";
import { db } from "~/utils/db.server";
import type { CurrentUser } from "~/auth/current-user.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { appAndBrowserForThisFile, datetimeLocal } from "../helpers/browser";
import { letDueDatePass } from "../helpers/deadlines";

const running = appAndBrowserForThisFile();
const REVIEW_DAYS = 7;

async function signIn(browser: Browser, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => running.pageErrors.push(error.message));
  await page.goto(`${running.app.url}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL(`${running.app.url}/`);
  return page;
}

/** Two of the ministry's drafts sent to its collegium (the review pages have their own browser test). */
async function twoReviews() {
  const staff = await db().user.findUniqueOrThrow({ where: { email: "anahit@mta.example" } });
  const user = { ...staff, sessionId: "test", actor: await loadActor(staff) } as unknown as CurrentUser;
  const body = await db().collegiumBody.findFirstOrThrow();
  // Both drafts are written here, not taken from the demo: a retry of this flow then finds
  // two drafts still being written, whatever the first attempt sent to the collegium.
  const drafts = [];
  for (const { key, titleHy, titleEn } of [
    { key: "mg1", titleHy: "Համայնքների միավորման մասին", titleEn: "On the Merger of Communities" },
    { key: "mg2", titleHy: "Համայնքների բյուջեների մասին", titleEn: "On Community Budgets" },
  ]) {
    drafts.push(
      await createDraft(
        staff.id,
        { titleHy, titleRu: null, titleKa: null, titleEn, kind: "DECISION", ownerOrganizationId: body.organizationId },
        { type: "doc", content: [article(key, titleHy, paragraph("Համայնքները միավորվում են։"))] },
      ),
    );
  }
  const dueAt = new Date(Date.now() + REVIEW_DAYS * 24 * 3600 * 1000);
  const reviews = [];
  for (const draft of drafts) {
    const version = await createVersion(staff.id, draft.id, "Final");
    reviews.push(await sendForReview(user, draft.id, { bodyId: body.id, versionId: version.id, dueAt, note: "" }));
  }
  return { body, reviews };
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe("collegium meetings in the browser", () => {
  it("the secretary schedules two drafts, members accept, attendance gives a quorum, the meeting decides, minutes are approved and downloaded", async () => {
    const { body, reviews } = await twoReviews();
    const secretary = await signIn(running.browser, "gor@mta.example", 1280);

    // Schedule from the collegium page, both drafts on the agenda.
    await secretary.goto(`${running.app.url}/collegium/${body.id}`);
    await secretary.getByTestId("meeting-schedule").click();
    await secretary.waitForURL(/\/meetings\/new$/);
    await secretary.locator('input[name="title"]').fill("Collegium sitting on two drafts");
    const start = new Date(Date.now() + 10 * 60_000);
    await secretary.locator('select[name="timeZone"]').selectOption("UTC");
    await secretary.locator('input[name="startsAt"]').fill(datetimeLocal(start));
    await secretary.locator('input[name="endsAt"]').fill(datetimeLocal(new Date(start.getTime() + 2 * 3_600_000)));
    await secretary.locator('input[name="place"]').fill("Government House 3, hall 2");
    for (const review of reviews) await secretary.locator(`input[name="reviewIds"][value="${review.id}"]`).check();
    await secretary.getByTestId("meeting-save").click();
    await secretary.waitForURL((url) => /\/meetings\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const meetingPath = new URL(secretary.url()).pathname;
    // A client-side navigation: the URL changes before the new page has rendered.
    await expect.poll(() => secretary.getByTestId("meeting-agenda").locator("li").count()).toBe(2);

    // Members accept, one of them on a phone.
    const armen = await signIn(running.browser, "armen@ucfo.example", 390);
    const karen = await signIn(running.browser, "karen@aca.example", 1280);
    for (const member of [armen, karen]) {
      await member.goto(`${running.app.url}/notifications`);
      await member.locator(`a[href="${meetingPath}"]`).first().click();
      await member.getByTestId("meeting-accept").click();
    }
    await expect
      .poll(() =>
        db().meetingInvitee.count({ where: { meetingId: meetingPath.split("/").pop(), response: "ACCEPTED" } }),
      )
      .toBe(2);
    expect(await noSidewaysScroll(armen)).toBe(true);

    // Attendance: 4 of the 6 in office → quorum.
    await secretary.reload();
    const present = ["Գոռ Հակոբյան", "Արմեն", "Կարեն", "Տիգրան"];
    const rows = secretary.getByTestId("attendance-form").locator("tr");
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      const name = (await row.locator("th").textContent()) ?? "";
      await row.locator("select").selectOption(present.some((p) => name.includes(p)) ? "PRESENT" : "ABSENT");
    }
    await secretary.getByTestId("attendance-save").click();
    await expect.poll(() => secretary.getByTestId("meeting-quorum").getAttribute("data-met")).toBe("yes");

    // The decisions taken at the meeting, one form per draft.
    for (let i = 0; i < 2; i++) {
      const form = secretary.getByTestId("meeting-decisions").nth(i);
      const selects = form.getByTestId("meeting-decision");
      for (let j = 0; j < (await selects.count()); j++) await selects.nth(j).selectOption("APPROVE");
      await form.getByTestId("meeting-decisions-save").click();
      await expect.poll(() => db().reviewDecision.count({ where: { reviewId: reviews[i]!.id } })).toBe(4);
    }

    // At the due date the secretary closes both reviews: the outcome follows from those decisions.
    // (Not earlier: the demo collegium's chair has no account and so never decides.)
    await letDueDatePass(reviews.map((review) => review.id));
    for (const review of reviews) {
      await secretary.goto(`${running.app.url}/reviews/${review.id}`);
      await secretary.getByTestId("review-close").click();
      await expect.poll(() => secretary.getByTestId("review-outcome").getAttribute("data-outcome")).toBe("ADOPTED");
    }

    // Minutes: started, approved (internal), hashed and downloaded.
    await secretary.goto(running.app.url + meetingPath);
    await secretary.getByTestId("minutes-start").click();
    await expect.poll(() => secretary.getByTestId("minutes-status").getAttribute("data-status")).toBe("DRAFTING");
    await secretary.getByTestId("minutes-approve").click();
    await expect.poll(() => secretary.getByTestId("minutes-status").getAttribute("data-status")).toBe("APPROVED");
    const sha = (await secretary.getByTestId("minutes-sha").textContent())!.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      secretary.waitForEvent("download"),
      secretary.getByTestId("minutes-docx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const meeting = await db().collegiumMeeting.findFirstOrThrow({
      where: { title: "Collegium sitting on two drafts" },
    });
    expect(meeting.minutesSha256).toBe(sha);

    // The phone view of the secretary's meeting page does not scroll sideways.
    const phone = await signIn(running.browser, "gor@mta.example", 390);
    await phone.goto(running.app.url + meetingPath);
    expect(await noSidewaysScroll(phone)).toBe(true);
  }, 150_000);
});
