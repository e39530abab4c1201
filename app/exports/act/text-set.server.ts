import { documentIdOf } from "~/editor/document-id";
import type { DocNode } from "~/editor/document-json";
import type { Locale } from "~/i18n/config";
import { serverT } from "~/i18n/server-t.server";
import { loadDocument } from "~/models/documents/document-log.server";
import { readDocumentJSON } from "~/models/documents/unreadable-document.server";
import { authenticTexts, type Authority } from "~/models/texts/authenticity.server";
import { actSourceOf, type ActSource } from "./act-source.server";

/**
 * Every text of an act for the parallel exports (DOCX in columns, the print view, Akoma Ntoso
 * with one expression per language): the main text first, then the language texts, each as an
 * `ActSource` in its own language (labels, title, SHA-256 of its own plain text) with its
 * authority (decision 024).
 */
export type TextSetMember = { textId: string | null; authority: Authority; source: ActSource };

type DraftFields = Parameters<typeof actSourceOf>[0]["draft"];

async function liveText(documentId: string): Promise<DocNode> {
  const { doc } = await loadDocument(documentId);
  try {
    return readDocumentJSON(documentId, doc, "live text");
  } finally {
    doc.destroy();
  }
}

/**
 * The set around a main text already loaded (a version, the live text, a register entry's
 * final version). The language texts are read from their live documents: versions do not
 * freeze them yet, and once the act is signed or adopted nobody can edit them (documentAccess),
 * so for a register entry they are the texts as they stood when it was signed.
 */
export async function textSetOf(main: ActSource, draft: DraftFields, locale: Locale): Promise<TextSetMember[]> {
  const texts = await authenticTexts(main.draftId);
  const members: TextSetMember[] = [];
  for (const text of texts) {
    if (text.textId === null) {
      members.push({ textId: null, authority: text.authority, source: main });
      continue;
    }
    const doc = await liveText(documentIdOf(main.draftId, text.textId));
    const source = actSourceOf({
      draft: { ...draft, textLanguage: text.language },
      version: null,
      doc,
      locale,
      // One date for the set: the expressions of one act share it (Akoma Ntoso URIs).
      now: main.date,
    });
    const title = text.title ?? source.labels.title;
    members.push({
      textId: text.textId,
      authority: text.authority,
      source: { ...source, contentTitle: title, labels: { ...source.labels, title } },
    });
  }
  return members;
}

/** Whether the draft has texts in other languages (the parallel exports are offered then). */
export async function hasLanguageTexts(draftId: string): Promise<boolean> {
  return (await authenticTexts(draftId)).length > 1;
}

/** "Текст на языке: русский · Перевод": a column's heading in its own text's language (a document's label). */
export function columnHeading(member: TextSetMember): string {
  const { language } = member.source;
  const t = serverT(language);
  const name = t("texts.languageText", { language: t(`textLanguages.${language}`) });
  return `${name} · ${t(`texts.authority.${member.authority}`)}`;
}

/** The columns of the print view: each text's document with its heading and "not in this text" in its language. */
export function parallelColumns(members: TextSetMember[]) {
  return members.map((member) => ({
    language: member.source.language,
    heading: columnHeading(member),
    missing: serverT(member.source.language)("texts.notInThisText"),
    doc: member.source.doc,
  }));
}
