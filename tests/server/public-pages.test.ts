import { createHash } from "node:crypto";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

/**
 * Public pages rendered once for every signed-out visitor: validators, the headers a proxy
 * caches by, and proof that nothing of a signed-in person or a per-request secret is in them.
 */
let app: RunningApp;
const { get, post } = demoSessions(() => app);
const STAFF = "anahit@mta.example";
const STAFF_NAME = "Անահիտ Սարգսյան";
const PARTICIPANT = "lilit@ucfo.example";
/** fetch asks for gzip by default; the identity body is the one the tag is the hash of. */
const IDENTITY = { "Accept-Encoding": "identity" };

beforeAll(async () => {
  app = await startApp({ PUBLIC_PAGE_SECONDS: "60" });
});
afterAll(async () => {
  await app?.stop();
});

const openRound = () => db().consultationRound.findFirstOrThrow({ where: { status: "OPEN", audience: "PUBLIC" } });
const answeredRound = () => db().consultationRound.findFirstOrThrow({ where: { status: "ANSWERED" } });
const publicPaths = async () => {
  const [open, answered] = await Promise.all([openRound(), answeredRound()]);
  return [`/rounds/${open.id}`, `/rounds/${answered.id}/summary`, "/register"];
};

/** Every inline script of the page is allowed by a hash in the policy, and no nonce is used. */
function expectScriptsAllowedByHash(html: string, policy: string) {
  expect(policy).not.toContain("'nonce-");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes, body]) => !/\bsrc=/.test(attributes!) && body!.length > 0,
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).not.toMatch(/nonce="[^"]+"/);
    const hash = createHash("sha256").update(body!, "utf8").digest("base64");
    expect(policy).toContain(`'sha256-${hash}'`);
  }
}

