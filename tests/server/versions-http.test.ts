import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { as } = demoSessions(() => app);
let draftId: string;

beforeAll(async () => {
  app = await startApp();
  draftId = (await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } })).id;
});
afterAll(async () => {
  await app?.stop();
});

const freeze = async (email: string, name: string) =>
  fetch(`${app.url}/drafts/${draftId}/versions`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: await as(email), Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: form({ name }),
  });

describe("version pages", () => {
  it("let the owner freeze a version that partners can read and verify, and nobody else see", async () => {
    expect((await freeze("armen@ucfo.example", "partner's attempt")).status).toBe(403);
    expect((await freeze("anahit@mta.example", "")).status).toBe(400);
    const created = await freeze("anahit@mta.example", "For public consultation");
    expect(created.status).toBe(302);
    const path = created.headers.get("Location")!;

    const page = await fetch(app.url + path, { headers: { Cookie: await as("karen@aca.example") } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Օրենքի 38-րդ հոդվածում լրացում");
    const text = await fetch(`${app.url}${path}/text`, { headers: { Cookie: await as("karen@aca.example") } });
    const body = await text.text();
    const hash = createHash("sha256").update(body, "utf8").digest("hex");
    expect(text.headers.get("X-Content-SHA256")).toBe(hash);
    expect(html).toContain(hash);

    expect((await fetch(app.url + path, { headers: { Cookie: await as("nino@zugdidi.example") } })).status).toBe(404);
    expect((await fetch(`${app.url}${path}/text`, { redirect: "manual" })).status).toBe(302);
  });

  it("compare two versions article by article, matched by id, and are refused to outsiders", async () => {
    const first = await freeze("anahit@mta.example", "Before the edit");
    expect(first.status).toBe(302);
    const firstId = first.headers.get("Location")!.split("/").pop()!;
    // The live text loses article lsg-a2 (changed through the database's document log).
    const { loadDocument, appendUpdate } = await import("~/models/documents/document-log.server");
    const Y = await import("yjs");
    const { doc } = await loadDocument(draftId);
    const before = Y.encodeStateVector(doc);
    const fragment = doc.getXmlFragment("default");
    const chapter = fragment
      .toArray()
      .find((n) => n instanceof Y.XmlElement && n.nodeName === "chapter") as InstanceType<typeof Y.XmlElement>;
    const index = chapter.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("id") === "lsg-a2");
    chapter.delete(index, 1);
    await appendUpdate(draftId, Y.encodeStateAsUpdate(doc, before));

    const page = await fetch(`${app.url}/drafts/${draftId}/compare?from=${firstId}&to=live`, {
      headers: { Cookie: await as("karen@aca.example"), "Accept-Language": "en" },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/data-status="removed"/);
    expect(html).toContain("<del>");
    expect(html).not.toContain('data-testid="side-by-side"');
    // The same comparison side by side: the removed article's words in the "before" column only.
    const side = await fetch(`${app.url}/drafts/${draftId}/compare?from=${firstId}&to=live&view=side`, {
      headers: { Cookie: await as("karen@aca.example"), "Accept-Language": "en" },
    });
    const sideHtml = await side.text();
    expect(sideHtml).toContain('data-testid="side-by-side"');
    expect(sideHtml).toMatch(/<div><p class="muted">[^<]+<\/p><p class="redline plain-text" lang="hy"><del>/);
    expect(sideHtml).toMatch(/<div><p class="muted">[^<]+<\/p><\/div>/);
    const outsider = await fetch(`${app.url}/drafts/${draftId}/compare`, {
      headers: { Cookie: await as("nino@zugdidi.example") },
    });
    expect(outsider.status).toBe(404);
  });
});
