import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";

/**
 * Security headers: a CSP that runs only our own scripts (Remix's inline ones carry this
 * response's nonce), connects only to our own host's WebSocket, and forbids framing;
 * Referrer-Policy; HSTS everywhere but in development.
 */
let app: RunningApp;
let devApp: RunningApp;

beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which the child inherits: "outside development".
  // One after the other: the first start loads the demo data into this file's database.
  app = await startApp();
  devApp = await startApp({ NODE_ENV: "development" });
});
afterAll(async () => {
  await Promise.all([app?.stop(), devApp?.stop()]);
});

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  it("allow only our own scripts, with a fresh nonce per response carried by every inline script", async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/login", "/rounds"]) {
      const response = await fetch(app.url + path);
      expect(response.status).toBe(200);
      const csp = directives(response.headers.get("Content-Security-Policy")!);
      const scripts = csp.get("script-src")!;
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(scripts.filter((s) => !s.startsWith("'nonce-"))).toEqual(["'self'"]);
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
      expect(nonce).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
      nonces.add(nonce);
      const html = await response.text();
      const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(1);
      for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(csp.get("base-uri")).toEqual(["'self'"]);
    }
    expect(nonces.size).toBe(3);
  });

  it("allow WebSockets to our own host only, forbid framing, and keep referrers on the site", async () => {
    const response = await fetch(app.url + "/");
    const csp = directives(response.headers.get("Content-Security-Policy")!);
    const host = new URL(app.url).host;
    expect(csp.get("connect-src")).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    // On error pages and refusals too.
    const refused = await fetch(app.url + "/login", { method: "POST" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });

  it("send HSTS outside development only", async () => {
    expect((await fetch(app.url + "/")).headers.get("Strict-Transport-Security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect((await fetch(devApp.url + "/")).headers.get("Strict-Transport-Security")).toBeNull();
  });
});
