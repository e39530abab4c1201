import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { envProblems } from "~/utils/env.server";
import { clearRateLimits } from "~/utils/rate-limit.server";
import { form, sessionCookieFrom, startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

/**
 * Reset links: they point only to the configured site (never to a host named in the
 * request), production refuses to start without that site, and only the newest link works
 * (a newer one, a reset or a password change ends the others).
 */
let app: RunningApp;
const { as } = demoSessions(() => app);

beforeAll(async () => {
  // No APP_ORIGIN: the README's default for a first start.
  expect(process.env.APP_ORIGIN).toBeUndefined();
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(() => clearRateLimits());

let address = 0;
const nextAddress = () => `192.0.2.${++address}`;

/** A raw HTTP POST with a Host header of the sender's choice (fetch would not send it). */
function postWithHost(
  path: string,
  host: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  target = app,
) {
  const url = new URL(target.url);
  const body = form(fields).toString();
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: {
          Host: host,
          Origin: `http://${host}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          "X-Forwarded-For": nextAddress(),
          ...headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Waits (without a time limit of its own) until `count` e-mails to this address are in the outbox. */
async function mailsTo(email: string, count: number) {
  for (;;) {
    const mails = await db().outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const linkIn = (body: string) => body.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)?.[0] ?? "";

async function requestReset(email: string) {
  const response = await fetch(`${app.url}/forgot-password`, {
    method: "POST",
    headers: {
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": nextAddress(),
    },
    body: form({ email }),
  });
  expect(response.status).toBe(200);
}

describe("reset and invitation links", () => {
  it("never point to the host a request names, with APP_ORIGIN unset", async () => {
    const email = "gor@mta.example";
    expect(await postWithHost("/forgot-password", "evil.example", { email })).toBe(200);
    const [mail] = await mailsTo(email, 1);
    const link = linkIn(mail!.body);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\//);
    expect(mail!.body).not.toContain("evil.example");

    const org = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
    const cookie = await as("armen@ucfo.example");
    const invited = "someone-new@invited.example";
    const status = await postWithHost(
      `/orgs/${org.id}`,
      "evil.example",
      { intent: "invite", email: invited, role: "MEMBER" },
      { Cookie: cookie },
    );
    expect(status).toBe(200);
    const [invitation] = await mailsTo(invited, 1);
    expect(invitation!.body).toMatch(/http:\/\/localhost:\d+\/invite\//);
    expect(invitation!.body).not.toContain("evil.example");
  });

  it("use APP_ORIGIN when the operator set it", async () => {
    const configured = await startApp({ APP_ORIGIN: "https://agora.example.am" });
    try {
      // As it arrives through the operator's proxy: the public host, and a browser's Origin.
      const status = await postWithHost(
        "/forgot-password",
        "agora.example.am",
        { email: "karen@aca.example" },
        { Origin: "https://agora.example.am" },
        configured,
      );
      expect(status).toBe(200);
      const [mail] = await mailsTo("karen@aca.example", 1);
      expect(linkIn(mail!.body)).toMatch(/^https:\/\/agora\.example\.am\/reset-password\//);
    } finally {
      await configured.stop();
    }
  });

  it("are required in production: without APP_ORIGIN the platform refuses to start, saying why", async () => {
    expect(envProblems({ NODE_ENV: "production" })).toEqual([
      expect.stringMatching(/^APP_ORIGIN: .*required in production/),
    ]);
    expect(envProblems({ NODE_ENV: "production", APP_ORIGIN: "https://agora.example.am" })).toEqual([]);
    expect(envProblems({ NODE_ENV: "development" })).toEqual([]);
    const refused = await startApp({ NODE_ENV: "production" }).then(
      async (started) => {
        await started.stop();
        return "started";
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited with 1/);
    expect(refused).toContain("APP_ORIGIN is required in production");
  });
});

describe("only the newest reset link works", () => {
  const tokenOf = (link: string) => link.split("/").pop()!;
  const linkWorks = async (link: string) => {
    const html = await (await fetch(`${app.url}/reset-password/${tokenOf(link)}`)).text();
    return html.includes('name="password"');
  };
  const useLink = (link: string, password: string) =>
    fetch(`${app.url}/reset-password/${tokenOf(link)}`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: app.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ password, confirm: password }),
    });

  it("a newer link ends the older one; using it ends any other", async () => {
    const email = "tigran@uca.example";
    await requestReset(email);
    const first = linkIn((await mailsTo(email, 1))[0]!.body);
    await requestReset(email);
    const second = linkIn((await mailsTo(email, 2))[1]!.body);
    expect(first).not.toBe(second);
    expect(await linkWorks(first)).toBe(false);
    expect((await useLink(first, "a brand new passphrase")).status).toBe(410);
    expect(await linkWorks(second)).toBe(true);

    // A link issued by any other path (here written straight into the table) ends with the reset too.
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const stray = await db().emailToken.create({
      data: {
        tokenHash: "stray-hash",
        purpose: "PASSWORD_RESET",
        email,
        userId: user.id,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const used = await useLink(second, "a brand new passphrase");
    expect(used.status).toBe(302);
    expect(sessionCookieFrom(used)).not.toBeNull();
    const after = await db().emailToken.findUniqueOrThrow({ where: { id: stray.id } });
    expect(after.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("changing the password on the profile page ends every pending link", async () => {
    const email = "mariam@isdtc.example";
    await requestReset(email);
    const pending = linkIn((await mailsTo(email, 1))[0]!.body);
    expect(await linkWorks(pending)).toBe(true);
    const { DEMO_PASSWORD } = await import("../../prisma/seed/users");
    const changed = await fetch(`${app.url}/profile`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: await as(email),
        Origin: app.origin,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: form({
        intent: "password",
        current: DEMO_PASSWORD,
        password: "another long passphrase",
        confirm: "another long passphrase",
      }),
    });
    expect(changed.status).toBe(200);
    expect(await linkWorks(pending)).toBe(false);
  });
});
