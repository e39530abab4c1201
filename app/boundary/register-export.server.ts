import type { DocNode } from "~/editor/document-json";
import { getCurrentUser } from "~/auth/current-user.server";
import { resolveLocale } from "~/i18n/locale.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { loadRegisterEntry } from "~/models/register/register.server";
import { can } from "~/policies";
import { db } from "~/utils/db.server";
import { found, notFound } from "./http-errors.server";
import { orUnreadableDocument } from "./unreadable-document.server";
import { actToAkn } from "~/exports/act/act-akn.server";
import { actToDocx } from "~/exports/act/act-docx.server";
import { exportDisposition } from "~/exports/act/act-responses.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { aknZipDownload, parallelDocxDownload } from "~/exports/act/parallel-responses.server";
import { textSetOf, type TextSetMember } from "~/exports/act/text-set.server";
import { actToPdf } from "~/exports/pdf/act-pdf.server";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  "akn.xml": "application/akn+xml; charset=utf-8",
} as const;

export type RegisterFormat = keyof typeof TYPES;

const DRAFT_FIELDS = {
  id: true,
  titleHy: true,
  titleRu: true,
  titleKa: true,
  titleEn: true,
  kind: true,
  status: true,
  textLanguage: true,
  createdAt: true,
  ownerOrganization: {
    select: { id: true, slug: true, country: true, nameHy: true, nameRu: true, nameKa: true, nameEn: true },
  },
} as const;

/**
 * The texts of a register entry for anyone who may see the entry (`draft.viewInRegister`):
 * the final version's text first, then its texts in other languages with their authority.
 * The same 404 as the entry's page otherwise, or when the entry has no final version yet.
 */
export async function registerTexts(request: Request, draftId: string | undefined): Promise<TextSetMember[]> {
  const user = await getCurrentUser(request);
  const entry = await loadRegisterEntry(draftId ?? "");
  if (!entry || !can(user?.actor ?? null, "draft.viewInRegister", draftResourceOf(entry.draft))) throw notFound();
  if (!entry.version) throw notFound();
  const draft = await db().draft.findUniqueOrThrow({ where: { id: entry.draft.id }, select: DRAFT_FIELDS });
  const locale = resolveLocale(request, user?.locale);
  const main = actSourceOf({ draft, version: entry.version, doc: entry.version.content as unknown as DocNode, locale });
  return orUnreadableDocument(request, user?.locale, () => textSetOf(main, draft, locale, { legacyLive: true }));
}

/**
 * One text of a register entry as Word, PDF or Akoma Ntoso: the final text, or with
 * `?text=<id>` one of its texts in other languages (404 for any other id).
 */
export async function registerExportResponse(request: Request, draftId: string | undefined, format: RegisterFormat) {
  const members = await registerTexts(request, draftId);
  const textId = new URL(request.url).searchParams.get("text");
  const { source } = found(members.find((member) => member.textId === (textId || null)));
  const body =
    format === "akn.xml"
      ? actToAkn(source)
      : new Uint8Array(format === "pdf" ? await actToPdf(source) : await actToDocx(source));
  return new Response(body, {
    headers: { "Content-Type": TYPES[format], "Content-Disposition": exportDisposition(source, format) },
  });
}

/** Every text of a register entry together: Word in parallel columns, or Akoma Ntoso per language in a ZIP. */
export async function registerParallelResponse(
  request: Request,
  draftId: string | undefined,
  format: "docx" | "akn.zip",
) {
  const members = await registerTexts(request, draftId);
  if (members.length < 2) throw notFound();
  // Public, final texts: no private cache rule needed beyond the register's.
  return format === "docx" ? parallelDocxDownload(members, "no-cache") : aknZipDownload(members, "no-cache");
}
