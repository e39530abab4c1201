import type { Db, Tx } from "~/utils/db.server";
import { DRAFT_TITLES, ORGANIZATION_NAME_FIELDS } from "~/i18n/localized-name";
import { searchWords } from "./search-words";

/**
 * Keeps SearchEntry in step with what it indexes. Each function (re)writes one object's
 * entry from its stored rows, inside the caller's transaction, so an entry never outlives
 * or precedes the text it stands for. The full-text indexes follow SearchEntry by trigger
 * (SQLite) or generated column (PostgreSQL).
 */
type Client = Tx | Db;

type Entry = {
  kind: "DRAFT" | "ROUND" | "COMMENT" | "PROPOSAL";
  objectId: string;
  draftId: string;
  roundId?: string | null;
  threadId?: string | null;
  commentId?: string | null;
  proposalId?: string | null;
  text: string;
  updatedAt: Date;
};

const keyOf = (kind: Entry["kind"], objectId: string) => `${kind.toLowerCase()}:${objectId}`;

async function writeEntry(client: Client, entry: Entry): Promise<void> {
  const { objectId, ...data } = entry;
  const key = keyOf(entry.kind, objectId);
  // Skip unchanged text: the collab server compacts often, and FTS rewrites are not free.
  const current = await client.searchEntry.findUnique({ where: { key }, select: { text: true } });
  if (current?.text === entry.text) return;
  await client.searchEntry.upsert({ where: { key }, create: { key, ...data }, update: data });
}

async function removeEntry(client: Client, kind: Entry["kind"], objectId: string): Promise<void> {
  await client.searchEntry.deleteMany({ where: { key: keyOf(kind, objectId) } });
}

/** A text whose plain text the caller has just derived (a compaction), by its document id. */
type FreshText = { documentId: string; plainText: string };

/**
 * A draft's titles, its owner's names and its live texts: the main text first, then the
 * others (attachments written in the editor, texts in other languages), so a word of an annex
 * finds the draft. `fresh` is a text the caller has just derived (a string: the main text's);
 * the others are read from their snapshots. For an adopted or signed act, the final text.
 */
export async function indexDraft(client: Client, draftId: string, fresh?: string | FreshText): Promise<void> {
  const changed = typeof fresh === "string" ? { documentId: draftId, plainText: fresh } : fresh;
  const draft = await client.draft.findUnique({
    where: { id: draftId },
    select: {
      ...DRAFT_TITLES,
      updatedAt: true,
      ownerOrganization: { select: ORGANIZATION_NAME_FIELDS },
      // The text just derived is not read again (a main text can be megabytes).
      snapshots: {
        where: changed ? { documentId: { not: changed.documentId } } : {},
        select: { documentId: true, plainText: true },
      },
    },
  });
  if (!draft) return;
  const texts = [...draft.snapshots, ...(changed ? [changed] : [])]
    .sort(
      (a, b) =>
        rankOf(draftId, a.documentId) - rankOf(draftId, b.documentId) || a.documentId.localeCompare(b.documentId),
    )
    .map((text) => text.plainText);
  await writeEntry(client, {
    kind: "DRAFT",
    objectId: draftId,
    draftId,
    text: searchWords(
      draft.titleHy,
      draft.titleRu,
      draft.titleKa,
      draft.titleEn,
      ...Object.values(draft.ownerOrganization),
      ...texts,
    ),
    updatedAt: new Date(),
  });
}

/** The main text (whose document id is the draft's) comes first. */
const rankOf = (draftId: string, documentId: string) => (documentId === draftId ? 0 : 1);

export async function indexRound(client: Client, roundId: string): Promise<void> {
  const round = await client.consultationRound.findUnique({ where: { id: roundId } });
  if (!round) return;
  await writeEntry(client, {
    kind: "ROUND",
    objectId: round.id,
    draftId: round.draftId,
    roundId: round.id,
    text: searchWords(round.title, round.description),
    updatedAt: round.createdAt,
  });
}

/** A comment's words; a deleted comment leaves the index. */
export async function indexComment(client: Client, commentId: string): Promise<void> {
  const comment = await client.comment.findUnique({
    where: { id: commentId },
    include: { thread: { select: { draftId: true } } },
  });
  // Hidden by a moderator: its words are withheld everywhere, search included.
  if (!comment || comment.deletedAt || comment.hiddenAt) {
    await removeEntry(client, "COMMENT", commentId);
    return;
  }
  await writeEntry(client, {
    kind: "COMMENT",
    objectId: comment.id,
    draftId: comment.thread.draftId,
    threadId: comment.threadId,
    commentId: comment.id,
    text: searchWords(comment.body),
    updatedAt: comment.createdAt,
  });
}

/** A submitted proposal's text and justification; a withdrawn or hidden one leaves the index. */
export async function indexProposal(client: Client, proposalId: string): Promise<void> {
  const proposal = await client.proposal.findUnique({
    where: { id: proposalId },
    include: { round: { select: { draftId: true } } },
  });
  if (!proposal || proposal.status !== "SUBMITTED" || proposal.hiddenAt) {
    await removeEntry(client, "PROPOSAL", proposalId);
    return;
  }
  await writeEntry(client, proposalEntry(proposal, proposal.round.draftId));
}

type IndexedProposal = { id: string; roundId: string; proposedText: string; justification: string; createdAt: Date };

function proposalEntry(proposal: IndexedProposal, draftId: string): Entry {
  return {
    kind: "PROPOSAL",
    objectId: proposal.id,
    draftId,
    roundId: proposal.roundId,
    proposalId: proposal.id,
    text: searchWords(proposal.proposedText, proposal.justification),
    updatedAt: proposal.createdAt,
  };
}

/**
 * The entries of proposals just created in the caller's transaction, in one statement: they
 * are new, so there is no entry to compare with or replace (what `indexProposal` reads).
 */
export async function indexNewProposals(tx: Tx, proposals: IndexedProposal[], draftId: string): Promise<void> {
  if (!proposals.length) return;
  await tx.searchEntry.createMany({
    data: proposals.map((proposal) => {
      const { objectId, ...data } = proposalEntry(proposal, draftId);
      return { key: keyOf("PROPOSAL", objectId), ...data };
    }),
  });
}

/**
 * Indexes everything again, in batches: for a database that existed before search (the
 * migration cannot fold text in SQL) and after demo data written straight to the tables.
 */
export async function rebuildSearchIndex(client: Db): Promise<number> {
  let count = 0;
  const each = async (ids: { id: string }[], index: (c: Client, id: string) => Promise<void>) => {
    for (let i = 0; i < ids.length; i += 200) {
      const batch = ids.slice(i, i + 200);
      await client.$transaction(async (tx) => {
        for (const { id } of batch) await index(tx, id);
      });
      count += batch.length;
    }
  };
  await each(await client.draft.findMany({ select: { id: true } }), (c, id) => indexDraft(c, id));
  await each(await client.consultationRound.findMany({ select: { id: true } }), indexRound);
  await each(await client.comment.findMany({ select: { id: true } }), indexComment);
  await each(await client.proposal.findMany({ select: { id: true } }), indexProposal);
  return count;
}

/** Whether some draft has no entry yet (an older database, or rows written by a seed). */
export async function searchIndexIncomplete(client: Db): Promise<boolean> {
  const missing = await client.draft.findFirst({ where: { searchEntries: { none: {} } }, select: { id: true } });
  return missing !== null;
}
