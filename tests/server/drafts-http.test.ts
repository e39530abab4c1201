import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { createTranslate } from "~/i18n/translate";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const sessions = demoSessions(() => app);
const { as, post } = sessions;

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const get = (path: string, email: string) => sessions.get(path, email, { "Accept-Language": "en" });

const lawDraft = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });

describe("draft pages and actions", () => {
  it("shows a draft to its owner and partners, and hides it (404) from everyone else", async () => {
    const draft = await lawDraft();
    expect((await get(`/drafts/${draft.id}`, "gor@mta.example")).status).toBe(200);
    expect((await get(`/drafts/${draft.id}`, "lilit@ucfo.example")).status).toBe(200);
    const hidden = await get(`/drafts/${draft.id}`, "nino@zugdidi.example");
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).not.toContain("Local Self-Government");
    const list = await (await get("/drafts", "nino@zugdidi.example")).text();
    expect(list).not.toContain("Local Self-Government");
    expect(await (await get("/drafts", "lilit@ucfo.example")).text()).toContain("Local Self-Government");
  });

  it("lets only the owner's staff change status or sharing", async () => {
    const draft = await lawDraft();
    const refused = await post(`/drafts/${draft.id}`, "armen@ucfo.example", { status: "WITHDRAWN" });
    expect(refused.status).toBe(403);
    expect((await get(`/drafts/${draft.id}/sharing`, "armen@ucfo.example")).status).toBe(403);
    const zugdidi = await db().organization.findUniqueOrThrow({ where: { slug: "zugdidi" } });
    const forged = await post(`/drafts/${draft.id}/sharing`, "lilit@ucfo.example", {
      intent: "grant",
      target: "organization",
      organizationId: zugdidi.id,
      level: "EDIT",
    });
    expect(forged.status).toBe(403);
    expect(await db().draftAccess.count({ where: { draftId: draft.id, organizationId: zugdidi.id } })).toBe(0);
    expect((await db().draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFTING");
    // A status that follows an event (here adoption) is refused even to the owner's admin.
    const skipped = await post(`/drafts/${draft.id}`, "anahit@mta.example", { status: "ADOPTED" });
    expect(skipped.status).toBe(403);
  });

  it("lists on the sharing page every grant with the organization or person it reaches", async () => {
    const draft = await lawDraft();
    const grants = await db().draftAccess.findMany({
      where: { draftId: draft.id },
      include: { organization: true, user: true },
    });
    expect(grants.length).toBeGreaterThan(0);
    const page = await get(`/drafts/${draft.id}/sharing`, "anahit@mta.example");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.split('data-testid="grant-row"').length - 1).toBe(grants.length);
    for (const grant of grants) expect(html).toContain(grant.organization?.nameEn ?? grant.user!.name);
  });

  it("lets the owner's staff correct titles and kind, validated and audited; partners cannot", async () => {
    const draft = await lawDraft();
    const fields = {
      titleHy: draft.titleHy ?? "",
      titleRu: "",
      titleEn: "Amendments to the Law On Local Self-Government (corrected)",
      kind: "LAW_AMENDMENT",
    };
    expect((await post(`/drafts/${draft.id}/edit`, "lilit@ucfo.example", fields)).status).toBe(403);
    expect((await post(`/drafts/${draft.id}/edit`, "nino@zugdidi.example", fields)).status).toBe(404);
    const empty = await post(`/drafts/${draft.id}/edit`, "gor@mta.example", { kind: "LAW_AMENDMENT" });
    expect(empty.status).toBe(400);
    const saved = await post(`/drafts/${draft.id}/edit`, "gor@mta.example", fields);
    expect(saved.status).toBe(302);
    const after = await db().draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect([after.titleRu, after.titleEn, after.kind]).toEqual([null, fields.titleEn, "LAW_AMENDMENT"]);
    expect(await db().auditEvent.count({ where: { objectId: draft.id, action: "draft.update" } })).toBe(1);
  });

  it("refuses draft creation to an NGO and validates the form for ministry staff", async () => {
    expect((await get("/drafts/new", "lilit@ucfo.example")).status).toBe(403);
    const body = new FormData();
    body.set("kind", "LAW");
    body.set("ownerOrganizationId", (await db().organization.findUniqueOrThrow({ where: { slug: "mta" } })).id);
    body.set("initialContent", "template");
    body.set("textLanguage", "hy");
    const response = await fetch(`${app.url}/drafts/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: await as("gor@mta.example"), Origin: app.origin, "Accept-Language": "en" },
      body,
    });
    expect(response.status).toBe(400);
    // Gor chose Armenian: the message comes in Armenian, next to the first title field.
    const html = await response.text();
    expect(html).toContain(createTranslate(DICTIONARIES.hy)("errors.titleRequired"));
    expect(html).toMatch(/name="titleHy"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="titleHy"/);
    // Creating a draft for someone else's organization is refused.
    const other = new FormData();
    other.set("titleEn", "Forged");
    other.set("kind", "LAW");
    other.set("textLanguage", "en");
    other.set("ownerOrganizationId", (await db().organization.findUniqueOrThrow({ where: { slug: "zugdidi" } })).id);
    const forged = await fetch(`${app.url}/drafts/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: await as("gor@mta.example"), Origin: app.origin },
      body: other,
    });
    expect(forged.status).toBe(403);
    expect(await db().draft.count({ where: { titleEn: "Forged" } })).toBe(0);
  });

  it("creates a draft from an uploaded Markdown file", async () => {
    const body = new FormData();
    body.set("titleRu", "Типовое положение о совете");
    body.set("kind", "MODEL_REGULATION");
    body.set("ownerOrganizationId", (await db().organization.findUniqueOrThrow({ where: { slug: "mta" } })).id);
    body.set("initialContent", "import");
    body.set("textLanguage", "hy");
    body.set("file", new Blob(["# Общие положения\n## Статус совета\nСовет является ..."]), "council.md");
    const response = await fetch(`${app.url}/drafts/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: await as("anahit@mta.example"), Origin: app.origin },
      body,
    });
    expect(response.status).toBe(302);
    const id = response.headers.get("Location")!.split("/").pop()!;
    const snapshot = await db().documentSnapshot.findUniqueOrThrow({ where: { documentId: id } });
    expect(snapshot.plainText).toContain("Статус совета");
  });
});
