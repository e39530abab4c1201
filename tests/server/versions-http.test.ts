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
});
