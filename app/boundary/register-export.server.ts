import type { DocNode } from "~/editor/document-json";
import { getCurrentUser } from "~/auth/current-user.server";
import { resolveLocale } from "~/i18n/locale.server";
import { draftResourceOf } from "~/models/drafts/draft-access.server";
import { loadRegisterEntry } from "~/models/register/register.server";
import { can } from "~/policies";
import { db } from "~/utils/db.server";
import { notFound } from "./http-errors.server";
import { actToAkn } from "~/exports/act/act-akn.server";
import { actToDocx } from "~/exports/act/act-docx.server";
import { exportDisposition } from "~/exports/act/act-responses.server";
import { actSourceOf } from "~/exports/act/act-source.server";
import { actToPdf } from "~/exports/pdf/act-pdf.server";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  "akn.xml": "application/akn+xml; charset=utf-8",
} as const;

export type RegisterFormat = keyof typeof TYPES;

/**
 * The final text of a register entry as Word, PDF or Akoma Ntoso, for anyone who may see the
 * entry (`draft.viewInRegister`): the same 404 as the entry's page otherwise, or when the
 * entry has no final version yet.
 */
export async function registerExportResponse(request: Request, draftId: string | undefined, format: RegisterFormat) {
  const user = await getCurrentUser(request);
  const entry = await loadRegisterEntry(draftId ?? "");
  if (!entry || !can(user?.actor ?? null, "draft.viewInRegister", draftResourceOf(entry.draft))) throw notFound();
  if (!entry.version) throw notFound();
  const draft = await db().draft.findUniqueOrThrow({
    where: { id: entry.draft.id },
    select: {
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
    },
  });
  const source = actSourceOf({
    draft,
    version: entry.version,
    doc: entry.version.content as unknown as DocNode,
    locale: resolveLocale(request, user?.locale),
  });
  const body =
    format === "akn.xml"
      ? actToAkn(source)
      : new Uint8Array(format === "pdf" ? await actToPdf(source) : await actToDocx(source));
  return new Response(body, {
    headers: { "Content-Type": TYPES[format], "Content-Disposition": exportDisposition(source, format) },
  });
}
