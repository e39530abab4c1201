import AxeBuilder from "@axe-core/playwright";
import axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { LOCALE_COOKIE, type Locale } from "~/i18n/config";
import { db } from "~/utils/db.server";
import type { BrowserHandle } from "../helpers/browser";
import { demoIds, PAGE_FAMILIES, SIGNED_IN_VISITOR, type DemoIds, type PageFamily } from "./page-families";

/** The WCAG 2.1 A and AA rules: the level the platform promises in its statement. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
/**
 * Structure a screen-reader user navigates by, which axe files as moderate best practice: one
 * main landmark, landmarks told apart by their names, headings without skipped levels. The
 * platform promises them, so any violation of these fails too, whatever its impact.
 */
const STRUCTURE_RULES = [
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-unique",
  "heading-order",
  "page-has-heading-one",
];

/**
 * Only the rules whose findings can fail the sweep (the WCAG ones and the structure rules
 * above; the other best-practice rules could only be reported and ignored), and only their
 * violations in full. Legacy mode runs axe inside the page itself: the default opens a blank
 * page and loads axe a second time for every run, which was two thirds of a visit's time. It
 * leaves out frames of other origins, which no page of the platform embeds. axe-core itself is
 * loaded by each page as it starts (`AXE_AT_START`, the same source), rather than sent over
 * twice per run: the builder is told that nothing is left to load.
 */
function axeFor(page: Page) {
  return new AxeBuilder({ page, axeSource: AXE_ALREADY_LOADED })
    .options({
      resultTypes: ["violations"],
      rules: Object.fromEntries(STRUCTURE_RULES.map((id) => [id, { enabled: true }])),
    })
    .withTags(WCAG_TAGS)
    .setLegacyMode();
}

const AXE_AT_START = { content: axe.source };
const AXE_ALREADY_LOADED = "void 0";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "390 px", width: 390, height: 844 },
] as const;
/** Small phones: the page is measured here too (no axe run; the layout is what changes). */
const NARROWEST = 360;

/** For the pages a visitor reads, both sides of the sign-in. */
function readersOf(family: PageFamily): (string | null)[] {
  return family.alsoSignedIn ? [null, SIGNED_IN_VISITOR] : [family.who];
}

/**
 * The whole accessibility matrix for one interface language: every page family, signed out
 * and in, on a desktop and a phone. One test file per language (accessibility-*.test.ts), so
 * that the four run side by side on the suite's workers, each with a platform of its own.
 *
 * Each page is loaded once per person and checked at both widths: the platform's layout is
 * CSS alone (width media queries, no script reading the screen's size or touch), so a page
 * narrowed to 390 px is the page a phone loads, and loading it twice was half the sweep's
 * time. Touch and the phone's own browser are the phone flows' job (phone.test.ts).
 */
