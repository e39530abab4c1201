import type { Page, WebSocketRoute } from "playwright-core";
import { describe, expect, it } from "vitest";
import { yDocToJSON } from "~/editor/yjs-document";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { formatNumber } from "~/i18n/format";
import { createTranslate } from "~/i18n/translate";
import { loadDocument } from "~/models/documents/document-log.server";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { startApp } from "../helpers/app-server";
import { appAndBrowserForThisFile, editorText, openDraft as open, signedInPage as signIn } from "../helpers/browser";

const running = appAndBrowserForThisFile();
const signedInPage = (email: string) => signIn(running, email);
const draftUrl = (draftId: string) => `${running.app.url}/drafts/${draftId}`;

// The demo people below read the platform in Armenian.
/** Waits in the browser flows: generous, because a shared 2-core machine is sometimes slow (no timing is asserted). */
const BUSY_MACHINE_MS = 10_000;

const hy = createTranslate(DICTIONARIES.hy);
const keptOnDevice = (count: number) =>
  hy(count === 1 ? "offlineEditing.keptOne" : "offlineEditing.keptMany", { count: formatNumber("hy", count) });

async function localDraft() {
  return db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
}

async function storedText(draftId: string): Promise<string> {
  const { doc } = await loadDocument(draftId);
  return JSON.stringify(yDocToJSON(doc));
}

async function typeInArticle(page: Page, articleId: string, text: string) {
  await page.locator(`section[data-id="${articleId}"] p`).last().click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/**
 * The collab WebSocket passes through Playwright, so a test can cut it (the open socket
 * closes, new ones are refused) while the web pages still load: the network between this
 * tab and the collab server is down, nothing else.
 */
async function cuttableCollab(page: Page) {
  let cut = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/collab/, (socket) => {
    if (cut) return socket.close();
    socket.connectToServer();
    open.push(socket);
  });
  return {
    cut: async () => {
      cut = true;
      await Promise.all(open.splice(0).map((socket) => socket.close()));
    },
    restore: () => {
      cut = false;
    },
  };
}

/** Names of this page's IndexedDB databases that hold local draft copies. */
function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? "")
      .filter((name) => name.startsWith("agora.draft.")),
  );
}

/**
 * Updates the device holds for this page's drafts (y-indexeddb keeps one record per update
 * in its "updates" store until it compacts): what a reload can bring back.
 */
function updatesOnDevice(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let total = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith("agora.draft.")) continue;
      total += await new Promise<number>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          const counting = database.transaction("updates", "readonly").objectStore("updates").count();
          counting.onsuccess = () => {
            database.close();
            resolve(counting.result);
          };
          counting.onerror = () => reject(counting.error);
        };
      });
    }
    return total;
  });
}

const unsent = async (page: Page) => Number(await page.getByTestId("saved-state").getAttribute("data-unsent"));

/** Accepts "leave this page?" and remembers that it was asked. */
function recordLeaveWarnings(page: Page): string[] {
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  return asked;
}

