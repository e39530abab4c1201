import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

const WORDS = {
  en: "This page does not exist",
  ru: "Эта страница не существует",
  ka: "ეს გვერდი არ არსებობს",
  hy: "Այս էջը գոյություն չունի",
} as const;

describe("the page for an unknown path", () => {
  it.each(Object.entries(WORDS))("speaks the reader's language (%s)", async (locale, words) => {
    for (const path of ["/no-such-page", "/drafts/x/y/z/nothing-here"]) {
      const response = await fetch(app.url + path, { headers: { "Accept-Language": `${locale};q=1` } });
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain(`lang="${locale}"`);
      expect(html).toContain(words);
    }
  });

  it("follows the language cookie over the browser's language, and answers a POST with 404 too", async () => {
    const headers = { "Accept-Language": "hy", Cookie: "agora_locale=ka" };
    const page = await fetch(`${app.url}/no-such-page`, { headers });
    expect(await page.text()).toContain(WORDS.ka);
    const post = await fetch(`${app.url}/no-such-page`, {
      method: "POST",
      headers: { ...headers, Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(post.status).toBe(404);
  });
});
