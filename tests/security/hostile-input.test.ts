import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCALE_COOKIE } from "~/i18n/config";
import { getSnapshotSummary } from "~/models/documents/document-log.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { wordDocumentXml, wordParagraph, writeDocx } from "../helpers/zip";
import { cookieFor, createPrivateWorld, urlInPrivateWorld, type PrivateWorld } from "./private-world";
import { routeModules, type RouteModule } from "./route-list";

/**
 * Row 14: whatever arrives (a body that is not a form, a broken multipart, a huge field,
 * absurd search parameters, a mangled cookie), every route answers with a clear 4xx or a
 * normal page, never a 500. The routes are read from app/routes, so a new one is covered.
 */
let app: RunningApp;
let world: PrivateWorld;
let owner: string;

beforeAll(async () => {
  app = await startApp();
  world = await createPrivateWorld("HOSTILE");
  owner = await cookieFor(world.owner.id);
});
afterAll(async () => {
  await app?.stop();
});

function urlOf(route: RouteModule): string {
  return urlInPrivateWorld(route, world);
}

/** Status of a response, its body read (or an endless event stream cancelled). */
async function settle(response: Response): Promise<number> {
  if (response.headers.get("Content-Type")?.startsWith("text/event-stream")) await response.body?.cancel();
  else await response.arrayBuffer();
  return response.status;
}

/**
 * A POST on a connection of its own, as a browser's form post would be: a route that
 * refuses before reading the body (403 to someone not allowed) leaves the rest of a
 * large body unread, and a kept-alive connection would then reset the next request.
 */
function post(path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ""));
    const req = request(app.url + path, { method: "POST", agent: false, headers: sent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", (error: NodeJS.ErrnoException) =>
      // An early answer may close the socket while the body is still going out: the status came first.
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    req.end(body);
  });
}

const BODIES: { name: string; contentType: string; body: string }[] = [
  { name: "JSON", contentType: "application/json", body: JSON.stringify({ intent: "create", title: "x" }) },
  { name: "broken JSON", contentType: "application/json", body: '{"intent": ' },
  { name: "text/plain", contentType: "text/plain", body: "intent=create\ntitle=x" },
  {
    name: "broken multipart",
    contentType: "multipart/form-data; boundary=XYZ",
    body: '--XYZ\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncreate\r\n--XY',
  },
  { name: "multipart without boundary", contentType: "multipart/form-data", body: "intent=create" },
  { name: "no content type", contentType: "", body: "\u0000\u0001garbage" },
  {
    name: "oversized field",
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ intent: "create", title: "я".repeat(200_000), body: "x".repeat(500_000) }).toString(),
  },
  {
    name: "broken percent-encoding",
    contentType: "application/x-www-form-urlencoded",
    body: "intent=%E0%A4%A&title=%ZZ",
  },
];

describe("every action route with bodies that are not a proper form", () => {
  const actions = routeModules().filter((r) => r.hasAction);
  it("covers the action routes", () => expect(actions.length).toBeGreaterThan(10));
  for (const route of actions) {
    it(`${route.file} answers 4xx or a normal answer, never 5xx`, async () => {
      const failures: string[] = [];
      for (const { name, contentType, body } of BODIES) {
        const status = await post(
          urlOf(route),
          { Cookie: owner, Origin: app.origin, "Content-Type": contentType },
          body,
        );
        if (status >= 500) failures.push(`${name}: ${status}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

const HOSTILE_QUERIES = [
  "page=99999999999999999999",
  "page=-5",
  "page=NaN",
  "page=1e400",
  "page=1&page=2&page[]=3",
  "per_page=99999999999999999999&page=0x10",
  "status=NOPE&kind=%00&organization=%27%20OR%201%3D1",
  "q=" + "%F0%9F%92%A9".repeat(3000),
  "from=nope&to=..%2F..&view=%3Cscript%3E&all=2&show=everything&comments=999",
  "since=-1&cursor=NaN&after=99999999999999999999",
];

describe("every loader with hostile search parameters", () => {
  const loaders = routeModules().filter((r) => r.hasLoader);
  for (const route of loaders) {
    it(`${route.file} never answers 5xx`, async () => {
      const failures: string[] = [];
      for (const query of HOSTILE_QUERIES) {
        for (const cookie of [owner, null]) {
          const response = await fetch(`${app.url}${urlOf(route)}?${query}`, {
            redirect: "manual",
            headers: cookie ? { Cookie: cookie } : {},
          });
          const status = await settle(response);
          if (status >= 500) failures.push(`${query.slice(0, 60)} (${cookie ? "signed in" : "signed out"}): ${status}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

const HOSTILE_COOKIES = [
  "agora_session=%E0%A4%A",
  "agora_session=%",
  `agora_session=${"A".repeat(4000)}`,
  "agora_session=; agora_session=x",
  "agora_session",
  `${LOCALE_COOKIE}=%E0%A4%A`,
  `${LOCALE_COOKIE}=xx-YY; agora_session=%ZZ`,
  `${LOCALE_COOKIE}=${"%".repeat(100)}`,
  "=;=;;;==",
];

describe("every page with malformed cookies", () => {
  const loaders = routeModules().filter((r) => r.hasLoader);
  for (const route of loaders) {
    it(`${route.file} treats a mangled cookie as no cookie`, async () => {
      const failures: string[] = [];
      for (const cookie of HOSTILE_COOKIES) {
        const response = await fetch(app.url + urlOf(route), { redirect: "manual", headers: { Cookie: cookie } });
        const status = await settle(response);
        if (status >= 500) failures.push(`${cookie.slice(0, 40)}: ${status}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("an upload whose file name has ; and = in it", () => {
  it("imports the Word file under its own name instead of failing the multipart parser", async () => {
    const name = "Закон «о бюджете»; ред.=3.docx";
    const body = new FormData();
    body.set("titleEn", "Budget law, edition 3");
    body.set("kind", "LAW");
    body.set("ownerOrganizationId", world.ministry.id);
    body.set("initialContent", "import");
    body.set("textLanguage", "hy");
    body.set(
      "file",
      new Blob([new Uint8Array(writeDocx({ content: wordDocumentXml(wordParagraph("Статья 1. Бюджет")) }))]),
      name,
    );
    const response = await fetch(`${app.url}/drafts/new`, {
      method: "POST",
      redirect: "manual",
      // A session of its own: the bad bodies above went to every action, sign-out included.
      headers: { Cookie: await cookieFor(world.owner.id), Origin: app.origin },
      body,
    });
    expect(response.status).toBe(302);
    const draftId = response.headers.get("Location")!.split("/").pop()!;
    const summary = await getSnapshotSummary(draftId);
    expect(summary, `snapshot of ${response.headers.get("Location")}`).not.toBeNull();
    expect(summary?.plainText).toContain("Бюджет");
  });
});