describe("typing while the collab server cannot be reached", () => {
  it("keeps the text through a reload, says so with a count, warns before leaving, and stores it once back", async () => {
    const draft = await localDraft();
    const page = await signedInPage("anahit@mta.example");
    const collab = await cuttableCollab(page);
    const asked = recordLeaveWarnings(page);
    await open(running, page, draft.id);

    await collab.cut();
    await expect
      .poll(() => page.getByTestId("connection-state").getAttribute("data-state"), { timeout: BUSY_MACHINE_MS })
      .not.toBe("connected");
    const sentence = " Typed while the line was down.";
    await typeInArticle(page, "lsg-a3", sentence);
    await expect.poll(() => unsent(page), { timeout: BUSY_MACHINE_MS }).toBeGreaterThan(0);
    const count = await unsent(page);
    // Not "Saving…": nothing can be saving without a connection.
    expect(await page.getByTestId("saved-state").textContent()).toBe(keptOnDevice(count));
    expect(await page.getByTestId("saved-state").textContent()).not.toBe(hy("editor.saving"));

    // Leaving is confirmed first; the reload goes ahead once accepted.
    await page.reload();
    expect(asked).toContain("beforeunload");

    // Still cut off: the text comes back from this device, with the same count.
    await page.locator(".ProseMirror").waitFor();
    await expect.poll(() => editorText(page), { timeout: BUSY_MACHINE_MS }).toContain(sentence.trim());
    await expect.poll(() => unsent(page), { timeout: BUSY_MACHINE_MS }).toBe(count);
    expect(await page.getByTestId("saved-state").textContent()).toBe(keptOnDevice(count));
    expect(await storedText(draft.id)).not.toContain(sentence.trim());

    collab.restore();
    await expect
      .poll(() => page.getByTestId("connection-state").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("connected");
    await expect
      .poll(() => page.getByTestId("saved-state").getAttribute("data-saved"), { timeout: 20_000 })
      .toBe("true");
    expect(await page.getByTestId("saved-state").textContent()).toBe(hy("editor.allSaved"));
    expect(await storedText(draft.id)).toContain(sentence.trim());
    // Nothing unsent: leaving is no longer questioned.
    asked.length = 0;
    await page.reload();
    expect(asked).toEqual([]);
    await page.context().close();
  });

  it("a commenter's view keeps nothing on the device", async () => {
    const draft = await localDraft();
    const page = await signedInPage("karen@aca.example");
    await open(running, page, draft.id);
    expect(await page.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
    expect(await localCopies(page)).toEqual([]);
    await page.context().close();
  });

  it("on a shared browser another account never sees the first one's unsent text, and signing out removes it", async () => {
    const draft = await localDraft();
    const first = await signedInPage("anahit@mta.example");
    const context = first.context();
    const collab = await cuttableCollab(first);
    recordLeaveWarnings(first);
    await open(running, first, draft.id);
    await collab.cut();
    await expect
      .poll(() => first.getByTestId("connection-state").getAttribute("data-state"), { timeout: BUSY_MACHINE_MS })
      .not.toBe("connected");
    const secret = " Unsent words of the first account.";
    await typeInArticle(first, "lsg-a2", secret);
    await expect.poll(() => unsent(first), { timeout: BUSY_MACHINE_MS }).toBeGreaterThan(0);
    await first.close();

    // The next person signs in on the same browser (same storage; the first one never signed
    // out, the session just ended), the collab line still cut.
    await context.clearCookies();
    const second = await context.newPage();
    second.on("pageerror", (error) => running.pageErrors.push(error.message));
    await (await cuttableCollab(second)).cut();
    await second.goto(`${running.app.url}/login`);
    await second.locator('input[name="email"]').fill("gor@mta.example");
    await second.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await second.locator('main button[type="submit"]').click();
    await second.waitForURL(`${running.app.url}/`);
    await second.goto(draftUrl(draft.id));
    // With nothing of its own on this device and no server, it waits for the server.
    await expect.poll(() => second.getByTestId("draft-editor-waiting").count(), { timeout: BUSY_MACHINE_MS }).toBe(1);
    expect(await second.locator(".ProseMirror").count()).toBe(0);
    expect(await second.content()).not.toContain(secret.trim());
    // Each account has a copy of its own (the second one's is still empty).
    const [firstUser, secondUser] = await Promise.all(
      ["anahit@mta.example", "gor@mta.example"].map((email) => db().user.findUniqueOrThrow({ where: { email } })),
    );
    expect((await localCopies(second)).sort()).toEqual(
      [`agora.draft.${draft.id}.user.${firstUser!.id}`, `agora.draft.${draft.id}.user.${secondUser!.id}`].sort(),
    );

    // Signing out (here the second account) removes that account's copies only...
    await second.getByTestId("user-menu").click();
    await second.locator('form[action="/logout"] button').click();
    await second.waitForURL(`${running.app.url}/`);
    await expect
      .poll(() => localCopies(second), { timeout: BUSY_MACHINE_MS })
      .toEqual([`agora.draft.${draft.id}.user.${firstUser!.id}`]);
    await second.close();

    // ...and the first account's sign-out removes its own.
    const third = await context.newPage();
    third.on("pageerror", (error) => running.pageErrors.push(error.message));
    await third.goto(`${running.app.url}/login`);
    await third.locator('input[name="email"]').fill("anahit@mta.example");
    await third.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await third.locator('main button[type="submit"]').click();
    await third.waitForURL(`${running.app.url}/`);
    await third.getByTestId("user-menu").click();
    await third.locator('form[action="/logout"] button').click();
    await third.waitForURL(`${running.app.url}/`);
    await expect.poll(() => localCopies(third), { timeout: BUSY_MACHINE_MS }).toEqual([]);
    await context.close();
  });

  it("the whole server down: type, the reload fails, the server comes back on its port, the text is there and stored", async () => {
    const draft = await localDraft();
    const page = await signedInPage("anahit@mta.example");
    const asked = recordLeaveWarnings(page);
    await open(running, page, draft.id);
    const port = new URL(running.app.url).port;

    await running.app.stop();
    await expect
      .poll(() => page.getByTestId("connection-state").getAttribute("data-state"), { timeout: BUSY_MACHINE_MS })
      .not.toBe("connected");
    const sentence = " Written while the platform was down.";
    const before = await updatesOnDevice(page);
    await typeInArticle(page, "lsg-a1", sentence);
    await expect.poll(() => unsent(page), { timeout: BUSY_MACHINE_MS }).toBeGreaterThan(0);
    // A person reloads after the last keystroke has reached the device (IndexedDB commits
    // asynchronously; on a busy machine the last few could still be in flight at once).
    await expect
      .poll(() => updatesOnDevice(page), { timeout: BUSY_MACHINE_MS })
      .toBeGreaterThanOrEqual(before + sentence.length);
    expect(await page.getByTestId("saved-state").textContent()).toBe(keptOnDevice(await unsent(page)));

    // The reload cannot load anything: the tab's memory is gone, only the device keeps the text.
    await expect(page.reload()).rejects.toThrow();
    expect(asked).toContain("beforeunload");

    running.app = await startApp({ PORT: port }, { collab: "separate" });
    await page.goto(draftUrl(draft.id));
    await page.locator(".ProseMirror").waitFor();
    await expect.poll(() => editorText(page), { timeout: BUSY_MACHINE_MS }).toContain(sentence.trim());
    await expect
      .poll(() => page.getByTestId("saved-state").getAttribute("data-saved"), { timeout: 20_000 })
      .toBe("true");
    expect(await storedText(draft.id)).toContain(sentence.trim());
    await page.context().close();
  });
});
