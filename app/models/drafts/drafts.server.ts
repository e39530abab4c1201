import { DRAFT_TITLES } from "~/i18n/localized-name";
import type { DocNode } from "~/editor/document-json";
import { jsonToYUpdate } from "~/editor/yjs-document";
import type { TextLanguage } from "~/i18n/text-languages";
import type { DraftStatus } from "~/policies";
import type { DraftDetails, DraftInput } from "~/schemas/draft";
import { indexDraft } from "~/search/search-index.server";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { notifyDraftAccessChanged } from "~/utils/draft-events.server";
import type { Page } from "~/utils/pagination";
import { foldForSearch } from "~/utils/search-text";
import { initializeDocument } from "../documents/document-log.server";
import { notifyDraftShared } from "./draft-shared-notice.server";

export type DraftFilters = { status?: string; kind?: string; organizationId?: string };

/** The stored columns for a draft's titles and kind, with the folded text search uses. */
const detailsData = (d: DraftDetails) => ({
  titleHy: d.titleHy,
  titleRu: d.titleRu,
  titleKa: d.titleKa,
  titleEn: d.titleEn,
  kind: d.kind,
  searchText: foldForSearch(d.titleHy, d.titleRu, d.titleKa, d.titleEn),
});

/**
 * Drafts this actor may see: owned by one of their organizations, or shared with one of
 * them or with them personally (everything for a platform admin). The visibility rule
 * lives in the query so lists never load what the policy would hide.
 */
export async function listDrafts(
  viewer: { id: string; isPlatformAdmin: boolean; organizationIds: string[] },
  page: Page,
  filters: DraftFilters,
) {
  const visible = viewer.isPlatformAdmin
    ? {}
    : {
        OR: [
          { ownerOrganizationId: { in: viewer.organizationIds } },
          { access: { some: { organizationId: { in: viewer.organizationIds } } } },
          { access: { some: { userId: viewer.id } } },
        ],
      };
  const where = {
    AND: [
      visible,
      page.query ? { searchText: { contains: foldForSearch(page.query) } } : {},
      filters.status ? { status: filters.status as DraftStatus } : {},
      filters.kind ? { kind: filters.kind as DraftInput["kind"] } : {},
      filters.organizationId ? { ownerOrganizationId: filters.organizationId } : {},
    ],
  };
  const [items, total] = await Promise.all([
    db().draft.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: page.skip,
      take: page.take,
      include: { ownerOrganization: true },
    }),
    db().draft.count({ where }),
  ]);
  return { items, total };
}

/**
 * A draft with its owner and its grants as the policy reads them. Who the grantees are
 * (names, e-mails) only the sharing page shows, from {@link listDraftGrants}: loading them
 * here cost every draft page two more queries, run even when there is no grant.
 */
export function getDraft(id: string) {
  return db().draft.findUnique({ where: { id }, include: { ownerOrganization: true, access: true } });
}

/** Creates a draft and its initial document (template, empty, or imported content). */
/** `textLanguage` left out: the column's default (Armenian), as for seeds and tests. */
export async function createDraft(
  actorId: string,
  input: Omit<DraftInput, "initialContent" | "textLanguage"> & { textLanguage?: TextLanguage },
  content: DocNode,
) {
  const update = jsonToYUpdate(content);
  const draft = await db().$transaction(async (tx) => {
    const created = await tx.draft.create({
      data: {
        ...detailsData(input),
        textLanguage: input.textLanguage,
        ownerOrganizationId: input.ownerOrganizationId,
        createdById: actorId,
      },
    });
    await audit(tx, {
      actorId,
      action: "draft.create",
      objectType: "Draft",
      objectId: created.id,
      details: { kind: input.kind, ownerOrganizationId: input.ownerOrganizationId, textLanguage: input.textLanguage },
    });
    // The draft and its first text commit together: no draft without a document.
    await initializeDocument(created.id, update, tx);
    return created;
  });
  return draft;
}