describe("public pages for signed-out visitors", () => {
  it("carry a strong ETag and a Cache-Control a proxy may cache by, and answer 304 to If-None-Match", async () => {
    for (const path of await publicPaths()) {
      const first = await get(path, undefined, IDENTITY);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("ETag")!;
      expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{43}"$/); // strong: no W/
      expect(first.headers.get("Cache-Control")).toMatch(/^public, max-age=0, s-maxage=\d+/);
      expect(first.headers.get("Vary")).toMatch(/Cookie/);
      expect(first.headers.get("Vary")).toMatch(/Accept-Language/);
      const body = await first.text();
      expect(createHash("sha256").update(body).digest("base64url")).toBe(etag.slice(1, -1));

      const again = await get(path, undefined, { ...IDENTITY, "If-None-Match": etag });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("ETag")).toBe(etag);
      // A list of tags, one of them ours, matches too; someone else's does not.
      expect((await get(path, undefined, { ...IDENTITY, "If-None-Match": `"other", ${etag}` })).status).toBe(304);
      expect((await get(path, undefined, { ...IDENTITY, "If-None-Match": '"other"' })).status).toBe(200);

      // The gzip body is another representation: its own strong tag, the same page.
      const zipped = await fetch(app.url + path, { headers: { "Accept-Encoding": "gzip" } });
      expect(zipped.headers.get("ETag")).toBe(`${etag.slice(0, -1)}-gzip"`);
      expect(await zipped.text()).toBe(body); // fetch un-gzips
      const raw = await fetch(app.url + path, { headers: { "Accept-Encoding": "gzip", "If-None-Match": etag } });
      expect(raw.status).toBe(304);
    }
  });

  it("are the same bytes for every visitor and hold no per-request secret, no cookie and no one's name", async () => {
    // A signed-in staff member asks first: nothing of their page may reach the visitors.
    const round = await openRound();
    const path = `/rounds/${round.id}`;
    const staffPage = await get(path, STAFF);
    const staffHtml = await staffPage.text();
    expect(staffHtml).toContain(STAFF_NAME);

    const visitors = await Promise.all([
      get(path),
      get(path, undefined, { "User-Agent": "Mozilla/5.0 other", "X-Forwarded-For": "10.9.9.9" }),
      get(path, undefined, { Cookie: "agora_locale=hy; tracking=abc" }),
    ]);
    const bodies = await Promise.all(visitors.map((response) => response.text()));
    for (const [i, response] of visitors.entries()) {
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(response.headers.get("Cache-Control")).toMatch(/^public/);
      expect(bodies[i]).toBe(bodies[0]);
      expect(response.headers.get("Content-Security-Policy")).toBe(visitors[0]!.headers.get("Content-Security-Policy"));
      expect(bodies[i]).not.toContain(STAFF_NAME);
      expect(bodies[i]).not.toContain("mta.example");
      expect(bodies[i]).not.toContain("tracking");
      expectScriptsAllowedByHash(bodies[i]!, response.headers.get("Content-Security-Policy")!);
    }
    // The staff member's page is theirs alone: private, its own nonce, never a shared tag.
    expect(staffPage.headers.get("Cache-Control")).toBe("private, no-store");
    expect(staffPage.headers.get("ETag")).toBeNull();
    const nonce = staffPage.headers.get("Content-Security-Policy")!.match(/'nonce-([^']+)'/)![1]!;
    expect(staffHtml).toContain(`nonce="${nonce}"`);
    expect(bodies[0]).not.toContain(nonce);

    // Where they differ, and only there: the same text and hash, the staff's own links and name.
    for (const shared of [round.id, "Ավագանու նիստերը", `data-testid="round-sha256"`]) {
      expect(staffHtml).toContain(shared);
      expect(bodies[0]).toContain(shared);
    }
    // A visitor is asked to sign up (or in) to propose; the signed-in staff member is not.
    expect(bodies[0]).toContain('data-testid="signup-to-propose"');
    expect(staffHtml).not.toContain('data-testid="signup-to-propose"');
  });

  it("are private for anyone sending a session cookie, even one that is no longer valid", async () => {
    const path = (await publicPaths())[0]!;
    const stale = await get(path, undefined, { Cookie: "agora_session=not-a-real-session" });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("Cache-Control")).toBe("private, no-store");
    expect(stale.headers.get("ETag")).toBeNull();
    expect(stale.headers.get("Content-Security-Policy")).toContain("'nonce-");
  });

  it("show a write made through the platform at once, even within their freshness", async () => {
    const round = await openRound();
    const path = `/rounds/${round.id}`;
    const count = async () => (await (await get(path)).text()).match(/data-testid="count-mrc-a2">([^<]*)</)![1];
    const before = await count();
    expect(await count()).toBe(before); // shared, not re-rendered
    const proposal = {
      intent: "submit",
      articleId: "mrc-a2",
      proposedText: "Լրացնել «հանրային» բառով։",
      justification: "Հստակության համար։",
    };
    expect((await post(path, PARTICIPANT, proposal)).status).toBe(302);
    expect(await count()).not.toBe(before);
  });

  it("are left alone for the loader data of a client navigation and for other pages", async () => {
    const round = await openRound();
    const data = await get(`/rounds/${round.id}.data`);
    expect(data.headers.get("ETag")).toBeNull();
    const home = await get("/");
    expect(home.headers.get("ETag")).toBeNull();
    expect(home.headers.get("Content-Security-Policy")).toContain("'nonce-");
  });

  it("send Brotli or gzip made once with the page, whichever the client accepts, Brotli the smaller", async () => {
    const path = (await publicPaths())[2]!;
    const identity = await (await get(path, undefined, IDENTITY)).text();
    const etag = (await get(path, undefined, IDENTITY)).headers.get("ETag")!;
    const asked = [
      { accept: "gzip", sent: "gzip" },
      { accept: "gzip, deflate, br", sent: "br" },
      { accept: "br;q=0, gzip", sent: "gzip" },
      { accept: "br;q=0.5", sent: "br" },
    ];
    const sizes: Record<string, number> = {};
    for (const { accept, sent } of asked) {
      // Raw bytes (node:http leaves them encoded), to be sure they are that encoding of the identity body.
      const { headers, bytes } = await rawGet(app.url + path, { "Accept-Encoding": accept });
      expect(headers["content-encoding"], accept).toBe(sent);
      expect(headers["etag"], accept).toBe(`${etag.slice(0, -1)}-${sent}"`);
      expect(Number(headers["content-length"])).toBe(bytes.length);
      const decoded = sent === "br" ? brotliDecompressSync(bytes) : gunzipSync(bytes);
      expect(decoded.toString(), accept).toBe(identity);
      sizes[sent] = bytes.length;
    }
    expect(sizes.br).toBeLessThan(sizes.gzip!);
    // Either encoding's tag revalidates the page.
    for (const encoding of ["br", "gzip"]) {
      const tag = `${etag.slice(0, -1)}-${encoding}"`;
      expect((await get(path, undefined, { "Accept-Encoding": "br", "If-None-Match": tag })).status).toBe(304);
    }
  });
});

/** A GET whose body stays as sent (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}
