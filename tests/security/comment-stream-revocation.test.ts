import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DICTIONARIES } from "~/i18n/dictionaries";
import { shareDraft } from "~/models/drafts/drafts.server";
import { publishCommentsChanged } from "~/utils/comment-events.server";
import { COMMENT_STREAM_LIMITS } from "~/utils/comment-streams.server";
import { db } from "~/utils/db.server";
import { redisPing } from "~/utils/redis-ping.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { startChildNode, WEB_READY, type ChildNode } from "../helpers/child-node";
import { sessionCookieFor } from "../helpers/collab";
import { addMember, createDraftSetup, createOrganization, createUser } from "../helpers/factories";

/**
 * A comment event stream ends when its reader's access or session does, as the collab
 * WebSocket is closed: at once on an access change made in the app or on sign-out, and by
 * the periodic re-check (the production 2 s) for changes no notice announced. Streams are
 * capped per account and per address.
 */
const apps: RunningApp[] = [];
/** Only notices can close a stream on this node: its periodic re-check is far away. */
let noticesOnly: RunningApp;
/** The production re-check period. */
let periodic: RunningApp;
beforeAll(async () => {
  noticesOnly = await startApp({ COMMENT_STREAM_RECHECK_MS: "600000" });
  periodic = await startApp();
  apps.push(noticesOnly, periodic);
});
afterAll(async () => {
  for (const app of apps) await app.stop();
});

type Stream = { status: number; text: () => string; ended: Promise<boolean>; abort: () => void };

