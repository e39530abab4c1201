import { registerMatches } from "~/search/register-search.server";
import { DRAFT_TITLES, ORGANIZATION_NAMES } from "~/i18n/localized-name";
import { PLATFORM_TIME_ZONE } from "~/i18n/config";
import { can, REGISTERED_STATUSES, roundResourceOf, type MaybeActor } from "~/policies";
import type { DRAFT_KINDS } from "~/schemas/draft";
import { db } from "~/utils/db.server";
import type { Page } from "~/utils/pagination";
import { DRAFT_FOR_POLICY, draftResourceOf } from "../drafts/draft-access.server";
import { VERSION_TEXT_FIELDS } from "../documents/versions.server";

/**
 * The register of adopted acts and signed agreements. A draft is in it while its status is
 * ADOPTED or SIGNED (both are final: no transition leaves them), and the moment it got
 * there is the last `draft.status` audit event of the draft.
 */
export type RegisterFilters = {
  kind?: (typeof DRAFT_KINDS)[number];
  organizationId?: string;
  year?: number;
  /** Words to find in the titles, the owner's names and the final text. */
  q?: string;
  order?: "relevance" | "newest";
};

const yearFormat = new Intl.DateTimeFormat("en-US", { timeZone: PLATFORM_TIME_ZONE, year: "numeric" });

/** The calendar year of a moment where the platform keeps its dates (a signing late on 31 December stays in its year). */
export function registerYear(moment: Date): number {
  return Number(yearFormat.format(moment));
}

/**
 * When each draft last changed status. Final statuses have no way out, so for a registered
 * draft this is when it was adopted or signed; without an event (imported data) its last update.
 */
async function reachedAt(drafts: { id: string; updatedAt: Date }[]): Promise<Map<string, Date>> {
  const groups = await db().auditEvent.groupBy({
    by: ["objectId"],
    where: { action: "draft.status", objectId: { in: drafts.map((d) => d.id) } },
    _max: { createdAt: true },
  });
  const last = new Map(groups.map((g) => [g.objectId, g._max.createdAt]));
  return new Map(drafts.map((d) => [d.id, last.get(d.id) ?? d.updatedAt]));
}

/** What the register shows of a signature: the event that made an agreement SIGNED. */
export const SIGNATURE_FIELDS = {
  versionId: true,
  signedOn: true,
  place: true,
  signatories: { orderBy: { ordinal: "asc" }, select: { name: true, position: true, organization: true } },
} as const;

/**
 * One page of the register, newest first, with the years and owners present for the filters.
 * The register holds final acts only (hundreds, a few thousand over years): they are read in
 * two queries and filtered by year in memory, since the date lives in the audit log.
 */
export async function listRegister(filters: RegisterFilters, page: Pick<Page, "skip" | "take">) {
  const drafts = await db().draft.findMany({
    where: { status: { in: REGISTERED_STATUSES } },
    select: {
      id: true,
      ...DRAFT_TITLES,
      kind: true,
      status: true,
      updatedAt: true,
      ownerOrganization: { select: ORGANIZATION_NAMES },
      signature: { select: SIGNATURE_FIELDS },
    },
  });
  const dates = await reachedAt(drafts);
  const entries = drafts
    .map(({ updatedAt: _updatedAt, ...draft }) => ({ ...draft, reachedAt: dates.get(draft.id)! }))
    .sort((a, b) => b.reachedAt.getTime() - a.reachedAt.getTime() || a.id.localeCompare(b.id));
  const years = [...new Set(entries.map((e) => registerYear(e.reachedAt)))].sort((a, b) => b - a);
  const organizations = [...new Map(entries.map((e) => [e.ownerOrganization.id, e.ownerOrganization])).values()];
  const found = await registerMatches(
    entries.map((e) => e.id),
    filters.q ?? "",
  );
  const matching = entries.filter(
    (e) =>
      (!found || found.has(e.id)) &&
      (!filters.kind || e.kind === filters.kind) &&
      (!filters.organizationId || e.ownerOrganization.id === filters.organizationId) &&
      (!filters.year || registerYear(e.reachedAt) === filters.year),
  );
  // A search lists the best match first unless the reader asks for the newest; the sort is stable.
  if (found && filters.order !== "newest") matching.sort((a, b) => found.get(a.id)! - found.get(b.id)!);
  return {
    items: matching.slice(page.skip, page.skip + page.take),
    total: matching.length,
    years,
    organizations,
  };
}

/**
 * The text that was adopted or signed: the version the collegium adopted, else the last
 * version frozen before the draft reached its final status, else the last version at all.
 */
async function finalVersion(draftId: string, reached: Date, adoptedVersionId: string | null) {
  if (adoptedVersionId) {
    return db().draftVersion.findUnique({ where: { id: adoptedVersionId }, select: VERSION_TEXT_FIELDS });
  }
  return (
    (await db().draftVersion.findFirst({
      where: { draftId, createdAt: { lte: reached } },
      orderBy: { number: "desc" },
      select: VERSION_TEXT_FIELDS,
    })) ??
    (await db().draftVersion.findFirst({
      where: { draftId },
      orderBy: { number: "desc" },
      select: VERSION_TEXT_FIELDS,
    }))
  );
}

/**
 * A draft with what its register entry shows: the final text, every round (the caller keeps
 * those the visitor may see) and the collegium's closed reviews. Null when there is no such draft;
 * whether it is in the register is the policy's call (`draft.viewInRegister`).
 */
export async function loadRegisterEntry(draftId: string) {
  const draft = await db().draft.findUnique({
    where: { id: draftId },
    select: { ...DRAFT_FOR_POLICY, kind: true, updatedAt: true, ownerOrganization: { select: ORGANIZATION_NAMES } },
  });
  if (!draft) return null;
  const [reached, rounds, reviews, signature] = await Promise.all([
    reachedAt([draft]).then((dates) => dates.get(draft.id)!),
    db().consultationRound.findMany({
      where: { draftId, status: { not: "SCHEDULED" } },
      orderBy: { opensAt: "asc" },
      include: {
        invitations: { select: { organizationId: true } },
        version: { select: { id: true, number: true, name: true, sha256: true } },
        _count: { select: { proposals: { where: { status: "SUBMITTED" } } } },
      },
    }),
    db().collegiumReview.findMany({
      where: { draftId, status: "CLOSED" },
      orderBy: { closedAt: "asc" },
      select: {
        id: true,
        sentAt: true,
        closedAt: true,
        outcome: true,
        versionId: true,
        body: { select: ORGANIZATION_NAMES },
      },
    }),
    db().agreementSignature.findUnique({ where: { draftId }, select: SIGNATURE_FIELDS }),
  ]);
  const adopted = reviews.filter((r) => r.outcome === "ADOPTED").at(-1);
  // A signed agreement's text is the version its signatories signed.
  const sourceVersionId = signature?.versionId ?? adopted?.versionId ?? null;
  const version = await finalVersion(draft.id, reached, sourceVersionId);
  return { draft, reachedAt: reached, version, rounds, reviews, signature };
}

/**
 * The rounds of a register entry this visitor may see, by the same `round.view` rule as the
 * round pages: public rounds for everyone, invited ones for their guests and the owner's staff.
 */
export function visibleEntryRounds(
  actor: MaybeActor,
  entry: NonNullable<Awaited<ReturnType<typeof loadRegisterEntry>>>,
) {
  const draft = draftResourceOf(entry.draft);
  return entry.rounds
    .map((round) => ({ round, resource: roundResourceOf(round, draft) }))
    .filter(({ resource }) => can(actor, "round.view", resource));
}
