import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/current-user.server";
import { article, paragraph, type DocNode } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import { loadActor } from "~/models/accounts/actors.server";
import { deleteComment, reply, startThread } from "~/models/comments/comments.server";
import { compactDocument, loadDocument } from "~/models/documents/document-log.server";
import { loadDraftResource } from "~/models/drafts/draft-access.server";
import { createDraft, shareDraft } from "~/models/drafts/drafts.server";
import { submitProposal, withdrawProposal } from "~/models/rounds/proposals.server";
import { createRound } from "~/models/rounds/rounds.server";
import { can, type Actor, type DraftResource, type MaybeActor, type RoundResource } from "~/policies";
import { search, type SearchFilters, type SearchHit } from "~/search/search.server";
import { rebuildSearchIndex } from "~/search/search-index.server";
import { db } from "~/utils/db.server";
import { addMember, createOrganization, createUser } from "../helpers/factories";
import * as Y from "yjs";

/**
 * One search over drafts, rounds, comments and proposals, on SQLite (FTS5) and on
 * PostgreSQL (tsvector): the same file runs in both vitest projects.
 */
const GEORGIAN = "გამჭვირვალობა";
const MTAVRULI = GEORGIAN.toLocaleUpperCase();

type Person = { user: CurrentUser; actor: Actor };
let staff: Person, expert: Person, outsider: Person, admin: Person;
let ministryId: string, ngoId: string;
let privateDraftId: string, sharedDraftId: string;

async function person(orgId: string | null, isPlatformAdmin = false): Promise<Person> {
  const user = await createUser({ isPlatformAdmin });
  if (orgId) await addMember(user.id, orgId);
  const actor = await loadActor(user);
  return { user: { ...user, sessionId: "test", actor } as unknown as CurrentUser, actor };
}

const doc = (...articles: DocNode[]): DocNode => ({ type: "doc", content: articles });

async function newDraft(titleHy: string, content: DocNode) {
  return createDraft(
    staff.user.id,
    { titleHy, titleRu: null, titleKa: null, titleEn: null, kind: "LAW", ownerOrganizationId: ministryId },
    content,
  );
}

const find = (actor: MaybeActor, query: string, filters: SearchFilters = {}, page = { skip: 0, take: 50 }) =>
  search(actor, query, filters, page, "en");

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function roundResource(roundId: string): Promise<RoundResource> {
  const round = await db().consultationRound.findUniqueOrThrow({
    where: { id: roundId },
    include: { invitations: true },
  });
  return {
    type: "round",
    draft: (await loadDraftResource(round.draftId))!,
    audience: round.audience,
    status: round.status,
    invitedOrganizationIds: round.invitations.map((i) => i.organizationId),
  };
}

/** What the policy says about a hit, asked the way the pages ask it. */
async function policyAllows(actor: MaybeActor, hit: SearchHit): Promise<boolean> {
  if (hit.kind === "DRAFT") return can(actor, "draft.view", (await loadDraftResource(hit.id))!);
  if (hit.kind === "ROUND") return can(actor, "round.view", await roundResource(hit.id));
  if (hit.kind === "COMMENT") {
    const comment = await db().comment.findUniqueOrThrow({ where: { id: hit.id }, include: { thread: true } });
    const draft = (await loadDraftResource(comment.thread.draftId)) as DraftResource;
    return can(actor, "thread.view", {
      type: "thread",
      draft,
      authorId: comment.thread.authorId,
      visibility: comment.thread.visibility,
    });
  }
  const proposal = await db().proposal.findUniqueOrThrow({ where: { id: hit.id } });
  const round = await roundResource(proposal.roundId);
  return (
    can(actor, "round.viewAllProposals", round) ||
    proposal.authorId === actor?.id ||
    (can(actor, "round.viewSummary", round) && round.status === "ANSWERED")
  );
}

