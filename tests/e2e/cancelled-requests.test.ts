import { describe, expect, it } from "vitest";
import { appAndBrowserForThisFile } from "../helpers/browser";

const running = appAndBrowserForThisFile();

describe("requests the router cancels", () => {
  it("a cancelled request is not reported as an error, any other unhandled rejection still is", async () => {
    const context = await running.browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const reported: string[] = [];
    page.on("pageerror", (error) => reported.push(error.message));
    await page.goto(running.app.url);
    await page.locator('html[data-hydrated="true"]').waitFor({ state: "attached" });

    // What the framework leaves behind when a newer navigation supersedes a request.
    await page.evaluate(() => {
      const controller = new AbortController();
      controller.abort();
      void fetch("/healthz", { signal: controller.signal });
    });
    // A real fault that nobody handled.
    await page.evaluate(() => void Promise.reject(new Error("a fault nobody handled")));
    await expect.poll(() => reported).toEqual(["a fault nobody handled"]);
    await context.close();
  });
});
