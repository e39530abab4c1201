import { article, chapter, paragraph, type DocNode } from "./document-json";
import { newNodeId } from "./stable-ids";

/** Looks up a heading of the templates in the interface language, e.g. `label("entryIntoForce")`. */
export type TemplateLabel = (key: string) => string;

/** A template: the preamble's key and chapters of article keys, or articles without chapters. */
type Outline = { preamble: string; chapters?: [string, string[]][]; articles?: string[] };

/**
 * The starting structure of a new draft per kind, with headings in the interface language,
 * following the usual shape of each kind of act in the region's practice.
 */
const OUTLINES: Record<string, Outline> = {
  LAW: {
    preamble: "preamble",
    chapters: [
      ["chapterGeneral", ["articleSubject", "articleTerms"]],
      ["chapterFinal", ["entryIntoForce"]],
    ],
  },
  LAW_AMENDMENT: { preamble: "amendmentPreamble", articles: ["amendmentArticle", "entryIntoForce"] },
  DECISION: { preamble: "decisionPreamble", articles: ["decisionApprove", "decisionResponsible", "entryIntoForce"] },
  CONCEPT: {
    preamble: "conceptPreamble",
    chapters: [
      ["conceptSituation", ["conceptProblems"]],
      ["conceptGoals", ["conceptObjectives"]],
      ["conceptImplementation", ["conceptMonitoring"]],
    ],
  },
  MODEL_REGULATION: {
    preamble: "regulationPreamble",
    chapters: [
      ["chapterGeneral", ["articleSubject"]],
      ["regulationProcedure", ["regulationSessions"]],
      ["chapterFinal", ["regulationAdoption"]],
    ],
  },
  COOPERATION_AGREEMENT: {
    preamble: "agreementPreamble",
    articles: ["partiesArticle", "subjectArticle", "finalArticle"],
  },
  MEMORANDUM: { preamble: "agreementPreamble", articles: ["partiesArticle", "subjectArticle", "finalArticle"] },
  PROTOCOL: { preamble: "protocolPreamble", articles: ["subjectArticle", "protocolActivities", "finalArticle"] },
};

export function templateFor(kind: string, label: TemplateLabel): DocNode {
  const outline = OUTLINES[kind] ?? OUTLINES.LAW!;
  const articles = (keys: string[]) => keys.map((key) => article(newNodeId(), label(key)));
  const body = outline.chapters
    ? outline.chapters.map(([title, keys]) => chapter(newNodeId(), label(title), ...articles(keys)))
    : articles(outline.articles ?? []);
  return { type: "doc", content: [paragraph(label(outline.preamble)), ...body] };
}

export const EMPTY_DOCUMENT: DocNode = { type: "doc", content: [paragraph()] };