beforeAll(async () => {
  ministryId = (await createOrganization("MINISTRY", "Ministry")).id;
  ngoId = (await createOrganization("NGO", "Partner NGO")).id;
  const otherId = (await createOrganization("NGO", "Other NGO")).id;
  staff = await person(ministryId);
  expert = await person(ngoId);
  outsider = await person(otherId);
  admin = await person(null, true);

  const privateDraft = await newDraft(
    "Տեղական ինքնակառավարման մասին",
    doc(
      article("a1", "Բյուջեի թափանցիկություն", paragraph(`Ბიუჯეტის ${MTAVRULI} და «ՀԱՄԱՅՆՔԱՅԻՆ» վերահսկողություն։`)),
      article("a2", "Общие положения", paragraph("Бюджетная процедура. Budget transparency secretclause.")),
    ),
  );
  privateDraftId = privateDraft.id;
  const sharedDraft = await newDraft(
    "Համագործակցության հուշագիր",
    doc(article("b1", "Partnership", paragraph("sharedclause"))),
  );
  sharedDraftId = sharedDraft.id;
  await shareDraft(staff.user.id, sharedDraftId, { organizationId: ngoId }, "COMMENT");

  const shared = (await loadDraftResource(sharedDraftId))!;
  await startThread(expert.user, shared, {
    articleId: "b1",
    visibility: "WORKING_GROUP",
    body: "Предлагаем workinggroupword",
  } as never);
  await startThread(staff.user, shared, {
    articleId: "b1",
    visibility: "INTERNAL",
    body: "Ներքին internalword",
  } as never);

  const roundInput = (title: string, audience: "PUBLIC" | "INVITED") => ({
    title,
    description: "Քննարկում",
    opensAt: new Date(Date.now() - 60_000),
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    timeZone: "Asia/Yerevan",
    audience,
    invited: audience === "INVITED" ? [ngoId] : [],
    versionName: "",
  });
  const open = async (round: { id: string }) =>
    db().consultationRound.update({ where: { id: round.id }, data: { status: "OPEN" } });
  const publicRound = await createRound(
    staff.user,
    privateDraftId,
    roundInput("Public publicroundword", "PUBLIC"),
    "v",
  );
  const invitedRound = await createRound(
    staff.user,
    privateDraftId,
    roundInput("Invited invitedroundword", "INVITED"),
    "v",
  );
  await open(publicRound);
  await open(invitedRound);
  await submitProposal(expert.user, publicRound.id, {
    articleId: "a1",
    quote: null,
    proposedText: "Proposalword text",
    justification: "Because",
    onBehalfOf: "",
  } as never);
});

describe("search: multilingual matching", () => {
  it("finds a draft by a word of its live text in any script and either case, Georgian Mtavruli included", async () => {
    expect(MTAVRULI).not.toBe(GEORGIAN);
    for (const query of [
      GEORGIAN,
      MTAVRULI,
      "ბიუჯეტის",
      "համայնքային",
      "ՀԱՄԱՅՆՔԱՅԻՆ",
      "бюджетная",
      "БЮДЖЕТНАЯ",
      "TRANSPARENCY",
    ]) {
      const result = await find(staff.actor, query);
      expect(
        result.hits.map((h) => h.id),
        query,
      ).toEqual([privateDraftId]);
    }
  });

  it("matches the start of words (prefixes) and needs every word of the query", async () => {
    expect((await find(staff.actor, "ԻՆՔՆԱԿԱՌ")).counts.DRAFT).toBe(1);
    expect((await find(staff.actor, "გამჭვ")).counts.DRAFT).toBe(1);
    expect((await find(staff.actor, "бюдж проц")).counts.DRAFT).toBe(1);
    expect((await find(staff.actor, "бюдж nothingelse")).counts.DRAFT).toBe(0);
    // Inside a word is not a prefix.
    expect((await find(staff.actor, "джетная")).counts.DRAFT).toBe(0);
  });

  it("marks the matched words in titles and excerpts", async () => {
    const [hit] = (await find(staff.actor, "տեղական")).hits;
    expect(hit!.title.filter((s) => s.hit).map((s) => s.text)).toEqual(["Տեղական"]);
    const [text] = (await find(staff.actor, MTAVRULI)).hits;
    expect(text!.snippet.some((s) => s.hit && s.text === MTAVRULI)).toBe(true);
  });
});

