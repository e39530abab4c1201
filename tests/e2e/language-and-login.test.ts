import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { appAndBrowserForThisFile } from "../helpers/browser";

const running = appAndBrowserForThisFile();

describe("a partner expert in Georgian", () => {
  it("switches the language to Georgian, signs in and sees their organization", async () => {
    const context = await running.browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    page.on("pageerror", (error) => running.pageErrors.push(error.message));
    await page.goto(running.app.url);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByTestId("language-switcher").selectOption("ka");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("ka");

    await page.goto(`${running.app.url}/login`);
    await page.locator('input[name="email"]').fill("lilit@ucfo.example");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form[method="post"] button[type="submit"]').last().click();

    const organizations = page.getByTestId("my-organizations");
    await organizations.waitFor();
    // The organization's Georgian name, and the page still in Georgian after signing in.
    await expect.poll(() => organizations.textContent()).toContain("თემების ფინანსისტთა კავშირი");
    expect(await page.locator("html").getAttribute("lang")).toBe("ka");
    await context.close();
  });

  it("shows a wrong password next to the form, in the chosen language", async () => {
    const context = await running.browser.newContext({ locale: "ru-RU" });
    const page = await context.newPage();
    page.on("pageerror", (error) => running.pageErrors.push(error.message));
    await page.goto(`${running.app.url}/login`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    await page.locator('input[name="email"]').fill("nino@zugdidi.example");
    await page.locator('input[name="password"]').fill("not the password");
    await page.locator('form[method="post"] button[type="submit"]').last().click();
    const alert = page.locator(".form-error");
    await alert.waitFor();
    expect(await alert.textContent()).not.toBe("login.invalid");
    expect(page.url()).toContain("/login");
    await context.close();
  });
});