export function sweepInLanguage(running: BrowserHandle, locale: Locale): void {
  /** One browser context per person, with one page reused from visit to visit. */
  const tabs = new Map<string, { context: BrowserContext; page: Page; path: string }>();
  afterAll(async () => {
    await Promise.all([...tabs.values()].map((tab) => tab.context.close()));
  });

  async function tabFor(who: string | null) {
    const key = who ?? "visitor";
    const known = tabs.get(key);
    if (known) return known;
    const context = await running.browser.newContext({
      locale,
      viewport: { width: WIDTHS[0].width, height: WIDTHS[0].height },
    });
    const url = new URL(running.app.url);
    const cookies: { name: string; value: string; domain: string; path: string }[] = [
      { name: LOCALE_COOKIE, value: locale, domain: url.hostname, path: "/" },
    ];
    if (who) {
      // A signed-in person's saved language wins over the cookie: give them this file's language.
      const user = await db().user.update({ where: { email: who }, data: { locale } });
      const { token } = await createSession(db(), user.id);
      cookies.push({ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/" });
    }
    await context.addCookies(cookies);
    await context.addInitScript(AXE_AT_START);
    const tab = { context, page: await context.newPage(), path: "" };
    tab.page.on("pageerror", (error) => running.pageErrors.push(`${tab.path}: ${error.message}`));
    tabs.set(key, tab);
    return tab;
  }

  /** Loads a page the way a reader sees it: after hydration and the client-only editor. */
  async function open(page: Page, path: string) {
    await page.goto(running.app.url + path);
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", undefined, {
      timeout: 10_000,
    });
    if (/^\/drafts\/(?!new$)[^/]+$/.test(path)) await page.locator(".ProseMirror").waitFor({ timeout: 10_000 });
  }

  /** What axe finds that fails the sweep, in words a failing test prints. */
  async function axeProblems(page: Page): Promise<string[]> {
    const problems: string[] = [];
    const results = await axeFor(page).analyze();
    for (const violation of results.violations) {
      const wcag = violation.tags.some((tag) => WCAG_TAGS.includes(tag));
      if (!(wcag && BLOCKING.has(violation.impact ?? "")) && !STRUCTURE_RULES.includes(violation.id)) continue;
      const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
      problems.push(`axe ${violation.impact} ${violation.id} ×${violation.nodes.length}: ${where.join(", ")}`);
    }
    return problems;
  }

  /** What is wrong with one page for one person, at a desktop's width and then a phone's. */
  async function problemsOf(family: PageFamily, path: string, who: string | null): Promise<string[]> {
    const tab = await tabFor(who);
    const { page } = tab;
    tab.path = path;
    const problems: string[] = [];
    const [desktop, phone] = WIDTHS;
    // The previous visit left the page at the narrowest width.
    await page.setViewportSize({ width: desktop.width, height: desktop.height });
    await open(page, path);
    const title = await page.title();
    if (!title || title.trim() === "Agora")
      problems.push(`${desktop.name}: no page title naming the page ("${title}")`);
    problems.push(...(await axeProblems(page)).map((problem) => `${desktop.name}: ${problem}`));

    await page.setViewportSize({ width: phone.width, height: phone.height });
    problems.push(...(await axeProblems(page)).map((problem) => `${phone.name}: ${problem}`));
    for (const width of [phone.width, NARROWEST]) {
      await page.setViewportSize({ width, height: phone.height });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      widest.push({ page: family.name, width, scrollWidth });
      if (scrollWidth > width) problems.push(`${scrollWidth} px wide at ${width} px: ${await overflowing(page)}`);
    }
    return problems.map((problem) => `${locale} ${who ?? "visitor"} ${problem}`);
  }

  const widest: { page: string; width: number; scrollWidth: number }[] = [];
  afterAll(() => {
    if (!process.env.A11Y_REPORT) return;
    const top = [...widest].sort((a, b) => b.scrollWidth - a.scrollWidth)[0];
    console.log(`widest page (${locale}): ${JSON.stringify(top)}`);
  });

  let ids: DemoIds;
  beforeAll(async () => {
    ids = await demoIds();
  });

  describe(`every page family in ${locale}, signed out and in, on a desktop and a phone`, () => {
    for (const family of PAGE_FAMILIES) {
      it(`${family.name}: a title, no serious or critical axe violation, no sideways scroll`, async () => {
        const path = family.path(ids);
        if (!path) return;
        const problems: string[] = [];
        for (const who of readersOf(family)) problems.push(...(await problemsOf(family, path, who)));
        if (process.env.A11Y_REPORT) console.log(`${family.name}\t${JSON.stringify(problems)}`);
        expect(problems).toEqual([]);
      });
    }
  });
}

/** The innermost elements that reach past the right edge: where to look when a page is too wide. */
function overflowing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const name = (el: Element) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + [...el.classList].map((c) => `.${c}`).join("");
    const past = [...document.body.querySelectorAll("*")].filter((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= edge + 1) return false;
      // Content inside its own scroll box does not widen the page.
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(up).overflowX)) return false;
      }
      return true;
    });
    const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
    return innermost
      .slice(0, 4)
      .map((el) => `${el.parentElement ? name(el.parentElement) + " > " : ""}${name(el)}`)
      .join(", ");
  });
}
