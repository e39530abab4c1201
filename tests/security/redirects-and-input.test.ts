import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { createPrivateWorld } from "./private-world";

/**
 * Security table, row 14: open redirects through `redirectTo`, path traversal in export file
 * names, SQL-like input in search and filter parameters.
 */
let app: RunningApp;
const { get } = demoSessions(() => app);
const MARKER = "SQLMARKER";

beforeAll(async () => {
  app = await startApp();
  await createPrivateWorld(MARKER);
});
afterAll(async () => {
  await app?.stop();
});

const HOSTILE_TARGETS = [
  "https://evil.example/",
  "//evil.example/",
  "/\\evil.example/",
  "\\\\evil.example/",
  "/\t/evil.example/",
  "/\n/evil.example/",
  " //evil.example/",
  "javascript:alert(1)",
  "http:evil.example",
  "/%2F%2Fevil.example",
];

/** Where a browser would go from a Location header on our site. */
const landing = (location: string) => new URL(location.replace(/[\t\n\r]/g, ""), "http://agora.test/");

describe("redirects", () => {
  it("after login never leave the site, whatever redirectTo says", async () => {
    let i = 0;
    for (const target of HOSTILE_TARGETS) {
      const response = await fetch(`${app.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: app.origin,
          "X-Forwarded-For": `10.240.0.${++i}`,
        },
        body: form({ email: "claire@aimf.example", password: DEMO_PASSWORD, redirectTo: target }),
      });
      expect(response.status, target).toBe(302);
      const location = response.headers.get("Location")!;
      expect(landing(location).host, `${JSON.stringify(target)} -> ${location}`).toBe("agora.test");
      expect(location, JSON.stringify(target)).toMatch(/^\/(?![/\\])/);
    }
  });

  it("after choosing a language never leave the site either", async () => {
    for (const target of HOSTILE_TARGETS) {
      const response = await fetch(`${app.url}/locale`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.origin },
        body: form({ locale: "en", redirectTo: target }),
      });
      const location = response.headers.get("Location")!;
      expect(landing(location).host, `${JSON.stringify(target)} -> ${location}`).toBe("agora.test");
    }
  });

  it("keep a legitimate path, query included", async () => {
    const response = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: app.origin,
        "X-Forwarded-For": "10.241.0.1",
      },
      body: form({ email: "claire@aimf.example", password: DEMO_PASSWORD, redirectTo: "/rounds?page=2" }),
    });
    expect(response.headers.get("Location")).toBe("/rounds?page=2");
  });
});

describe("export file names", () => {
  it("are ASCII names built from ids (the readable name only percent-encoded beside), and traversal in the URL finds nothing", async () => {
    const round = await db().consultationRound.findFirstOrThrow({ where: { status: "ANSWERED" } });
    for (const path of [
      `/rounds/${round.id}/summary.csv`,
      `/rounds/${round.id}/summary.docx`,
      `/rounds/${round.id}/text`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const disposition = response.headers.get("Content-Disposition")!;
      expect(disposition, path).toMatch(
        /^attachment; filename="[a-z]+-[a-z0-9]+\.(csv|docx|txt)"(; filename\*=UTF-8''[A-Za-z0-9%._~-]+)?$/,
      );
      await response.arrayBuffer();
    }
    for (const id of [
      "..%2F..%2Fetc%2Fpasswd",
      "..%5C..%5Cwindows",
      "%2e%2e",
      `${round.id}%00`,
      `${round.id}%0d%0aX-Evil:1`,
    ]) {
      for (const suffix of ["summary.csv", "summary.docx", "text"]) {
        const response = await get(`/rounds/${id}/${suffix}`, "anahit@mta.example");
        expect([400, 404], `${id}/${suffix}`).toContain(response.status);
        expect(response.headers.get("Content-Disposition")).toBeNull();
        expect(response.headers.get("X-Evil")).toBeNull();
        await response.arrayBuffer();
      }
    }
  });
});

describe("SQL-like input in search and filter parameters", () => {
  const INPUTS = [
    "' OR '1'='1",
    '\'; DROP TABLE "Draft"; --',
    "%",
    "_",
    "\\",
    '" OR ""="',
    "1 UNION SELECT * FROM Session",
  ];

  it("is harmless: pages answer normally, nothing private shows, and every table is still there", async () => {
    const drafts = await db().draft.count();
    for (const input of INPUTS) {
      for (const path of ["/drafts", "/orgs", "/rounds", "/reviews", "/notifications", "/admin/users"]) {
        for (const name of ["q", "status", "kind", "page", "sort", "org"]) {
          const url = `${path}?${new URLSearchParams({ [name]: input })}`;
          const response = await get(url, "lilit@ucfo.example");
          expect(response.status, url).toBeLessThan(500);
          expect((await response.text()).includes(MARKER), url).toBe(false);
        }
      }
    }
    expect(await db().draft.count()).toBe(drafts);
    expect(await db().session.count()).toBeGreaterThan(0);
  }, 120_000);
});
