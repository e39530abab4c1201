import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { MAX_IMPORT_BYTES } from "~/models/drafts/draft-import.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { largestRssInTree } from "../helpers/process-memory";
import { rawRequest } from "../helpers/raw-http";

/**
 * A signed-out visitor cannot make the server read a huge body: a declared size over the
 * route family's limit is refused unread, a chunked body is cut where it passes the limit,
 * and the server's memory stays flat (a 256 MB POST to /login used to cost ~800 MB).
 */
let app: RunningApp;
let port: number;
const { as } = demoSessions(() => app);
let draftId: string;

beforeAll(async () => {
  app = await startApp();
  port = Number(new URL(app.url).port);
  draftId = (await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } })).id;
});
afterAll(() => app?.stop());

type Answer = { status: number | null; body: string; sentBytes: number };

/**
 * POSTs `totalBytes` (chunked, or with Content-Length) as fast as the server takes them, and
 * stops sending once the response arrives. Errors after the response (the server closing
 * the connection mid-upload) are expected; an error before it resolves with status null.
 */
function post(
  path: string,
  body: { prefix: string; totalBytes: number; chunked: boolean },
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    const head: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      // The app's own origin, as a browser on the page would send (the cross-site check passes).
      Host: new URL(app.origin).host,
      Origin: app.origin,
      ...headers,
      ...(body.chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(body.totalBytes) }),
    };
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers: head });
    let sentBytes = 0;
    let settled = false;
    const finish = (status: number | null, text: string) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ status, body: text, sentBytes });
    };
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => finish(res.statusCode ?? null, text));
      res.on("error", () => finish(res.statusCode ?? null, text));
      res.on("aborted", () => finish(res.statusCode ?? null, text));
    });
    req.on("error", () => finish(null, ""));
    const first = Buffer.from(body.prefix);
    const filler = Buffer.alloc(64 * 1024, "a");
    let prefixSent = first.length === 0;
    const pump = () => {
      while (!settled && sentBytes < body.totalBytes) {
        const chunk = prefixSent ? filler.subarray(0, Math.min(filler.length, body.totalBytes - sentBytes)) : first;
        prefixSent = true;
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

const MB = 1024 * 1024;
const en = DICTIONARIES.en.limits as Record<string, string>;
const ka = DICTIONARIES.ka.limits as Record<string, string>;
const ru = DICTIONARIES.ru.limits as Record<string, string>;

describe("request body limits", () => {
  it("refuses a declared 256 MB body to /login at once, without reading it, in the reader's language", async () => {
    // Only the head is sent: an answer proves the server did not wait for the body.
    const outcome = await rawRequest(
      port,
      "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
        `Content-Length: ${256 * MB}\r\nAccept: text/html\r\nAccept-Language: ka\r\n\r\n`,
      { giveUpMs: 10_000 },
    );
    expect(outcome.status).toBe(413);
    expect(outcome.closed).toBe(true);
    const body = Buffer.from(outcome.received, "latin1").toString("utf8");
    expect(body).toContain("text/html");
    expect(body).toContain(ka.bodyTooLarge!.replace("{size}", ka.kilobytes!.replace("{count}", "16")));
  });

  it("closes the connection of a client that ignores the 413 and keeps sending its declared body", async () => {
    // About 6 MB/s: the declared 256 MB would take 40 s, far past this test's give-up.
    const outcome = await rawRequest(
      port,
      "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
        `Content-Length: ${256 * MB}\r\n\r\n`,
      { drip: "a".repeat(64 * 1024), dripMs: 10, giveUpMs: 20_000 },
    );
    expect(outcome.status).toBe(413);
    expect(outcome.closed).toBe(true);
  });

  it("answers a declared 256 MB body that is being sent with 413, before the client has sent it all, and memory stays flat", async () => {
    const before = largestRssInTree(app.pid);
    const answer = await post("/login", {
      prefix: "email=a%40b.example&password=",
      totalBytes: 256 * MB,
      chunked: false,
    });
    const after = largestRssInTree(app.pid);
    console.log(
      `declared 256 MB POST /login: server RSS ${(before / MB).toFixed(0)} MB before, ${(after / MB).toFixed(0)} MB after, ` +
        `${(answer.sentBytes / MB).toFixed(1)} MB sent before the answer`,
    );
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBeLessThan(256 * MB);
    expect(after - before).toBeLessThan(100 * MB);
  });

  it("cuts a chunked 256 MB body to /login where it passes the limit, and memory stays flat", async () => {
    const before = largestRssInTree(app.pid);
    const answer = await post(
      "/login",
      { prefix: "email=a%40b.example&password=", totalBytes: 256 * MB, chunked: true },
      { "Accept-Language": "ru" },
    );
    const after = largestRssInTree(app.pid);
    console.log(
      `chunked 256 MB POST /login: server RSS ${(before / MB).toFixed(0)} MB before, ${(after / MB).toFixed(0)} MB after, ` +
        `${(answer.sentBytes / MB).toFixed(1)} MB sent before the answer`,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(ru.bodyTooLarge!.replace("{size}", ru.kilobytes!.replace("{count}", "16")));
    expect(answer.sentBytes).toBeLessThan(256 * MB);
    expect(after - before).toBeLessThan(100 * MB);
  });

  it("never lets a cut body through as a shorter one: an oversized comment is refused and nothing is stored", async () => {
    const cookie = await as("armen@ucfo.example");
    const count = await db().comment.count();
    const answer = await post(
      `/drafts/${draftId}/comments`,
      { prefix: "intent=create&articleId=lsg-a1&body=", totalBytes: 4 * MB, chunked: true },
      { Cookie: cookie },
    );
    expect(answer.status).toBe(413);
    expect(await db().comment.count()).toBe(count);
  });

  it("leaves room for the longest comment the form accepts (5,000 Georgian letters), which is stored", async () => {
    const cookie = await as("armen@ucfo.example");
    const text = "ქ".repeat(5000);
    const form = new URLSearchParams({ intent: "create", articleId: "lsg-a1", body: text }).toString();
    const answer = await post(
      `/drafts/${draftId}/comments`,
      { prefix: form, totalBytes: Buffer.byteLength(form), chunked: true },
      { Cookie: cookie },
    );
    expect(answer.status).toBe(200);
    expect(await db().comment.count({ where: { body: text } })).toBe(1);
  });

  it("gives the draft import its documented size: a file just over it gets the field's message, a far larger body 413", async () => {
    const cookie = await as("anahit@mta.example");
    const owner = await db().organization.findFirstOrThrow({
      where: { memberships: { some: { user: { email: "anahit@mta.example" } } } },
    });
    const multipart = (fileBytes: number) => {
      const boundary = "----agora-limit-test";
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const head =
        field("titleHy", "Փորձ") +
        field("titleEn", "Limit test") +
        field("kind", "LAW") +
        field("ownerOrganizationId", owner.id) +
        field("initialContent", "import") +
        field("textLanguage", "hy") +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.md"\r\nContent-Type: text/markdown\r\n\r\n`;
      const tail = `\r\n--${boundary}--\r\n`;
      return {
        body: Buffer.concat([Buffer.from(head), Buffer.alloc(fileBytes, "a"), Buffer.from(tail)]),
        type: `multipart/form-data; boundary=${boundary}`,
      };
    };
    const send = async (fileBytes: number) => {
      const { body, type } = multipart(fileBytes);
      const response = await fetch(`${app.url}/drafts/new`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: app.origin, "Content-Type": type, "Accept-Language": "en" },
        body,
      }).catch(() => null);
      return response ? { status: response.status, text: await response.text() } : null;
    };
    const justOver = await send(MAX_IMPORT_BYTES + 1);
    expect(justOver?.status).toBe(400);
    // In the person's saved language (Armenian for this demo account), next to the field.
    expect(justOver?.text).toContain((DICTIONARIES.hy.errors as Record<string, string>).fileTooLarge);
    const farOver = await post(
      "/drafts/new",
      { prefix: "", totalBytes: 64 * MB, chunked: false },
      { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x", "Accept-Language": "en" },
    );
    expect(farOver.status).toBe(413);
    expect(farOver.body).toBe(en.bodyTooLarge!.replace("{size}", en.megabytes!.replace("{count}", "6")));
  });
});
