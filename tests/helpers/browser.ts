import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { startApp, type RunningApp } from "./app-server";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. The flags keep it from calling home: this machine has no
 * network beyond the package registries, and refused connections slow it down.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (npm test installs it as root: scripts/ensure-test-tools.ts)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/**
 * For a browser test file: the platform started as a child process and Chromium, both
 * ready before the first test and closed after the last.
 */
/**
 * A browser flow signs in several people and waits on live updates: on a shared 2-core
 * machine one run in a few took longer than the 30 s unit-test limit without anything
 * being wrong. The waits inside the flows keep their own, shorter limits.
 */
const BROWSER_FLOW_TIMEOUT_MS = 120_000;

export function appAndBrowserForThisFile(appEnv: Record<string, string> = {}) {
  vi.setConfig({ testTimeout: BROWSER_FLOW_TIMEOUT_MS });
  const handle = {} as { app: RunningApp; browser: Browser; pageErrors: string[] };
  handle.pageErrors = [];
  beforeAll(async () => {
    [handle.app, handle.browser] = await Promise.all([startApp(appEnv, { collab: "separate" }), launchBrowser()]);
  });
  // Any uncaught error in a page (a hydration mismatch included) fails the test that caused it.
  afterEach(() => {
    const errors = handle.pageErrors.splice(0);
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.app?.stop();
  });
  return handle;
}

export type BrowserHandle = ReturnType<typeof appAndBrowserForThisFile>;

/** A new browser context signed in as a demo user, with page errors recorded. */
export async function signedInPage(running: BrowserHandle, email: string, locale = "en-GB"): Promise<Page> {
  const context = await running.browser.newContext({ locale });
  const page = await context.newPage();
  page.on("pageerror", (error) => running.pageErrors.push(error.message));
  await page.goto(`${running.app.url}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL(`${running.app.url}/`);
  return page;
}

/** Opens a draft and waits until the editor is connected to the collab server. */
export async function openDraft(running: BrowserHandle, page: Page, draftId: string): Promise<void> {
  await page.goto(`${running.app.url}/drafts/${draftId}`);
  // Generous: an emulated phone on a loaded 2-core machine takes a few seconds to hydrate, and
  // with every suite running at once the editor's bundle and first sync once took over 10 s.
  await page.locator(".ProseMirror").waitFor({ timeout: 30_000 });
  await expect
    .poll(() => page.getByTestId("connection-state").getAttribute("data-state"), { timeout: 10_000 })
    .toBe("connected");
}

/**
 * The editor's text as a reader sees it: without other people's caret labels, which the
 * caret extension places inside the text (a name there would split the words).
 */
export function editorText(page: Page): Promise<string> {
  return page.locator(".ProseMirror").evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}

/**
 * A `datetime-local` value read in UTC, with seconds. Chromium writes a whole minute without
 * ":00", and Playwright's fill compares what it typed with what the input holds: so a time
 * on the minute must be given without seconds.
 */
export function datetimeLocal(date: Date): string {
  const value = date.toISOString().slice(0, 19);
  return value.endsWith(":00") ? value.slice(0, 16) : value;
}
