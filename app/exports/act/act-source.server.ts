import type { CurrentUser } from "~/auth/current-user.server";
import { draftTitle } from "~/i18n/localized-name";
import { organizationName } from "~/i18n/localized-name";
import { plainTextOf, type DocNode } from "~/editor/document-json";
import type { Locale } from "~/i18n/config";
import { formatDate } from "~/i18n/format";
import { serverT } from "~/i18n/server-t.server";
import { listVisibleThreads } from "~/models/comments/comments.server";
import { textOf } from "~/models/documents/compare.server";
import { getVersion, sha256Hex } from "~/models/documents/versions.server";
import type { DraftResource, DraftStatus } from "~/policies";
import { storedTextLanguage, textLabels } from "~/i18n/text-languages";
import type { ContentLanguage } from "./content-language";
import { withTrackedChanges, type TrackedText } from "./docx-tracked-changes.server";
import { loadDocument } from "~/models/documents/document-log.server";

/**
 * Everything an export of a draft's text needs, gathered once for DOCX and Akoma Ntoso:
 * the text (a frozen version or the live text), its SHA-256, and the labels of the title block
 * and footer in the language the text is written in (a document's labels follow the document,
 * not the reader). The route decides who may read it (`draft.view`) before asking.
 */
export type ActSource = {
  draftId: string;
  /** Null for the live text. */
  version: { id: string; number: number; name: string } | null;
  doc: DocNode;
  sha256: string;
  /** When the version was frozen, or now for the live text. */
  date: Date;
  status: DraftStatus;
  kind: string;
  /** When the draft was started: the date of the work in Akoma Ntoso's FRBR identifiers. */
  draftCreatedAt: Date;
  owner: { id: string; slug: string; country: string; name: string };
  /** The draft's title in the language of its text (for Akoma Ntoso), else its first title. */
  contentTitle: string;
  /** The language the text is written in (the draft's `textLanguage`): labels, tags, metadata. */
  language: ContentLanguage;
  locale: Locale;
  labels: ActLabels;
};

export type ActLabels = {
  title: string;
  /** "ՆԱԽԱԳԻԾ" over the title until the act is adopted; null once it is. */
  draftMark: string | null;
  kind: string;
  kindLabel: string;
  version: string;
  versionLabel: string;
  date: string;
  dateLabel: string;
  shaLabel: string;
  chapterNumber: (n: number) => string;
  articleNumber: (n: number) => string;
};

type DraftFields = {
  id: string;
  titleHy: string | null;
  titleRu: string | null;
  titleKa: string | null;
  titleEn: string | null;
  kind: string;
  status: DraftStatus;
  textLanguage: string;
  createdAt: Date;
  ownerOrganization: {
    id: string;
    slug: string;
    country: string;
    nameHy: string | null;
    nameRu: string | null;
    nameKa: string | null;
    nameEn: string | null;
  };
};

/** `textLanguage`: the main text's language frozen with the version (null or absent: the draft's). */
type VersionFields = {
  id: string;
  number: number;
  name: string;
  sha256: string;
  createdAt: Date;
  textLanguage?: string | null;
};

/** The export's source from loaded parts (also what tests and the bench build directly). */
export function actSourceOf(input: {
  draft: DraftFields;
  version: VersionFields | null;
  doc: DocNode;
  locale: Locale;
  now?: Date;
}): ActSource {
  const { draft, version, doc, locale } = input;
  const plainText = plainTextOf(doc);
  const date = version ? version.createdAt : (input.now ?? new Date());
  const language = storedTextLanguage(version?.textLanguage ?? draft.textLanguage);
  const t = serverT(language);
  const structure = textLabels(language);
  return {
    draftId: draft.id,
    version: version ? { id: version.id, number: version.number, name: version.name } : null,
    doc,
    sha256: version ? version.sha256 : sha256Hex(plainText),
    date,
    status: draft.status,
    kind: draft.kind,
    draftCreatedAt: draft.createdAt,
    owner: {
      id: draft.ownerOrganization.id,
      slug: draft.ownerOrganization.slug,
      country: draft.ownerOrganization.country,
      name: organizationName(draft.ownerOrganization, language),
    },
    language,
    contentTitle: draftTitle(draft, language),
    locale,
    labels: {
      title: draftTitle(draft, language),
      // Minutes are not a draft act: their approved version is exported without the mark.
      draftMark:
        draft.status === "ADOPTED" || draft.status === "SIGNED" || draft.kind === "MINUTES"
          ? null
          : t("exports.draftMark"),
      kind: t(`draftKinds.${draft.kind}`),
      kindLabel: t("exports.kind"),
      version: version ? t("versions.label", { number: version.number, name: version.name }) : t("exports.liveText"),
      versionLabel: t("exports.version"),
      date: formatDate(t, date, true),
      dateLabel: t("exports.date"),
      shaLabel: t("exports.sha256"),
      // Plain digits, no grouping: the importer reads "Article 1000." back.
      chapterNumber: structure.chapterNumber,
      articleNumber: structure.articleNumber,
    },
  };
}

/**
 * Loads a version (or with `versionId` null the live text) of a draft the route has
 * already authorized. Null when the draft has no such version (or no text); an unreadable live text
 * throws `UnreadableDocumentError` for the route to answer.
 */
export async function loadActSource(input: {
  draft: DraftFields;
  versionId: string | null;
  locale: Locale;
}): Promise<ActSource | null> {
  const { draft, versionId, locale } = input;
  const version = versionId ? await getVersion(draft.id, versionId) : null;
  if (versionId && !version) return null;
  const doc = version ? version.content : await textOf(draft.id, "live");
  if (!doc) return null;
  return actSourceOf({ draft, version, doc, locale });
}

/** The working-group threads this person may see (the comment policy decides), for `?comments=1`. */
export async function workingGroupThreads(user: CurrentUser, resource: DraftResource) {
  const threads = await listVisibleThreads(user, resource);
  return threads
    .filter((thread) => thread.visibility === "WORKING_GROUP")
    .map((thread) => ({
      articleId: thread.articleId,
      quote: thread.quote,
      resolved: thread.status === "RESOLVED",
      comments: thread.comments
        .filter((c) => !c.deletedAt)
        .map((c) => ({ author: c.author.name, date: c.createdAt, body: c.body })),
    }))
    .filter((thread) => thread.comments.length > 0);
}

export type ExportThread = Awaited<ReturnType<typeof workingGroupThreads>>[number];

/** The live text with its pending suggestions as tracked changes, for `?suggestions=1` (DOCX of the live text). */
export async function liveTextWithSuggestions(draftId: string): Promise<TrackedText> {
  const { doc } = await loadDocument(draftId);
  try {
    return withTrackedChanges(doc);
  } finally {
    doc.destroy();
  }
}
