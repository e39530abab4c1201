import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { recordDecision, sendForReview } from "~/models/collegium/reviews.server";
import { initializeDocument } from "~/models/documents/document-log.server";
import { createVersion } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile, signedInPage } from "../helpers/browser";

const running = appAndBrowserForThisFile();

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function person(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { ...user, sessionId: "test", actor: await loadActor(user) } as unknown as CurrentUser;
}

/** The page never scrolls sideways at this width. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * A review of a fresh ministry draft by a small collegium whose three members all have
 * accounts (the demo collegium's chair has none, so it can never be complete early), with
 * every decision recorded: the secretary may close it before its due date.
 */
async function reviewEveryoneDecided(label: string) {
  const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
  const body = await db().collegiumBody.create({ data: { organizationId: mta.id, nameEn: `Collegium ${label}` } });
  const seats = [
    ["gor@mta.example", "SECRETARY"],
    ["armen@ucfo.example", "MEMBER"],
    ["karen@aca.example", "MEMBER"],
  ] as const;
  for (const [email, role] of seats) {
    const user = await person(email);
    await db().collegiumMembership.create({
      data: { bodyId: body.id, userId: user.id, personName: user.name, role, termStart: new Date(0) },
    });
  }
  const draft = await db().draft.create({
    data: { kind: "LAW", ownerOrganizationId: mta.id, titleEn: `On financial equalization (${label})` },
  });
  await initializeDocument(
    draft.id,
    jsonToYUpdate({ type: "doc", content: [article("a1", "Equalization", paragraph("Grants are equalized."))] }),
  );
  const anahit = await person("anahit@mta.example");
  const version = await createVersion(anahit.id, draft.id, "Final");
  const review = await sendForReview(anahit, draft.id, {
    bodyId: body.id,
    versionId: version.id,
    dueAt: new Date(Date.now() + 7 * 86_400_000),
    note: "",
  });
  for (const [email] of seats) {
    await recordDecision(await person(email), review.id, { decision: "APPROVE", remarks: "" });
  }
  return review;
}

describe("the work queue in the browser", () => {
  for (const viewport of VIEWPORTS) {
    it(`leads a partner to the draft shared with her organization (${viewport.name})`, async () => {
      const shared = await db().draftAccess.findFirstOrThrow({
        where: { organization: { slug: "ucfo" }, level: "EDIT" },
        select: { draftId: true },
      });
      const lilit = await signedInPage(running, "lilit@ucfo.example");
      await lilit.setViewportSize({ width: viewport.width, height: viewport.height });
      await lilit.goto(`${running.app.url}/`);
      const drafts = lilit.getByTestId("queue-drafts");
      await drafts.waitFor();
      expect(Number(await lilit.getByTestId("queue-drafts-count").textContent())).toBeGreaterThan(0);
      expect(await fitsWidth(lilit)).toBe(true);
      await drafts.locator(`a[href="/drafts/${shared.draftId}"]`).click();
      await lilit.waitForURL(`${running.app.url}/drafts/${shared.draftId}`);
      await lilit.context().close();
    });

    it(`lets the secretary close a review early once everyone has decided (${viewport.name})`, async () => {
      const review = await reviewEveryoneDecided(viewport.name);
      const gor = await signedInPage(running, "gor@mta.example");
      await gor.setViewportSize({ width: viewport.width, height: viewport.height });
      await gor.goto(`${running.app.url}/reviews/${review.id}`);
      await gor.getByTestId("review-progress").waitFor();
      expect(await gor.getByTestId("review-waiting").count()).toBe(0);
      expect(await gor.getByTestId("review-tally-so-far").count()).toBe(1);
      expect(await fitsWidth(gor)).toBe(true);
      await gor.getByTestId("review-close").click();
      await expect
        .poll(() => gor.getByTestId("review-status").getAttribute("data-status"), { timeout: 10_000 })
        .toBe("CLOSED");
      expect(await gor.getByTestId("review-outcome").getAttribute("data-outcome")).toBe("ADOPTED");
      await gor.context().close();
    });
  }
});
