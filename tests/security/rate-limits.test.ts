import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DocNode } from "~/editor/document-json";
import { outlineOf } from "~/editor/outline";
import { isLocale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { db } from "~/utils/db.server";
import { clearRateLimits, RATE_LIMITS, type RateLimitedAction } from "~/utils/rate-limit.server";
import { form, startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { createRoundAs } from "../helpers/round-setup";

/**
 * Flooding: one account (or one address) writing so much that it makes work for others, a
 * hundred proposals that each need an official answer, a stream of invitations or reset
 * e-mails. Every such write has a budget; past it the form answers 429 with a message in
 * the person's language next to the form, and nothing is written.
 */
let app: RunningApp;
const { as, post } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(() => clearRateLimits());

/** A signed-in form POST from a chosen address (the platform trusts the proxy's X-Forwarded-For). */
async function postFrom(path: string, email: string, fields: Record<string, string>, address: string) {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: await as(email),
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": address,
    },
    body: form(fields),
  });
}

/** Uses up a budget as if the requests had been made (quicker than making them all). */
async function exhaust(action: RateLimitedAction, subject: "account" | "address", value: string) {
  const limit = (RATE_LIMITS[action] as Record<string, { max: number }>)[subject]!;
  const key = `rate:${action}:${subject}:${value}`;
  const row = { failures: limit.max, lastFailureAt: new Date() };
  await db().loginThrottle.upsert({ where: { key }, create: { key, ...row }, update: row });
}

const userId = async (email: string) => (await db().user.findFirstOrThrow({ where: { email } })).id;

/** The refusal, in the page's language, with the minutes the server asked to wait. */
async function expectRefusal(response: Response, action: RateLimitedAction) {
  expect(response.status).toBe(429);
  const seconds = Number(response.headers.get("Retry-After") ?? 0);
  const text = await response.text();
  const lang = text.match(/<html lang="(\w+)"/)?.[1] ?? "en";
  // Document answers carry Retry-After where the route passes action headers on; the
  // message always carries the minutes.
  const template = serverT(isLocale(lang) ? lang : "en")(`rateLimits.${action}`);
  const [before, after] = template.split("{minutes}").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const minutes = Number(text.match(new RegExp(`role="alert">${before}(\\d+)${after}<`))?.[1]);
  expect(minutes).toBeGreaterThan(0);
  if (seconds) expect(minutes).toBe(Math.ceil(seconds / 60));
  return text;
}

let articleId = "";
async function openRound() {
  const round = await db().consultationRound.findFirstOrThrow({
    where: { status: "OPEN", audience: "PUBLIC" },
    include: { version: true },
  });
  articleId = outlineOf(round.version.content as unknown as DocNode).find((entry) => entry.type === "article")!.id;
  return round;
}
const proposal = (i: number) => ({
  intent: "submit",
  articleId,
  proposedText: `Дополнить пункт ${i} словами «в течение 10 дней».`,
  justification: "Срок нужен для малых общин.",
});

