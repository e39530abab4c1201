import { ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { outlineOf } from "~/editor/outline";
import { can, roundResourceOf, type RoundResource } from "~/policies";
import { db } from "~/utils/db.server";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { readStoredDocument } from "~/editor/stored-document";

/**
 * Consultation rounds as open data. The API speaks for a signed-out visitor: every answer
 * goes through the same policy the public round pages use, with no actor (`can(null, …)`).
 */
type Names = { nameHy: string | null; nameRu: string | null; nameKa: string | null; nameEn: string | null };
type Titles = { titleHy: string | null; titleRu: string | null; titleKa: string | null; titleEn: string | null };

/** Names and titles in every language they were given in: open data does not pick one. */
export const namesOf = (o: Names) => ({ hy: o.nameHy, ru: o.nameRu, ka: o.nameKa, en: o.nameEn });
export const titlesOf = (d: Titles) => ({ hy: d.titleHy, ru: d.titleRu, ka: d.titleKa, en: d.titleEn });

const ORGANIZATION = { select: ORGANIZATION_NAMES } as const;

const ROUND_INCLUDE = {
  invitations: { select: { organizationId: true } },
  version: { select: { id: true, number: true, name: true, sha256: true } },
  draft: { select: { ...DRAFT_FOR_POLICY, kind: true, ownerOrganization: ORGANIZATION } },
  _count: { select: { proposals: { where: { status: "SUBMITTED" as const } } } },
} as const;

type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

function findRound(roundId: string) {
  return db().consultationRound.findUnique({ where: { id: roundId }, include: ROUND_INCLUDE });
}

function resourceOf(round: RoundRow): RoundResource {
  return roundResourceOf(round, draftResourceOf(round.draft));
}

const visibleToAll = (round: RoundRow) => can(null, "round.view", resourceOf(round));
const summaryPublished = (round: RoundRow) => can(null, "round.viewSummary", resourceOf(round));

export function roundJson(origin: string, round: RoundRow) {
  const self = `/api/v1/rounds/${round.id}`;
  const published = summaryPublished(round);
  return {
    id: round.id,
    title: round.title,
    description: round.description,
    status: round.status,
    audience: round.audience,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    timeZone: round.timeZone,
    summaryPublishedAt: published ? round.summaryPublishedAt : null,
    proposalCount: round._count.proposals,
    draft: {
      id: round.draft.id,
      title: titlesOf(round.draft),
      kind: round.draft.kind,
      owner: { id: round.draft.ownerOrganization.id, name: namesOf(round.draft.ownerOrganization) },
    },
    version: round.version,
    links: {
      self: origin + self,
      version: origin + `${self}/version`,
      proposals: origin + `${self}/proposals`,
      page: origin + `/rounds/${round.id}`,
      summary: published ? origin + `/rounds/${round.id}/summary` : null,
    },
  };
}

export type PublicRoundStatus = "OPEN" | "CLOSED" | "ANSWERED";

/** Public rounds that have opened, newest first; the policy checks each row again. */
export async function listPublicRounds(page: { skip: number; take: number }, status?: PublicRoundStatus) {
  const where = { audience: "PUBLIC" as const, status: status ?? { not: "SCHEDULED" as const } };
  const [rows, total] = await Promise.all([
    db().consultationRound.findMany({
      where,
      orderBy: [{ opensAt: "desc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      include: ROUND_INCLUDE,
    }),
    db().consultationRound.count({ where }),
  ]);
  return { items: rows.filter(visibleToAll), total };
}

/** A round a signed-out visitor may see, or null (missing and hidden alike). */
export async function findPublicRound(roundId: string) {
  const round = await findRound(roundId);
  return round && visibleToAll(round) ? round : null;
}

/** The frozen text a round consulted on: metadata, plain text (what the SHA-256 is of) and structure. */
export async function roundVersionJson(origin: string, round: RoundRow) {
  const version = await db().draftVersion.findUniqueOrThrow({
    where: { id: round.version.id },
    select: {
      id: true,
      number: true,
      name: true,
      createdAt: true,
      sha256: true,
      setSha256: true,
      plainText: true,
      content: true,
    },
  });
  return versionJson(version, { round: origin + `/api/v1/rounds/${round.id}` });
}

export function versionJson(
  version: {
    id: string;
    number: number;
    name: string;
    createdAt: Date;
    sha256: string;
    /** Null for a version frozen before versions froze every text. */
    setSha256: string | null;
    plainText: string;
    content: unknown;
  },
  links: Record<string, string>,
) {
  const content = readStoredDocument(version.content);
  return {
    id: version.id,
    number: version.number,
    name: version.name,
    createdAt: version.createdAt,
    sha256: version.sha256,
    /** The SHA-256 of the set of texts (docs/exports.md); each text's own is under the entry's `texts`. */
    setSha256: version.setSha256,
    text: version.plainText,
    /** Chapters and articles in order with their stable ids: what proposals' `articleId` refers to. */
    outline: outlineOf(content),
    content,
    links,
  };
}

/**
 * The proposals of a round with their official answers, once the summary is published
 * (decision 006: every proposal answered first); before that, nothing but the count.
 * Withdrawn proposals are not part of the record.
 */
export async function roundProposalsJson(origin: string, round: RoundRow, page: { skip: number; take: number }) {
  if (!summaryPublished(round)) return { summaryPublished: false, items: [], total: 0 };
  const where = { roundId: round.id, status: "SUBMITTED" as const };
  const [rows, total, version] = await Promise.all([
    db().proposal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      include: { author: { select: { name: true, deletedAt: true } }, organization: ORGANIZATION },
    }),
    db().proposal.count({ where }),
    db().draftVersion.findUniqueOrThrow({ where: { id: round.version.id }, select: { content: true } }),
  ]);
  const numbers = new Map(
    outlineOf(readStoredDocument(version.content))
      .filter((entry) => entry.type === "article")
      .map((entry) => [entry.id, entry.number]),
  );
  return {
    summaryPublished: true,
    total,
    items: rows.map((p) => ({
      id: p.id,
      articleId: p.articleId,
      articleNumber: numbers.get(p.articleId) ?? null,
      // Hidden by the moderator: the record keeps the proposal and its answer, not its words.
      quote: p.hiddenAt ? null : p.quote,
      proposedText: p.hiddenAt ? null : p.proposedText,
      justification: p.hiddenAt ? null : p.justification,
      hidden: p.hiddenAt ? { reason: p.hiddenReason } : null,
      number: p.number,
      /** Null for a former participant: the account was deleted, the proposal stays. */
      author: p.author.deletedAt ? null : p.author.name,
      organization: p.organization ? { id: p.organization.id, name: namesOf(p.organization) } : null,
      submittedAt: p.createdAt,
      answer: { decision: p.decision, text: p.answer ?? "", answeredAt: p.answeredAt },
    })),
  };
}
