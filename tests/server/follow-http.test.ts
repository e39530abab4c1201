import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";

let app: RunningApp;
const { get, post } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Retries until `probe` gives a value (the confirmation e-mail is written after the answer). */
async function eventually<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A visitor's form POST, from an address of its own. */
function visitorPost(path: string, fields: Record<string, string>, from = "10.200.0.1") {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: app.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": "en",
      "X-Forwarded-For": from,
    },
    body: new URLSearchParams(fields),
  });
}

/** Well-formed XML by xmllint (Debian's libxml2-utils), offline. */
function xmllint(xml: string): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "feed-")), "feed.xml");
  writeFileSync(file, xml);
  execFileSync("xmllint", ["--noout", "--nonet", file], { stdio: "pipe" });
}

const publicProposal = () =>
  db().proposal.findFirstOrThrow({
    where: { status: "SUBMITTED", round: { status: "ANSWERED", audience: "PUBLIC" } },
    orderBy: { createdAt: "asc" },
  });

describe("following over HTTP", () => {
  it("asks a visitor to confirm, answers the same every time, and mails one address at most 3 links an hour", async () => {
    const email = `visitor-${Date.now()}@follow.example`;
    for (let i = 0; i < 5; i++) {
      // From different addresses: the per-e-mail limit is what protects the inbox.
      const response = await visitorPost("/follow", { intent: "follow", topic: "all", email }, `10.201.${i}.1`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("a confirmation link is on its way");
    }
    const links = await eventually(async () => {
      const mails = await db().outboxEmail.findMany({ where: { to: email } });
      return mails.length >= 3 ? mails : null;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db().outboxEmail.count({ where: { to: email } })).toBe(3);
    expect(links[0]!.subject).toBe("Agora: confirm your subscription");
    const token = links.at(-1)!.body.match(/\/follow\/confirm\/([a-z0-9]+)/)![1]!;
    expect((await db().subscription.findFirstOrThrow({ where: { email } })).confirmedAt).toBeNull();

    const confirmed = await get(`/follow/confirm/${token}`, undefined, { "Accept-Language": "en" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Your subscription is confirmed.");
    expect((await db().subscription.findFirstOrThrow({ where: { email } })).confirmedAt).not.toBeNull();
    expect((await get(`/follow/confirm/${token}`)).status).toBe(404);
  });

  it("keeps a subscription when the unsubscribe link is only opened, and ends it on the one-click POST (RFC 8058)", async () => {
    const user = await db().user.findFirstOrThrow({ where: { email: "karen@aca.example" } });
    const followed = await post("/follow", "karen@aca.example", {
      intent: "follow",
      topic: "draftKind",
      draftKind: "LAW",
    });
    expect(followed.status).toBe(200);
    const row = await db().subscription.findFirstOrThrow({ where: { email: user.email, scope: "rounds:kind:LAW" } });
    expect(row.confirmedAt).not.toBeNull();

    // A link scanner's GET: a page with a button, nothing ended.
    const page = await get(`/unsubscribe/${row.unsubscribeToken}`, undefined, { "Accept-Language": "en" });
    expect(page.status, row.unsubscribeToken).toBe(200);
    const html = await page.text();
    expect(html).toContain("Stop these e-mails");
    expect(html).toContain('method="post"');
    expect(await db().subscription.count({ where: { id: row.id } })).toBe(1);

    // The mail provider's POST: no cookie, no Origin, the RFC 8058 body.
    const oneClick = await fetch(`${app.url}/unsubscribe/${row.unsubscribeToken}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(await db().subscription.count({ where: { id: row.id } })).toBe(0);
    expect(await db().auditEvent.count({ where: { action: "subscription.delete", objectId: row.id } })).toBe(1);
    // Other POSTs without an Origin are still refused.
    const forged = await fetch(`${app.url}/follow`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=follow&topic=all&email=victim%40follow.example",
    });
    expect(forged.status).toBe(403);
  });

  it("serves Atom feeds of public rounds and the register: valid XML, in the asked language, nothing private", async () => {
    const { draftId, versionId } = await db().consultationRound.findFirstOrThrow({ where: { audience: "PUBLIC" } });
    const secret = `INVITED-ONLY-${Date.now()}`;
    const scheduled = `NOT-YET-OPEN-${Date.now()}`;
    for (const [title, audience, status] of [
      [secret, "INVITED", "OPEN"],
      [scheduled, "PUBLIC", "SCHEDULED"],
    ] as const) {
      await db().consultationRound.create({
        data: {
          draftId,
          versionId,
          title,
          audience,
          status,
          opensAt: new Date(),
          closesAt: new Date(Date.now() + 864e5),
        },
      });
    }
    const rounds = await get("/feeds/rounds.atom?lang=en");
    expect(rounds.headers.get("Content-Type")).toContain("application/atom+xml");
    const xml = await rounds.text();
    xmllint(xml);
    expect(xml).toContain('xml:lang="en"');
    expect(xml).toContain("<title>Agora: public consultations</title>");
    expect(xml).toContain("Երկրորդ հանրային քննարկում");
    expect(xml).not.toContain(secret);
    expect(xml).not.toContain(scheduled);
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/updated>/);

    const russian = await (await get("/feeds/register.atom?lang=ru")).text();
    xmllint(russian);
    expect(russian).toContain("<title>Agora: реестр принятых актов</title>");
    expect(russian).not.toContain(secret);

    const page = await (await get("/rounds")).text();
    expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/feeds\/rounds\.atom\?lang=ka"/);
  });

  it("lets only the owning ministry's staff hide a proposal; the summary and its CSV still list it, with the reason", async () => {
    const proposal = await publicProposal();
    const hide = { intent: "hide", reason: "insult", note: '=HYPERLINK("http://evil.example")' };
    // A partner NGO with access to the draft, and staff of another government organization.
    expect((await post(`/moderation/proposal/${proposal.id}`, "armen@ucfo.example", hide)).status).toBe(403);
    expect((await post(`/moderation/proposal/${proposal.id}`, "nare@yerevan.example", hide)).status).toBe(403);
    expect((await db().proposal.findUniqueOrThrow({ where: { id: proposal.id } })).hiddenAt).toBeNull();

    const noReason = await post(`/moderation/proposal/${proposal.id}`, "anahit@mta.example", {
      intent: "hide",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ errors: { reason: "moderation.errors.reason" } });

    expect((await post(`/moderation/proposal/${proposal.id}`, "anahit@mta.example", hide)).status).toBe(200);
    const csv = await (
      await get(`/rounds/${proposal.roundId}/summary.csv`, undefined, { "Accept-Language": "en" })
    ).text();
    expect(csv).toContain("Hidden by the moderator: insults or hate speech");
    expect(csv).not.toContain(proposal.proposedText);
    const rowCount = (text: string) => text.split("\r\n").filter(Boolean).length;
    const summary = await (
      await get(`/rounds/${proposal.roundId}/summary`, undefined, { "Accept-Language": "en" })
    ).text();
    expect(summary).toContain("Hidden by the moderator: insults or hate speech");
    // Staff still find it on their answering page, marked, with "show again".
    const answers = await get(`/rounds/${proposal.roundId}/answers`, "anahit@mta.example");
    expect(answers.status).toBe(200);
    expect(await answers.text()).toContain('data-testid="hidden-notice"');
    expect((await get(`/rounds/${proposal.roundId}/summary`, "anahit@mta.example")).status).toBe(200);
    expect((await get(`/rounds/${proposal.roundId}/summary`, "tigran@uca.example")).status).toBe(200);

    // The moderation log, for the owning ministry only; the note is guarded against formulas.
    const log = await (await get("/moderation.csv", "anahit@mta.example")).text();
    expect(log).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(log).toContain(proposal.id);
    expect(await (await get("/moderation.csv", "nare@yerevan.example")).text()).not.toContain(proposal.id);
    expect((await get("/moderation", "armen@ucfo.example")).status).toBe(403);

    expect((await post(`/moderation/proposal/${proposal.id}`, "anahit@mta.example", { intent: "unhide" })).status).toBe(
      200,
    );
    const after = await (await get(`/rounds/${proposal.roundId}/summary.csv`)).text();
    expect(after).toContain(proposal.proposedText.split("\n")[0]!);
    expect(rowCount(after)).toBe(rowCount(csv));
    const audited = await db().auditEvent.findMany({
      where: { objectId: proposal.id, action: { startsWith: "moderation." } },
    });
    expect(audited.map((e) => e.action).sort()).toEqual(["moderation.hide", "moderation.unhide"]);
    expect(await db().auditEvent.count({ where: { objectId: proposal.id, action: "refused.moderation.hide" } })).toBe(
      2,
    );
  });

  it("lets the owning ministry hide a working-group comment: its words leave the thread for partners", async () => {
    const draft = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
    const armen = await db().user.findFirstOrThrow({ where: { email: "armen@ucfo.example" } });
    const comment = await db().comment.create({
      data: {
        body: `Off-topic remark ${Date.now()}`,
        author: { connect: { id: armen.id } },
        thread: { create: { draftId: draft.id, articleId: "none", authorId: armen.id, visibility: "WORKING_GROUP" } },
      },
      include: { thread: true },
    });
    const hide = { intent: "hide", reason: "offTopic", note: "" };
    expect((await post(`/moderation/comment/${comment.id}`, "lilit@ucfo.example", hide)).status).toBe(403);
    expect((await post(`/moderation/comment/${comment.id}`, "anahit@mta.example", hide)).status).toBe(200);
    const asPartner = await (await get(`/drafts/${comment.thread.draftId}/comments`, "lilit@ucfo.example")).text();
    expect(asPartner).toContain(comment.id);
    expect(asPartner).not.toContain(comment.body);
    const asStaff = await (await get(`/drafts/${comment.thread.draftId}/comments`, "anahit@mta.example")).text();
    expect(asStaff).toContain(comment.body);
    expect((await post(`/moderation/comment/${comment.id}`, "anahit@mta.example", { intent: "unhide" })).status).toBe(
      200,
    );
  });

  it("lets participants flag, once each, and throttles a flood of flags", async () => {
    const proposal = await publicProposal();
    const flag = { intent: "flag", reason: "spam", note: "" };
    const first = await post(`/moderation/proposal/${proposal.id}`, "tigran@uca.example", flag);
    expect(first.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await post(`/moderation/proposal/${proposal.id}`, "tigran@uca.example", flag)).status);
    }
    expect(statuses.slice(0, 19).every((s) => s === 200)).toBe(true);
    expect(statuses[19]).toBe(429);
    expect(await db().moderationFlag.count({ where: { objectId: proposal.id } })).toBe(1);
    const log = await (await get("/moderation", "anahit@mta.example", { "Accept-Language": "en" })).text();
    expect(log).toContain('data-testid="open-flag"');
  });

  it("publishes the participation rules, linked from every page", async () => {
    const page = await (await get("/participation-rules", undefined, { "Accept-Language": "en" })).text();
    expect(page).toContain("<title>Participation rules · Agora</title>");
    expect(page).toContain("No personal data of other people");
    expect(await (await get("/rounds")).text()).toContain('href="/participation-rules"');
  });
});
