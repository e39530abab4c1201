import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "~/models/documents/versions.server";
import { db } from "~/utils/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoSessions } from "../helpers/demo-sessions";
import { createRoundAs, moveRound } from "../helpers/round-setup";

let app: RunningApp;
const { get, post } = demoSessions(() => app);

beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A GET that must answer 200 with public JSON. */
async function api(path: string, email?: string): Promise<Json> {
  const response = await get(path, email);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  return (await response.json()) as Json;
}

/** Every item of a list, following its `next` links. */
async function everyPage(path: string): Promise<Json[]> {
  const items: Json[] = [];
  let next: string | null = path;
  while (next) {
    const body: Json = await api(next.replace(app.url, ""));
    items.push(...body.data);
    next = body.pagination.next;
  }
  return items;
}

const regulation = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Model Regulation" } } });
const lawDraft = () => db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Local Self-Government" } } });
const demoRound = (status: "OPEN" | "ANSWERED") =>
  regulation().then((draft) => db().consultationRound.findFirstOrThrow({ where: { draftId: draft.id, status } }));

describe("the open-data API", () => {
  it("lists public rounds signed out, page by page with next links", async () => {
    const first = await api("/api/v1/rounds?per_page=1");
    expect(first.data).toHaveLength(1);
    expect(first.pagination).toMatchObject({ page: 1, perPage: 1, total: 2, pages: 2, prev: null });
    expect(first.pagination.next).toBe(`${app.url}/api/v1/rounds?per_page=1&page=2`);
    const all = await everyPage("/api/v1/rounds?per_page=1");
    const answered = await demoRound("ANSWERED");
    const open = await demoRound("OPEN");
    expect(all.map((round) => round.id).sort()).toEqual([answered.id, open.id].sort());
    const round = all.find((r) => r.id === answered.id)!;
    expect(round).toMatchObject({
      title: answered.title,
      status: "ANSWERED",
      audience: "PUBLIC",
      proposalCount: 3,
      draft: { kind: "MODEL_REGULATION", title: { en: "Model Regulation of the Community Council" } },
      links: { summary: `${app.url}/rounds/${answered.id}/summary` },
    });
    expect((await api("/api/v1/rounds?status=OPEN")).data.map((r: Json) => r.id)).toEqual([open.id]);
  });

  it("gives a round's version with its text, structure and a SHA-256 anyone can recompute", async () => {
    const answered = await demoRound("ANSWERED");
    const { data } = await api(`/api/v1/rounds/${answered.id}/version`);
    expect(data.sha256).toBe(sha256Hex(data.text));
    expect(data.number).toBe(1);
    expect(data.outline.map((entry: Json) => entry.id)).toEqual(["mrc-ch1", "mrc-a1", "mrc-a2", "mrc-a3"]);
    expect(data.content.type).toBe("doc");
  });

  it("publishes proposals and answers with the summary, never before, and never withdrawn ones", async () => {
    const answered = await demoRound("ANSWERED");
    const karen = await db().user.findUniqueOrThrow({ where: { email: "karen@aca.example" } });
    await db().proposal.create({
      data: {
        roundId: answered.id,
        articleId: "mrc-a2",
        proposedText: "Withdrawn idea",
        justification: "Changed my mind.",
        authorId: karen.id,
        status: "WITHDRAWN",
      },
    });
    const proposals = await everyPage(`/api/v1/rounds/${answered.id}/proposals?per_page=2`);
    expect(proposals).toHaveLength(3);
    expect(proposals.map((p) => p.proposedText)).not.toContain("Withdrawn idea");
    expect(proposals[0]).toMatchObject({
      articleId: "mrc-a1",
      articleNumber: 1,
      author: "Կարեն Գրիգորյան",
      organization: { name: { en: "Association of Councils of Armenia" } },
      answer: { decision: "PARTIALLY_ACCEPTED" },
    });

    // In the open round a proposal already has an answer drafted: nothing of it is published.
    const open = await demoRound("OPEN");
    await db().proposal.create({
      data: {
        roundId: open.id,
        articleId: "mrc-a1",
        proposedText: "Not yet public",
        justification: "Early.",
        authorId: karen.id,
        decision: "REJECTED",
        answer: "Draft answer",
      },
    });
    const unpublished = await api(`/api/v1/rounds/${open.id}/proposals`);
    expect(unpublished).toMatchObject({ summaryPublished: false, data: [] });
    expect(JSON.stringify(unpublished)).not.toContain("Not yet public");
    expect((await api(`/api/v1/rounds/${open.id}`)).data.proposalCount).toBe(1);
  });

  it("answers 404 alike for invited, scheduled and missing rounds, signed in or not", async () => {
    const law = await lawDraft();
    const ucfo = await db().organization.findUniqueOrThrow({ where: { slug: "ucfo" } });
    const invited = await createRoundAs(post, "anahit@mta.example", law.id, {
      title: "Invited-only round on the amendments",
      audience: "INVITED",
      invited: [ucfo.id],
    });
    await moveRound(invited, "ANSWERED");
    const scheduled = await createRoundAs(post, "anahit@mta.example", law.id, {
      title: "Scheduled public round",
      audience: "PUBLIC",
    });
    // The round page shows the invited round to its guest: the API does not read sessions.
    expect((await get(`/rounds/${invited}`, "lilit@ucfo.example")).status).toBe(200);

    const missing = await get("/api/v1/rounds/no-such-round");
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const id of [invited, scheduled]) {
      for (const suffix of ["", "/version", "/proposals"]) {
        for (const email of [undefined, "lilit@ucfo.example"]) {
          const response = await get(`/api/v1/rounds/${id}${suffix}`, email);
          expect(response.status).toBe(404);
          expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
          expect(await response.text()).toBe(missingBody);
        }
      }
    }
    const listed = JSON.stringify(await everyPage("/api/v1/rounds"));
    expect(listed).not.toContain("Invited-only round");
    expect(listed).not.toContain("Scheduled public round");
    const unknown = await get("/api/v1/no-such-collection");
    expect([unknown.status, await unknown.text()]).toEqual([404, missingBody]);
  });

  it("serves the register: signed and adopted acts with their final text, 404 for drafts not in it", async () => {
    const agreement = await db().draft.findFirstOrThrow({ where: { titleEn: { contains: "Blagoveshchensk" } } });
    const list = await api("/api/v1/register");
    expect(list.data.map((entry: Json) => entry.id)).toEqual([agreement.id]);
    expect(list.data[0]).toMatchObject({ status: "SIGNED", kind: "COOPERATION_AGREEMENT" });
    expect((await api("/api/v1/register?kind=LAW")).data).toEqual([]);

    const { data } = await api(`/api/v1/register/${agreement.id}`);
    expect(data.version.sha256).toBe(sha256Hex(data.version.text));
    expect(data.version.text).toContain("Предмет соглашения");
    expect(data.rounds).toEqual([]);
    expect(data.links.page).toBe(`${app.url}/register/${agreement.id}`);

    const law = await lawDraft();
    for (const id of [law.id, (await regulation()).id, "no-such-draft"]) {
      const response = await get(`/api/v1/register/${id}`, "anahit@mta.example");
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('{"error":"not_found"}');
    }
  });
});
