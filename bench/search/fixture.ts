import type { Db } from "../../app/utils/db.server";
import { searchWords } from "../../app/search/search-words";

/**
 * A search corpus written with bulk inserts: 2,000 drafts of 20 ministries (a third shared
 * with an NGO), 500 rounds (a third invited), 20,000 comment threads with 100,000 comments
 * (a tenth internal) and 10,000 proposals, in Armenian, Russian, Georgian and English.
 * The search entries are computed by the same `searchWords` the app uses.
 */
export const SIZES = {
  ministries: 20,
  ngos: 30,
  drafts: Number(process.env.BENCH_DRAFTS ?? 2000),
  comments: Number(process.env.BENCH_COMMENTS ?? 100_000),
};

const WORDS = [
  "համայնք",
  "բյուջե",
  "ավագանի",
  "որոշում",
  "հրապարակայնություն",
  "բնակիչ",
  "ղեկավար",
  "հաշվետվություն",
  "бюджет",
  "община",
  "решение",
  "совет",
  "прозрачность",
  "житель",
  "отчёт",
  "поправка",
  "მუნიციპალიტეტი",
  "ბიუჯეტი",
  "საკრებულო",
  "გადაწყვეტილება",
  "გამჭვირვალობა",
  "მოქალაქე",
  "ანგარიში",
  "budget",
  "council",
  "decision",
  "transparency",
  "resident",
  "report",
  "amendment",
  "municipality",
];

/** Deterministic, so every run (and both databases) search the same corpus. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function writeCorpus(client: Db) {
  const rand = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(" ") + ".";
  const chunked = async <T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
  };
  const when = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000);

  const orgs = [
    ...Array.from({ length: SIZES.ministries }, (_, i) => ({ id: `m${i}`, kind: "MINISTRY" as const })),
    ...Array.from({ length: SIZES.ngos }, (_, i) => ({ id: `n${i}`, kind: "NGO" as const })),
  ];
  await client.organization.createMany({
    data: orgs.map((o) => ({ ...o, slug: o.id, nameEn: `Organization ${o.id}`, country: "AM" })),
  });
  const users = orgs.map((o) => ({ id: `u-${o.id}`, email: `${o.id}@bench.example`, name: `User ${o.id}` }));
  await client.user.createMany({ data: users });
  await client.membership.createMany({ data: orgs.map((o) => ({ userId: `u-${o.id}`, organizationId: o.id })) });

  const drafts = Array.from({ length: SIZES.drafts }, (_, i) => ({
    id: `d${i}`,
    titleHy: `Նախագիծ ${i} ${sentence(4)}`,
    titleEn: `Draft ${i} ${sentence(3)}`,
    kind: "LAW" as const,
    ownerOrganizationId: `m${i % SIZES.ministries}`,
    text: Array.from({ length: 30 }, () => sentence(12)).join(" "),
  }));
  await chunked(drafts, 500, (chunk) => client.draft.createMany({ data: chunk.map(({ text: _text, ...d }) => d) }));
  await chunked(drafts, 500, (chunk) =>
    client.documentSnapshot.createMany({
      data: chunk.map((d) => ({
        documentId: d.id,
        draftId: d.id,
        state: new Uint8Array(),
        outline: [],
        plainText: d.text,
      })),
    }),
  );
  await client.draftAccess.createMany({
    data: drafts
      .filter((_, i) => i % 3 === 0)
      .map((d, i) => ({ draftId: d.id, organizationId: `n${i % SIZES.ngos}`, level: "COMMENT" as const })),
  });

  const versions = drafts
    .filter((_, i) => i % 4 === 0)
    .map((d) => ({
      id: `v-${d.id}`,
      draftId: d.id,
      number: 1,
      name: "1",
      state: new Uint8Array(),
      content: {},
      plainText: "",
      sha256: "x",
    }));
  await chunked(versions, 500, (chunk) => client.draftVersion.createMany({ data: chunk }));
  const rounds = versions.map((v, i) => ({
    id: `r${i}`,
    draftId: v.draftId,
    versionId: v.id,
    title: `Քննարկում ${i} ${sentence(3)}`,
    description: sentence(20),
    opensAt: when(i),
    closesAt: when(i + 100_000),
    audience: i % 3 === 0 ? ("INVITED" as const) : ("PUBLIC" as const),
    status: i % 2 === 0 ? ("OPEN" as const) : ("ANSWERED" as const),
  }));
  await client.consultationRound.createMany({ data: rounds });
  await client.roundInvitation.createMany({
    data: rounds
      .filter((r) => r.audience === "INVITED")
      .map((r, i) => ({ roundId: r.id, organizationId: `n${i % SIZES.ngos}` })),
  });

  const threadCount = Math.ceil(SIZES.comments / 5);
  const threads = Array.from({ length: threadCount }, (_, i) => {
    const draft = drafts[i % drafts.length]!;
    const internal = i % 10 === 0;
    return {
      id: `t${i}`,
      draftId: draft.id,
      articleId: "a1",
      visibility: internal ? ("INTERNAL" as const) : ("WORKING_GROUP" as const),
      authorId: `u-${draft.ownerOrganizationId}`,
    };
  });
  await chunked(threads, 2000, (chunk) => client.commentThread.createMany({ data: chunk }));
  const comments = Array.from({ length: SIZES.comments }, (_, i) => ({
    id: `c${i}`,
    threadId: `t${i % threadCount}`,
    authorId: threads[i % threadCount]!.authorId,
    body: sentence(5 + (i % 20)),
    createdAt: when(i),
  }));
  await chunked(comments, 2000, (chunk) => client.comment.createMany({ data: chunk }));
  const proposals = Array.from({ length: SIZES.comments / 10 }, (_, i) => ({
    id: `p${i}`,
    roundId: rounds[i % rounds.length]!.id,
    articleId: "a1",
    proposedText: sentence(15),
    justification: sentence(10),
    authorId: `u-n${i % SIZES.ngos}`,
    createdAt: when(i),
  }));
  await chunked(proposals, 2000, (chunk) => client.proposal.createMany({ data: chunk }));

  const entries = [
    ...drafts.map((d, i) => ({
      key: `draft:${d.id}`,
      kind: "DRAFT" as const,
      draftId: d.id,
      text: searchWords(d.titleHy, d.titleEn, d.text),
      updatedAt: when(i * 50),
    })),
    ...rounds.map((r, i) => ({
      key: `round:${r.id}`,
      kind: "ROUND" as const,
      draftId: r.draftId,
      roundId: r.id,
      text: searchWords(r.title, r.description),
      updatedAt: when(i * 200),
    })),
    ...comments.map((c) => ({
      key: `comment:${c.id}`,
      kind: "COMMENT" as const,
      draftId: threads[Number(c.threadId.slice(1))]!.draftId,
      threadId: c.threadId,
      commentId: c.id,
      text: searchWords(c.body),
      updatedAt: c.createdAt,
    })),
    ...proposals.map((p) => ({
      key: `proposal:${p.id}`,
      kind: "PROPOSAL" as const,
      draftId: rounds[Number(p.roundId.slice(1))]!.draftId,
      roundId: p.roundId,
      proposalId: p.id,
      text: searchWords(p.proposedText, p.justification),
      updatedAt: p.createdAt,
    })),
  ];
  await chunked(entries, 1000, (chunk) => client.searchEntry.createMany({ data: chunk }));
  return { entries: entries.length };
}
