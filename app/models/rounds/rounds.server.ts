import { DRAFT_HEADING, ORGANIZATION_NAMES, ORGANIZATION_NAME_FIELDS } from "~/i18n/localized-name";
import type { CurrentUser } from "~/auth/current-user.server";
import { roundResourceOf, type RoundResource } from "~/policies";
import { indexRound } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { freezeText, writeVersion } from "../documents/versions.server";

export type NewRound = {
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
  audience: "PUBLIC" | "INVITED";
  invited: string[];
  versionName: string;
};

/** A round together with what the policy needs to decide about it. */
export async function loadRound(roundId: string) {
  const round = await db().consultationRound.findUnique({
    where: { id: roundId },
    include: {
      invitations: { select: { organizationId: true } },
      // The text itself comes from frozenText(), read once per version.
      version: { select: { id: true, number: true, name: true, sha256: true } },
      draft: { select: DRAFT_FOR_POLICY },
    },
  });
  if (!round) return null;
  const resource: RoundResource = roundResourceOf(round, draftResourceOf(round.draft));
  return { round, resource };
}

/**
 * Creates a round on a version frozen now, in one transaction: a round that cannot be
 * created leaves no version behind. The scheduler opens it when its time comes.
 */
export async function createRound(user: CurrentUser, draftId: string, input: NewRound, fallbackVersionName: string) {
  const frozen = await freezeText(draftId);
  return db().$transaction(async (tx) => {
    const version = await writeVersion(tx, user.id, draftId, input.versionName || fallbackVersionName, frozen);
    const round = await tx.consultationRound.create({
      data: {
        draftId,
        versionId: version.id,
        title: input.title,
        description: input.description,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        timeZone: input.timeZone,
        audience: input.audience,
        createdById: user.id,
        invitations:
          input.audience === "INVITED"
            ? { create: input.invited.map((organizationId) => ({ organizationId })) }
            : undefined,
      },
    });
    await indexRound(tx, round.id);
    await audit(tx, {
      actorId: user.id,
      action: "round.create",
      objectType: "ConsultationRound",
      objectId: round.id,
      details: {
        draftId,
        versionId: version.id,
        audience: input.audience,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
      },
    });
    return round;
  });
}

/** Rounds a visitor may see: public ones, and invited ones of their organizations (all for the owner's staff). */
export function listVisibleRounds(viewer: { organizationIds: string[]; isPlatformAdmin: boolean } | null) {
  const visible = viewer?.isPlatformAdmin
    ? {}
    : {
        OR: [
          { audience: "PUBLIC" as const },
          ...(viewer
            ? [
                { invitations: { some: { organizationId: { in: viewer.organizationIds } } } },
                { draft: { ownerOrganizationId: { in: viewer.organizationIds } } },
              ]
            : []),
        ],
      };
  return db().consultationRound.findMany({
    where: { AND: [visible, { status: { not: "SCHEDULED" as const } }] },
    orderBy: [{ closesAt: "desc" }],
    take: 100,
    include: {
      draft: { select: DRAFT_HEADING },
      _count: { select: { proposals: { where: { status: "SUBMITTED" } } } },
    },
  });
}

export function listDraftRounds(draftId: string) {
  return db().consultationRound.findMany({
    where: { draftId },
    orderBy: { createdAt: "desc" },
    include: {
      invitations: { select: { organizationId: true } },
      _count: { select: { proposals: { where: { status: "SUBMITTED" } } } },
    },
  });
}

/** Submitted (not withdrawn) proposals per article id: what every visitor may know. */
export async function proposalCountsByArticle(roundId: string): Promise<Record<string, number>> {
  const groups = await db().proposal.groupBy({
    by: ["articleId"],
    where: { roundId, status: "SUBMITTED" },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.articleId, g._count._all]));
}

/** What pages show of a proposal: its text, its answer, and the organization it speaks for. */
const PROPOSAL_FIELDS = {
  id: true,
  articleId: true,
  quote: true,
  proposedText: true,
  justification: true,
  status: true,
  decision: true,
  answer: true,
  createdAt: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenNote: true,
  organization: { select: ORGANIZATION_NAME_FIELDS },
} as const;

/** A person's own proposals in a round, withdrawn ones included, newest first. */
export async function listOwnProposals(roundId: string, authorId: string) {
  const [round, proposals] = await Promise.all([
    db().consultationRound.findUniqueOrThrow({ where: { id: roundId }, select: { status: true } }),
    db().proposal.findMany({ where: { roundId, authorId }, orderBy: { createdAt: "desc" }, select: PROPOSAL_FIELDS }),
  ]);
  return proposals.map((proposal) => answerOncePublished(proposal, round.status));
}

/**
 * An answer is official once the summary is published; until then staff may still correct it,
 * so its author (like everyone) sees it only from then on.
 */
export function answerOncePublished<P extends { decision: string | null; answer: string | null }>(
  proposal: P,
  roundStatus: string,
): P {
  return roundStatus === "ANSWERED" ? proposal : { ...proposal, decision: null, answer: null };
}

/** The organizations a person may speak for in a proposal (their own). */
export function ownOrganizations(organizationIds: string[]) {
  return db().organization.findMany({
    where: { id: { in: organizationIds } },
    select: ORGANIZATION_NAMES,
  });
}

export function answeredCount(roundId: string) {
  return db().proposal.count({ where: { roundId, status: "SUBMITTED", decision: { not: null } } });
}

/** What pages show of a round in headers and lists (never its internal fields). */
export function roundInfo(round: {
  id: string;
  title: string;
  description: string;
  status: string;
  audience: string;
  opensAt: Date;
  closesAt: Date;
  timeZone: string;
}) {
  const { id, title, description, status, audience, opensAt, closesAt, timeZone } = round;
  return { id, title, description, status, audience, opensAt, closesAt, timeZone };
}