describe("flooding", () => {
  it("proposals: the account's budget, then 429 with the wait in its language, and nothing written", async () => {
    const round = await openRound();
    const author = "mariam@isdtc.example";
    const before = await db().proposal.count({ where: { roundId: round.id, authorId: await userId(author) } });
    const max = RATE_LIMITS.proposal.account.max;
    for (let i = 0; i < max; i++) {
      const sent = await postFrom(`/rounds/${round.id}`, author, proposal(i), "198.51.100.1");
      expect(sent.status, sent.status === 302 ? "" : (await sent.text()).slice(-600)).toBe(302);
    }
    const refused = await postFrom(`/rounds/${round.id}`, author, proposal(99), "198.51.100.1");
    expect(refused.headers.get("Retry-After")).toMatch(/^\d+$/);
    await expectRefusal(refused, "proposal");
    const after = await db().proposal.count({ where: { roundId: round.id, authorId: await userId(author) } });
    expect(after - before).toBe(max);
  });

  it("proposals: a burst of 40 at once from one account gets only the budget through", async () => {
    const round = await openRound();
    const author = "lilit@ucfo.example";
    const before = await db().proposal.count({ where: { roundId: round.id, authorId: await userId(author) } });
    await as(author);
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        postFrom(`/rounds/${round.id}`, author, proposal(i), "198.51.100.2").then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 302)).toHaveLength(RATE_LIMITS.proposal.account.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - RATE_LIMITS.proposal.account.max);
    const after = await db().proposal.count({ where: { roundId: round.id, authorId: await userId(author) } });
    expect(after - before).toBe(RATE_LIMITS.proposal.account.max);
  });

  it("proposals: one address has a budget of its own, whichever account writes", async () => {
    const round = await openRound();
    await exhaust("proposal", "address", "198.51.100.3");
    const before = await db().proposal.count({ where: { roundId: round.id } });
    await expectRefusal(
      await postFrom(`/rounds/${round.id}`, "karen@aca.example", proposal(1), "198.51.100.3"),
      "proposal",
    );
    expect(await db().proposal.count({ where: { roundId: round.id } })).toBe(before);
    // The same account from another address is still fine.
    expect((await postFrom(`/rounds/${round.id}`, "karen@aca.example", proposal(2), "198.51.100.4")).status).toBe(302);
  });

  it("comments and replies share one budget; the panel shows the wait", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const path = `/drafts/${draft.id}/comments`;
    const created = await postFrom(
      path,
      "armen@ucfo.example",
      { intent: "create", articleId: "lsg-a1", body: "first" },
      "198.51.100.5",
    );
    expect(created.status).toBe(200);
    const thread = await db().commentThread.findFirstOrThrow({
      where: { draftId: draft.id, comments: { some: { body: "first" } } },
    });
    await exhaust("comment", "account", await userId("armen@ucfo.example"));
    const comments = await db().comment.count();
    const reply = await postFrom(
      path,
      "armen@ucfo.example",
      { intent: "reply", threadId: thread.id, body: "again" },
      "198.51.100.5",
    );
    expect(reply.status).toBe(429);
    expect((await reply.json()).errors.body).toMatch(/^rateLimits\.comment\?minutes=\d+$/);
    const thread2 = await postFrom(
      path,
      "armen@ucfo.example",
      { intent: "create", articleId: "lsg-a1", body: "more" },
      "198.51.100.5",
    );
    expect(thread2.status).toBe(429);
    expect(await db().comment.count()).toBe(comments);
  });

  it("mentions: a comment that would notify too many people is refused whole", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const path = `/drafts/${draft.id}/comments`;
    const anahit = await db().user.findFirstOrThrow({ where: { email: "anahit@mta.example" } });
    const author = await userId("armen@ucfo.example");
    await db().loginThrottle.create({
      data: {
        key: `rate:mention:account:${author}`,
        failures: RATE_LIMITS.mention.account.max,
        lastFailureAt: new Date(),
      },
    });
    const comments = await db().comment.count();
    const notifications = await db().notification.count({ where: { kind: "mention" } });
    const body = `@${anahit.name} please look`;
    const refused = await postFrom(
      path,
      "armen@ucfo.example",
      { intent: "create", articleId: "lsg-a1", body },
      "198.51.100.6",
    );
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors.body).toMatch(/^rateLimits\.mention\?minutes=\d+$/);
    expect(await db().comment.count()).toBe(comments);
    expect(await db().notification.count({ where: { kind: "mention" } })).toBe(notifications);
    // Without a mention the same person may still comment.
    const plain = await postFrom(
      path,
      "armen@ucfo.example",
      { intent: "create", articleId: "lsg-a1", body: "please look" },
      "198.51.100.6",
    );
    expect(plain.status).toBe(200);
  });

  it("invitations: past the budget, 429 next to the e-mail field, no invitation and no e-mail", async () => {
    const org = await db().organization.findFirstOrThrow({ where: { slug: "ucfo" } });
    await exhaust("invitation", "account", await userId("armen@ucfo.example"));
    const tokens = await db().emailToken.count();
    const mails = await db().outboxEmail.count();
    const refused = await postFrom(
      `/orgs/${org.id}`,
      "armen@ucfo.example",
      { intent: "invite", email: "newcomer@invited.example", role: "MEMBER" },
      "198.51.100.7",
    );
    const html = await expectRefusal(refused, "invitation");
    expect(html).toMatch(/class="field-error"[^>]*role="alert">[^<]*/);
    expect(await db().emailToken.count()).toBe(tokens);
    expect(await db().outboxEmail.count()).toBe(mails);
  });

  it("reviews and rounds: past the budget, 429 on the form and nothing created", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const mta = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
    const body = await db().collegiumBody.create({ data: { organizationId: mta.id, nameEn: "Flood collegium" } });
    await post(`/drafts/${draft.id}/versions`, "anahit@mta.example", { name: "For review" });
    const version = await db().draftVersion.findFirstOrThrow({
      where: { draftId: draft.id },
      orderBy: { number: "desc" },
    });
    const staff = await userId("anahit@mta.example");

    await exhaust("review", "account", staff);
    const reviews = await db().collegiumReview.count();
    const send = {
      bodyId: body.id,
      versionId: version.id,
      dueAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19),
      timeZone: "UTC",
      note: "",
    };
    await expectRefusal(
      await postFrom(`/drafts/${draft.id}/reviews/new`, "anahit@mta.example", send, "198.51.100.8"),
      "review",
    );
    expect(await db().collegiumReview.count()).toBe(reviews);

    await exhaust("round", "account", staff);
    const rounds = await db().consultationRound.count();
    await expect(
      createRoundAs(post, "anahit@mta.example", draft.id, { title: "Flood round", audience: "PUBLIC" }),
    ).rejects.toThrow("round not created: 429");
    expect(await db().consultationRound.count()).toBe(rounds);
  });
});