/** Titles and kind after creation; the owner and the text are changed elsewhere. */
export async function updateDraftDetails(actorId: string, draftId: string, input: DraftDetails) {
  await db().$transaction(async (tx) => {
    const before = await tx.draft.findUniqueOrThrow({
      where: { id: draftId },
      select: { ...DRAFT_TITLES, kind: true },
    });
    await tx.draft.update({
      where: { id: draftId },
      data: detailsData(input),
    });
    await indexDraft(tx, draftId);
    await audit(tx, {
      actorId,
      action: "draft.update",
      objectType: "Draft",
      objectId: draftId,
      details: { before, after: input },
    });
  });
}

/**
 * Says which language the text is written in: its labels, exports and search stemming follow.
 * The search entry is rewritten in the same transaction so the text is found by its new stems.
 */
export async function changeTextLanguage(actorId: string, draftId: string, textLanguage: TextLanguage) {
  await db().$transaction(async (tx) => {
    const before = await tx.draft.findUniqueOrThrow({ where: { id: draftId }, select: { textLanguage: true } });
    if (before.textLanguage === textLanguage) return;
    await tx.draft.update({ where: { id: draftId }, data: { textLanguage } });
    await indexDraft(tx, draftId);
    await audit(tx, {
      actorId,
      action: "draft.textLanguage",
      objectType: "Draft",
      objectId: draftId,
      details: { from: before.textLanguage, to: textLanguage },
    });
  });
}

export async function changeDraftStatus(actorId: string, draftId: string, from: DraftStatus, to: DraftStatus) {
  const changed = await db().$transaction(async (tx) => {
    // Conditional on the status the policy checked, so two racing changes cannot both apply.
    const result = await tx.draft.updateMany({ where: { id: draftId, status: from }, data: { status: to } });
    if (result.count === 0) return false;
    await audit(tx, { actorId, action: "draft.status", objectType: "Draft", objectId: draftId, details: { from, to } });
    return true;
  });
  if (changed) notifyDraftAccessChanged(draftId);
  return changed;
}

export type ShareTarget = { organizationId: string } | { userId: string };

/** Grants or changes access; one grant per organization or person and draft. */
export async function shareDraft(
  actorId: string,
  draftId: string,
  target: ShareTarget,
  level: "EDIT" | "SUGGEST" | "COMMENT",
) {
  await db().$transaction(async (tx) => {
    const where =
      "organizationId" in target
        ? { draftId_organizationId: { draftId, organizationId: target.organizationId } }
        : { draftId_userId: { draftId, userId: target.userId } };
    const before = await tx.draftAccess.findUnique({ where, select: { level: true } });
    const grant = await tx.draftAccess.upsert({
      where,
      create: { draftId, ...target, level, grantedById: actorId },
      update: { level, grantedById: actorId },
    });
    // A new grant or a changed level is news to the people it reaches; the same level again is not.
    if (before?.level !== level) await notifyDraftShared(tx, actorId, draftId, target, level);
    await audit(tx, {
      actorId,
      action: "draft.share",
      objectType: "DraftAccess",
      objectId: grant.id,
      details: { draftId, ...target, level },
    });
  });
  notifyDraftAccessChanged(draftId);
}

export async function revokeDraftAccess(actorId: string, draftId: string, grantId: string) {
  const revoked = await db().$transaction(async (tx) => {
    const grant = await tx.draftAccess.findFirst({ where: { id: grantId, draftId } });
    if (!grant) return false;
    await tx.draftAccess.delete({ where: { id: grantId } });
    await audit(tx, {
      actorId,
      action: "draft.revoke",
      objectType: "DraftAccess",
      objectId: grantId,
      details: { draftId, organizationId: grant.organizationId, userId: grant.userId, level: grant.level },
    });
    return true;
  });
  if (revoked) notifyDraftAccessChanged(draftId);
  return revoked;
}
