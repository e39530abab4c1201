import { documentIdOf } from "~/editor/document-id";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import type { Locale } from "~/i18n/config";
import type { TextLanguage } from "~/i18n/text-languages";
import { serverT } from "~/i18n/server-t.server";
import { loadDocument } from "~/models/documents/document-log.server";
import { readDocumentJSON } from "~/models/documents/unreadable-document.server";
import { sha256Hex } from "~/models/documents/versions.server";
import { versionTexts, type FrozenVersionText } from "~/models/documents/version-texts.server";
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
 * The set around a main text already loaded. For a version (also a register entry's final
 * version) it is the texts frozen with it, each with its own SHA-256 and the authority as it
 * stood then; for the live text, the live language texts with today's authority.
 * `legacyLive`: a version frozen before versions froze every text reads its language texts
 * from their live documents, as the register did before (once the act is signed or adopted
 * nobody can edit them); elsewhere such a version is its main text alone.
 */
export async function textSetOf(
  main: ActSource,
  draft: DraftFields,
  locale: Locale,
  options: { legacyLive?: boolean } = {},
): Promise<TextSetMember[]> {
  if (main.version) {
    const frozen = await versionTexts(main.version.id);
    if (frozen.frozen || !options.legacyLive) return frozenSet(main, draft, locale, frozen.texts);
  }
  return liveSet(main, draft, locale);
}

function frozenSet(main: ActSource, draft: DraftFields, locale: Locale, texts: FrozenVersionText[]) {
  const version = main.version!;
  return texts.map((text): TextSetMember => {
    if (text.versionTextId === null) {
      return { textId: null, authority: text.authority, source: main };
    }
    const source = actSourceOf({
      draft: { ...draft, textLanguage: text.language },
      version: { ...version, sha256: text.sha256, createdAt: main.date },
      doc: text.content,
      locale,
    });
    return { textId: text.textId, authority: text.authority, source: titled(source, text.title) };
  });
}

async function liveSet(main: ActSource, draft: DraftFields, locale: Locale) {
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
      version: main.version && { ...main.version, sha256: sha256Hex(plainTextOf(doc)), createdAt: main.date },
      doc,
      locale,
      // One date for the set: the expressions of one act share it (Akoma Ntoso URIs).
      now: main.date,
    });
    members.push({ textId: text.textId, authority: text.authority, source: titled(source, text.title) });
  }
  return members;
}

function titled(source: ActSource, title: string | null): ActSource {
  const shown = title ?? source.labels.title;
  return { ...source, contentTitle: shown, labels: { ...source.labels, title: shown } };
}

/** Whether the draft has texts in other languages (the parallel exports are offered then). */
export async function hasLanguageTexts(draftId: string): Promise<boolean> {
  return (await authenticTexts(draftId)).length > 1;
}

/** "Текст на языке: русский · Перевод": a column's heading in its own text's language (a document's label). */
export function columnHeading(member: TextSetMember): string {
  return headingOf(member.source.language, member.authority);
}

function headingOf(language: TextLanguage, authority: Authority): string {
  const t = serverT(language);
  const name = t("texts.languageText", { language: t(`textLanguages.${language}`) });
  return `${name} · ${t(`texts.authority.${authority}`)}`;
}

/** The columns of the print view: each text's document with its heading and "not in this text" in its language. */
export function parallelColumns(members: TextSetMember[]) {
  return columnsOf(members.map((m) => ({ language: m.source.language, authority: m.authority, doc: m.source.doc })));
}

/** The same columns from texts already read (a version's frozen texts). */
export function columnsOf(texts: { language: TextLanguage; authority: Authority; doc: DocNode }[]) {
  return texts.map((text) => ({
    language: text.language,
    heading: headingOf(text.language, text.authority),
    missing: serverT(text.language)("texts.notInThisText"),
    doc: text.doc,
  }));
}
