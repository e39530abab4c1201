import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { LOCALE_COOKIE, LOCALES, type Locale } from "~/i18n/config";
import { db } from "~/utils/db.server";
import { appAndBrowserForThisFile } from "../helpers/browser";
import { demoIds, PAGE_FAMILIES, SIGNED_IN_VISITOR, type DemoIds, type PageFamily } from "./page-families";

const running = appAndBrowserForThisFile();

/** The WCAG 2.1 A and AA rules: the level the platform promises in its statement. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["serious", "critical"]);
/**
 * Structure a screen-reader user navigates by, which axe files as moderate best practice: one
 * main landmark, landmarks told apart by their names, headings without skipped levels. The
 * platform promises them, so any violation of these fails too, whatever its impact.
 */
const STRUCTURE_RULES = new Set([
  "landmark-one-main",
  "landmark-no-duplicate-main",
  "landmark-unique",
  "heading-order",
  "page-has-heading-one",
]);

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900, mobile: false },
  { name: "390 px", width: 390, height: 844, mobile: true },
] as const;
/** Small phones: the page is measured here too (no axe run; the layout is what changes). */
const NARROWEST = 360;

/**
 * The full matrix (every family × 4 languages × 2 widths × signed out and in) is about 350
 * axe runs: too slow for every `npm test` on a shared machine. By default each family is
 * checked twice, on a desktop in one language and on a phone in another, the languages
 * turning with the family's row, so that every language meets every width and both sides of
 * the sign-in across the table. A11Y_FULL=1 runs the whole matrix.
 */
const FULL = process.env.A11Y_FULL === "1";

type Visit = { locale: Locale; size: (typeof WIDTHS)[number]; who: string | null };

function visitsOf(family: PageFamily, row: number): Visit[] {
  const whos = family.alsoSignedIn ? [null, SIGNED_IN_VISITOR] : [family.who];
  if (FULL) return LOCALES.flatMap((locale) => WIDTHS.flatMap((size) => whos.map((who) => ({ locale, size, who }))));
  return WIDTHS.map((size, i) => ({
    locale: LOCALES[(row + i * 2) % LOCALES.length]!,
    size,
    who: whos[(row + i) % whos.length]!,
  }));
}

const contexts = new Map<string, BrowserContext>();
afterAll(async () => {
  await Promise.all([...contexts.values()].map((context) => context.close()));
});

async function contextFor({ locale, size, who }: Visit): Promise<BrowserContext> {
  const key = `${locale} ${size.name} ${who ?? "visitor"}`;
  const known = contexts.get(key);
  if (known) return known;
  const context = await running.browser.newContext({
    locale,
    viewport: { width: size.width, height: size.height },
    isMobile: size.mobile,
    hasTouch: size.mobile,
  });
  const url = new URL(running.app.url);
  const cookies: { name: string; value: string; domain: string; path: string }[] = [
    { name: LOCALE_COOKIE, value: locale, domain: url.hostname, path: "/" },
  ];
  if (who) {
    const user = await db().user.findUniqueOrThrow({ where: { email: who } });
    const { token } = await createSession(db(), user.id);
    cookies.push({ name: SESSION_COOKIE, value: token, domain: url.hostname, path: "/" });
  }
  await context.addCookies(cookies);
  contexts.set(key, context);
  return context;
}

/** Loads a page the way a reader sees it: after hydration and the client-only editor. */
async function open(page: Page, path: string) {
  await page.goto(running.app.url + path);
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true", undefined, {
    timeout: 10_000,
  });
  if (/^\/drafts\/(?!new$)[^/]+$/.test(path)) await page.locator(".ProseMirror").waitFor({ timeout: 10_000 });
}

/** What is wrong with one page in one language at one width, in words a failing test prints. */
async function problemsOf(family: PageFamily, path: string, visit: Visit): Promise<string[]> {
  // A signed-in person's saved language wins over the cookie: give them this visit's language.
  if (visit.who) await db().user.update({ where: { email: visit.who }, data: { locale: visit.locale } });
  const page = await (await contextFor(visit)).newPage();
  page.on("pageerror", (error) => running.pageErrors.push(`${path}: ${error.message}`));
  const problems: string[] = [];
  try {
    await open(page, path);
    const title = await page.title();
    if (!title || title.trim() === "Agora") problems.push(`no page title naming the page ("${title}")`);

    const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]).analyze();
    for (const violation of results.violations) {
      const wcag = violation.tags.some((tag) => WCAG_TAGS.includes(tag));
      if (!(wcag && BLOCKING.has(violation.impact ?? "")) && !STRUCTURE_RULES.has(violation.id)) continue;
      const where = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
      problems.push(`axe ${violation.impact} ${violation.id} ×${violation.nodes.length}: ${where.join(", ")}`);
    }

    if (visit.size.mobile) {
      for (const width of [visit.size.width, NARROWEST]) {
        await page.setViewportSize({ width, height: visit.size.height });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        widest.push({ page: family.name, width, scrollWidth });
        if (scrollWidth > width) problems.push(`${scrollWidth} px wide at ${width} px: ${await overflowing(page)}`);
      }
    }
  } finally {
    await page.close();
  }
  return problems.map((problem) => `${visit.locale} ${visit.size.name} ${visit.who ?? "visitor"}: ${problem}`);
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

const widest: { page: string; width: number; scrollWidth: number }[] = [];
afterAll(() => {
  if (!process.env.A11Y_REPORT) return;
  const top = [...widest].sort((a, b) => b.scrollWidth - a.scrollWidth)[0];
  console.log(`widest page: ${JSON.stringify(top)}`);
});

let ids: DemoIds;
beforeAll(async () => {
  ids = await demoIds();
});

describe("every page family, in four languages, signed out and in, on a desktop and a phone", () => {
  PAGE_FAMILIES.forEach((family, row) => {
    it(`${family.name}: a title, no serious or critical axe violation, no sideways scroll`, async () => {
      const path = family.path(ids);
      if (!path) return;
      const problems: string[] = [];
      for (const visit of visitsOf(family, row)) problems.push(...(await problemsOf(family, path, visit)));
      if (process.env.A11Y_REPORT) console.log(`${family.name}\t${JSON.stringify(problems)}`);
      expect(problems).toEqual([]);
    });
  });
});