describe("search: visibility", () => {
  it("never shows a private draft's text, its invited round or internal comments to an outsider or a visitor", async () => {
    for (const actor of [outsider.actor, null]) {
      for (const word of ["secretclause", "sharedclause", "internalword", "workinggroupword", "invitedroundword"]) {
        expect(total((await find(actor, word)).counts), word).toBe(0);
      }
    }
  });

  it("shows a partner the shared draft and working-group comments, not internal ones or other drafts", async () => {
    expect((await find(expert.actor, "sharedclause")).counts.DRAFT).toBe(1);
    expect((await find(expert.actor, "secretclause")).counts.DRAFT).toBe(0);
    expect((await find(expert.actor, "workinggroupword")).counts.COMMENT).toBe(1);
    expect((await find(expert.actor, "internalword")).counts.COMMENT).toBe(0);
    expect((await find(staff.actor, "internalword")).counts.COMMENT).toBe(1);
  });

  it("shows an invited round to its guests only, a public round to everyone", async () => {
    expect((await find(expert.actor, "invitedroundword")).counts.ROUND).toBe(1);
    expect((await find(outsider.actor, "invitedroundword")).counts.ROUND).toBe(0);
    for (const actor of [outsider.actor, null, expert.actor]) {
      expect((await find(actor, "publicroundword")).counts.ROUND).toBe(1);
    }
  });

  it("shows a proposal to its author and the owner's staff, not to others before the summary", async () => {
    expect((await find(expert.actor, "proposalword")).counts.PROPOSAL).toBe(1);
    expect((await find(staff.actor, "proposalword")).counts.PROPOSAL).toBe(1);
    expect((await find(outsider.actor, "proposalword")).counts.PROPOSAL).toBe(0);
  });

  it("returns only what the policy allows, for everyone and every kind", async () => {
    let checked = 0;
    for (const actor of [staff.actor, expert.actor, outsider.actor, admin.actor, null]) {
      for (const query of ["Քննարկում", "бюджет", "word", "clause", "proposalword", "Ներքին", "Предлагаем"]) {
        for (const hit of (await find(actor, query)).hits) {
          expect(await policyAllows(actor, hit), `${hit.kind} ${hit.id} for ${actor?.id ?? "visitor"}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("search: filters and pages", () => {
  it("filters by kind of result, draft status and organization", async () => {
    const all = await find(staff.actor, "Քննարկում");
    expect(all.counts.ROUND).toBe(2);
    expect((await find(staff.actor, "Քննարկում", { kind: "ROUND" })).hits.every((h) => h.kind === "ROUND")).toBe(true);
    expect(total((await find(staff.actor, "Քննարկում", { organizationId: ngoId })).counts)).toBe(0);
    expect(total((await find(staff.actor, "secretclause", { draftStatus: "ADOPTED" })).counts)).toBe(0);
    expect((await find(staff.actor, "secretclause", { draftKind: "LAW" })).counts.DRAFT).toBe(1);
  });

  it("pages through exact counts, every hit once", async () => {
    const shared = (await loadDraftResource(sharedDraftId))!;
    const thread = await db().commentThread.findFirstOrThrow({
      where: { draftId: sharedDraftId, visibility: "WORKING_GROUP" },
    });
    for (let i = 0; i < 23; i++) await reply(expert.user, shared, thread.id, `pagedword number ${i}`);
    const seen = new Set<string>();
    for (let page = 0; page < 3; page++) {
      const result = await find(expert.actor, "pagedword", { kind: "COMMENT" }, { skip: page * 10, take: 10 });
      expect(result.counts.COMMENT).toBe(23);
      expect(result.hits).toHaveLength(page < 2 ? 10 : 3);
      for (const hit of result.hits) seen.add(hit.id);
    }
    expect(seen.size).toBe(23);
    expect((await find(outsider.actor, "pagedword")).counts.COMMENT).toBe(0);
  });
});

describe("search: the index follows the stored rows", () => {
  it("follows the live text when the document is stored", async () => {
    const { doc: ydoc, lastUpdateId } = await loadDocument(sharedDraftId);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, jsonToYUpdate(doc(article("b1", "Partnership", paragraph("renewedclause")))));
    await compactDocument(sharedDraftId, fresh, lastUpdateId);
    ydoc.destroy();
    expect((await find(staff.actor, "renewedclause")).counts.DRAFT).toBe(1);
    expect((await find(staff.actor, "sharedclause")).counts.DRAFT).toBe(0);
  });

  it("drops deleted comments and withdrawn proposals", async () => {
    const comment = await db().comment.findFirstOrThrow({ where: { body: "pagedword number 0" } });
    await deleteComment(expert.user.id, sharedDraftId, comment.id);
    expect((await find(expert.actor, "pagedword")).counts.COMMENT).toBe(22);
    const proposal = await db().proposal.findFirstOrThrow({ where: { proposedText: "Proposalword text" } });
    await withdrawProposal(expert.user, proposal.id);
    expect((await find(expert.actor, "proposalword")).counts.PROPOSAL).toBe(0);
  });

  it("rebuilds to the same entries", async () => {
    const before = await db().searchEntry.findMany({ select: { key: true, text: true }, orderBy: { key: "asc" } });
    await db().searchEntry.deleteMany();
    expect((await find(staff.actor, "secretclause")).counts.DRAFT).toBe(0);
    await rebuildSearchIndex(db());
    const after = await db().searchEntry.findMany({ select: { key: true, text: true }, orderBy: { key: "asc" } });
    expect(after).toEqual(before);
    expect((await find(staff.actor, "secretclause")).counts.DRAFT).toBe(1);
  });
});
