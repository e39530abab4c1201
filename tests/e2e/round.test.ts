import AxeBuilder from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage, datetimeLocal } from "../helpers/browser";
import { letRoundDeadlinePass } from "../helpers/deadlines";

/** Rounds may be shorter than the usual minimum here, and the scheduler looks at the clock five times a second. */
const running = appAndBrowserForThisFile({ ROUND_MIN_HOURS: "0", ROUND_SCHEDULER_MS: "200" });

/** Long enough for the expert to propose on a busy machine; the flow then lets it pass at once. */
const ROUND_MINUTES = 60;

describe("a consultation round in the browser", () => {
  it(
    "staff open a round, an NGO expert proposes, the deadline passes, staff answer, the public reads the summary",
    async () => {
      const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
      const [staff, expert] = await Promise.all([
        signedInPage(running, "anahit@mta.example"),
        signedInPage(running, "lilit@ucfo.example"),
      ]);

      // Staff: from the draft to its rounds, then a new public round closing in an hour.
      await staff.goto(`${running.app.url}/drafts/${draft.id}`);
      await staff.locator(`a[href="/drafts/${draft.id}/rounds"]`).click();
      await staff.locator('a[href$="/rounds/new"]').click();
      const now = Date.now();
      await staff.locator('input[name="title"]').fill("Հանրային քննարկում — ֆինանսական թափանցիկություն");
      await staff.locator('textarea[name="description"]').fill("Առաջարկներն ընդունվում են ըստ հոդվածների։");
      await staff.locator('input[name="opensAt"]').fill(datetimeLocal(new Date(now - 60_000)));
      await staff.locator('input[name="closesAt"]').fill(datetimeLocal(new Date(now + ROUND_MINUTES * 60_000)));
      await staff.locator('select[name="timeZone"]').selectOption("UTC");
      await staff.getByTestId("round-create").click();
      await staff.waitForURL(/^http:\/\/[^/]+\/rounds\/[^/]+$/);
      const roundPath = new URL(staff.url()).pathname;

      // The NGO expert: the round opens by the clock; propose on article 1 for the Union.
      await expect
        .poll(
          async () => {
            await expert.goto(running.app.url + roundPath);
            return expert.getByTestId("round-status").getAttribute("data-status", { timeout: 1000 });
          },
          { timeout: 10_000 },
        )
        .toBe("OPEN");
      await expert.locator('a[href*="article=lsg-a1"]').click();
      await expert
        .locator('textarea[name="proposedText"]')
        .fill("12-րդ կետում «եռամսյակային» բառը փոխարինել «ամսական» բառով։");
      await expert
        .locator('textarea[name="justification"]')
        .fill("Բնակիչները պետք է տեսնեն բյուջեի կատարումը ամեն ամիս։");
      const ucfo = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
      await expert.locator('select[name="onBehalfOf"]').selectOption(ucfo.id);
      await expert.locator('#proposal-form button[type="submit"]').click();
      await expect.poll(() => expert.getByTestId("own-proposal").count()).toBe(1);
      expect(await expert.getByTestId("count-lsg-a1").textContent()).toContain("1");

      // The deadline passes (now, rather than waited for); the scheduler closes the round and
      // the form is gone.
      const round = await db().consultationRound.findFirstOrThrow({ where: { id: roundPath.split("/").pop() } });
      await letRoundDeadlinePass(round.id);
      await expect
        .poll(async () => (await db().consultationRound.findUniqueOrThrow({ where: { id: round.id } })).status, {
          timeout: 15_000,
          interval: 200,
        })
        .toBe("CLOSED");
      await expert.reload();
      expect(await expert.locator("#proposal-form").count()).toBe(0);

      // Staff filter the unanswered ones, tick the proposal and answer the selection at once
      // (a background job: its progress is announced, the page follows it), then publish.
      await staff.goto(`${running.app.url}${roundPath}/answers`);
      await staff.locator('form[role="search"] select[name="status"]').selectOption("unanswered");
      await staff.locator('form[role="search"] button[type="submit"]').click();
      await staff.waitForURL(/status=unanswered/);
      // The filters, checkboxes and bulk form of a closed round (the matrix sees an answered one).
      const axe = await new AxeBuilder({ page: staff })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      await staff.getByTestId("proposal-to-answer").locator('input[name="selected"]').check();
      const bulk = staff.locator("form#bulk-answer");
      await bulk.locator('select[name="decision"]').selectOption("PARTIALLY_ACCEPTED");
      await bulk.locator('textarea[name="answer"]').fill("Հրապարակումը կլինի ամսական, բայց միայն խոշոր համայնքներում։");
      await bulk.locator('button[name="intent"][value="bulkAnswer"]').click();
      await expect.poll(() => staff.getByTestId("bulk-progress").locator("progress").getAttribute("value")).toBe("1");
      // The publish button is enabled once the page's counts show every proposal answered.
      await staff.locator('input[name="intent"][value="publish"] + button').click();
      await expect
        .poll(async () => (await db().consultationRound.findUniqueOrThrow({ where: { id: round.id } })).status)
        .toBe("ANSWERED");

      // Anyone, signed out, reads the summary table.
      const visitor = await (await running.browser.newContext({ locale: "en-GB" })).newPage();
      await visitor.goto(`${running.app.url}${roundPath}/summary`);
      const table = visitor.getByTestId("summary-table");
      await expect.poll(() => table.textContent()).toContain("«ամսական» բառով");
      expect(await table.textContent()).toContain("միայն խոշոր համայնքներում");
      expect(await table.textContent()).toContain("Partially accepted");
      expect(await visitor.locator("body").textContent()).not.toContain("lilit@ucfo.example");
    },
    2 * 60_000,
  );
});