/** Opens the stream and reads it; `ended` resolves true when the server ends it, false on giving up. */
async function openStream(app: RunningApp, draftId: string, headers: Record<string, string>, giveUpMs = 15_000) {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/drafts/${draftId}/comments/events`, {
    headers: { Accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  let received = "";
  if (response.status !== 200) received = await response.text();
  const ended =
    response.status !== 200
      ? Promise.resolve(true)
      : (async () => {
          const reader = response.body!.getReader();
          const giveUp = setTimeout(() => controller.abort(), giveUpMs);
          try {
            for (;;) {
              const { value, done } = await reader.read();
              if (done) return true;
              received += new TextDecoder().decode(value);
            }
          } catch {
            return false;
          } finally {
            clearTimeout(giveUp);
          }
        })();
  const stream: Stream = { status: response.status, text: () => received, ended, abort: () => controller.abort() };
  if (response.status === 200) await expect.poll(() => received).toContain("retry:");
  return stream;
}

async function sharedWithExpert() {
  const { staff, draft } = await createDraftSetup();
  const ngo = await createOrganization("NGO");
  const expert = await createUser();
  await addMember(expert.id, ngo.id);
  await shareDraft(staff.id, draft.id, { organizationId: ngo.id }, "COMMENT");
  return {
    staff,
    draft,
    expert,
    expertCookie: await sessionCookieFor(expert.id),
    staffCookie: await sessionCookieFor(staff.id),
  };
}

describe("comment stream revocation", () => {
  it("ends at once when access is revoked in the app, and later notices no longer reach the reader", async () => {
    const { draft, expertCookie, staffCookie } = await sharedWithExpert();
    const stream = await openStream(noticesOnly, draft.id, { Cookie: expertCookie });
    expect(stream.status).toBe(200);
    const grant = await db().draftAccess.findFirstOrThrow({ where: { draftId: draft.id } });
    const revoked = await fetch(`${noticesOnly.url}/drafts/${draft.id}/sharing`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: staffCookie, Origin: noticesOnly.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ intent: "revoke", grantId: grant.id }),
    });
    expect(revoked.status).toBeLessThan(400);
    expect(await stream.ended).toBe(true);
    expect(stream.text()).not.toContain("event: changed");
    // Reopening is refused.
    const again = await openStream(noticesOnly, draft.id, { Cookie: expertCookie });
    expect(again.status).toBe(404);
  });

  it("ends at once when the reader signs out", async () => {
    const { draft, expertCookie } = await sharedWithExpert();
    const stream = await openStream(noticesOnly, draft.id, { Cookie: expertCookie });
    expect(stream.status).toBe(200);
    const signedOut = await fetch(`${noticesOnly.url}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: expertCookie, Origin: noticesOnly.origin },
    });
    expect(signedOut.status).toBe(302);
    expect(await stream.ended).toBe(true);
  });

  const unannounced: [string, (setup: Awaited<ReturnType<typeof sharedWithExpert>>) => Promise<unknown>][] = [
    [
      "the grant deleted by another process",
      ({ draft }) => db().draftAccess.deleteMany({ where: { draftId: draft.id } }),
    ],
    ["the session ended elsewhere", ({ expert }) => db().session.deleteMany({ where: { userId: expert.id } })],
  ];
  it.each(unannounced)("ends by the periodic re-check (2 s): %s", async (_label, revoke) => {
    const setup = await sharedWithExpert();
    // Generous against the 2 s period; a stream that is never closed is given up on after it.
    const stream = await openStream(periodic, setup.draft.id, { Cookie: setup.expertCookie }, 10_000);
    expect(stream.status).toBe(200);
    await revoke(setup);
    expect(await stream.ended).toBe(true);
    // Nothing published afterwards reaches it (published here, in the test process, it would not anyway:
    // the point is the stream is over, not merely quiet).
    publishCommentsChanged(setup.draft.id);
  });

  it("caps streams per account (429 in the reader's language) and per address", async () => {
    const { draft, staff } = await createDraftSetup();
    const cookie = await sessionCookieFor(staff.id);
    const open: Stream[] = [];
    for (let i = 0; i < COMMENT_STREAM_LIMITS.perAccount; i++) {
      const stream = await openStream(periodic, draft.id, { Cookie: cookie, "X-Forwarded-For": "198.51.100.1" });
      expect(stream.status).toBe(200);
      open.push(stream);
    }
    const extra = await openStream(periodic, draft.id, {
      Cookie: cookie,
      "X-Forwarded-For": "198.51.100.2",
      "Accept-Language": "en",
    });
    expect(extra.status).toBe(429);
    // The person's saved language if any, else the browser's (English here).
    const saved = (await db().user.findUniqueOrThrow({ where: { id: staff.id } })).locale;
    const locale = (saved ?? "en") as keyof typeof DICTIONARIES;
    expect(extra.text()).toBe((DICTIONARIES[locale].limits as Record<string, string>).tooManyStreams);
    open.splice(0).forEach((stream) => stream.abort());

    // One address, many accounts (each under its own cap).
    const ministry = await db().membership.findFirstOrThrow({ where: { userId: staff.id } });
    const people = await Promise.all(
      Array.from({ length: Math.ceil(COMMENT_STREAM_LIMITS.perAddress / 10) + 1 }, async () => {
        const colleague = await createUser();
        await addMember(colleague.id, ministry.organizationId);
        return sessionCookieFor(colleague.id);
      }),
    );
    let refused: Stream | undefined;
    for (let i = 0; i <= COMMENT_STREAM_LIMITS.perAddress && !refused; i++) {
      const stream = await openStream(periodic, draft.id, {
        Cookie: people[Math.floor(i / 10)]!,
        "X-Forwarded-For": "198.51.100.3",
      });
      if (stream.status === 200) open.push(stream);
      else refused = stream;
    }
    expect(open).toHaveLength(COMMENT_STREAM_LIMITS.perAddress);
    expect(refused?.status).toBe(429);
    // Another address is not affected.
    const elsewhere = await openStream(periodic, draft.id, { Cookie: people[0]!, "X-Forwarded-For": "198.51.100.4" });
    expect(elsewhere.status).toBe(200);
    elsewhere.abort();
    open.forEach((stream) => stream.abort());
  });

  const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
  it("ends on another web node too when access is revoked on one (the notice goes over Redis)", async (context) => {
    if (!(await redisPing(REDIS_URL))) {
      if (process.env.CI) throw new Error(`this test needs Redis at ${REDIS_URL}`);
      return context.skip();
    }
    const env = {
      PORT: "0",
      REDIS_URL,
      REDIS_PREFIX: `agora-test-streams-${process.pid}-${Math.random().toString(36).slice(2, 8)}:`,
      COMMENT_STREAM_RECHECK_MS: "600000",
    };
    const nodes: ChildNode[] = [];
    try {
      nodes.push(await startChildNode(["scripts/start.ts", "--web-only"], env, WEB_READY));
      nodes.push(await startChildNode(["scripts/start.ts", "--web-only"], env, WEB_READY));
      const [here, there] = nodes.map((node) => ({
        ...node,
        url: `http://localhost:${node.port}`,
        origin: `http://localhost:${node.port}`,
      }));
      const { draft, expertCookie, staffCookie } = await sharedWithExpert();
      const stream = await openStream(there as unknown as RunningApp, draft.id, { Cookie: expertCookie });
      expect(stream.status).toBe(200);
      const grant = await db().draftAccess.findFirstOrThrow({ where: { draftId: draft.id } });
      const revoked = await fetch(`${here!.url}/drafts/${draft.id}/sharing`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: staffCookie, Origin: here!.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ intent: "revoke", grantId: grant.id }),
      });
      expect(revoked.status).toBeLessThan(400);
      expect(await stream.ended).toBe(true);
    } finally {
      for (const node of nodes) await node.stop();
    }
    // Two platform processes start inside the test: on a busy 2-core machine that alone can take 30 s.
  }, 120_000);
});
