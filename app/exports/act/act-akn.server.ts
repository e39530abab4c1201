import { plainTextOf, type DocNode } from "~/editor/document-json";
import { serverT } from "~/i18n/server-t.server";
import type { ActSource } from "./act-source.server";
import { eIdOf } from "./akn-ids";

export const AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/** ISO 639-2 codes, as Akoma Ntoso's FRBRlanguage and URIs use them. */
const LANGUAGE_CODES = { hy: "hye", ru: "rus", ka: "kat", en: "eng" } as const;

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
/** Characters XML 1.0 cannot carry at all (control characters other than tab and newlines) are dropped. */
const xmlChar = (c: string) => {
  const code = c.codePointAt(0)!;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code !== 0xfffe && code !== 0xffff);
};
const clean = (text: string) => escape([...text].filter(xmlChar).join(""));
const day = (date: Date) => date.toISOString().slice(0, 10);

function inline(nodes: DocNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === "hardBreak") return "<eol/>";
      if (node.type !== "text") return inline(node.content);
      let xml = clean(node.text ?? "");
      for (const mark of node.marks ?? []) {
        if (mark.type === "bold") xml = `<b>${xml}</b>`;
        else if (mark.type === "italic") xml = `<i>${xml}</i>`;
        else if (mark.type === "underline") xml = `<u>${xml}</u>`;
        else if (mark.type === "link" && /^(https?:|mailto:)/i.test(String(mark.attrs?.href ?? ""))) {
          xml = `<a href="${clean(String(mark.attrs!.href))}">${xml}</a>`;
        }
      }
      return xml;
    })
    .join("");
}

/** Blocks (paragraphs, lists, tables) as Akoma Ntoso block elements; `eId` prefixes for lists and tables. */
function blocks(nodes: DocNode[], scope: string): string {
  let counter = 0;
  const block = (node: DocNode): string => {
    switch (node.type) {
      case "paragraph":
        return `<p>${inline(node.content)}</p>`;
      case "bulletList":
      case "orderedList": {
        const tag = node.type === "bulletList" ? "ul" : "ol";
        const items = (node.content ?? []).map((item) => `<li>${(item.content ?? []).map(block).join("")}</li>`);
        return `<${tag} eId="${scope}__list_${++counter}">${items.join("")}</${tag}>`;
      }
      case "table": {
        const rows = (node.content ?? []).map((row) => {
          const cells = (row.content ?? []).map((cell) => {
            const tag = cell.type === "tableHeader" ? "th" : "td";
            const body = (cell.content ?? []).map(block).join("") || "<p/>";
            return `<${tag}>${body}</${tag}>`;
          });
          return `<tr>${cells.join("")}</tr>`;
        });
        return `<table eId="${scope}__table_${++counter}">${rows.join("")}</table>`;
      }
      default:
        return `<p>${clean(plainTextOf(node))}</p>`;
    }
  };
  return nodes.map(block).join("") || "<p/>";
}

const SUBDIVISIONS: Record<string, string> = {
  chapter: "chapter",
  article: "article",
  part: "paragraph",
  point: "point",
};
const PREFIX: Record<string, string> = { chapter: "chp", article: "art", part: "para", point: "point" };

/**
 * Writes the legal structure as Akoma Ntoso hierarchy: chapter, article, paragraph (our
 * "part") and point, each with `num` and, for chapters and articles, `heading`. A level
 * with subdivisions puts loose blocks before them in `intro`, after them in `wrapUp`, and
 * between two of them in an `hcontainer name="text"`; a level without any has `content`.
 */
class AknWriter {
  private chapter = 0;
  private article = 0;
  private readonly fallback = new Map<string, number>();
  private readonly used = new Set<string>();

  constructor(private readonly t: ReturnType<typeof serverT>) {}

  private eId(node: DocNode): string {
    const prefix = PREFIX[node.type]!;
    const id = typeof node.attrs?.id === "string" && node.attrs.id ? node.attrs.id : null;
    const n = (this.fallback.get(prefix) ?? 0) + 1;
    this.fallback.set(prefix, n);
    // A node without an id (never in a saved document) or a repeated one gets a positional eId.
    let eId = id ? eIdOf(prefix, id) : `${prefix}_n${n}`;
    if (this.used.has(eId)) eId = `${eId}.n${n}`;
    this.used.add(eId);
    return eId;
  }

  /** The children of a level: subdivisions, with the loose blocks around them placed. */
  children(nodes: DocNode[], scope: string, numbers = { part: 0, point: 0 }, isBody = false): string {
    const subdivisions = nodes.filter((n) => n.type in SUBDIVISIONS);
    if (!subdivisions.length && !isBody) return `<content>${blocks(nodes, scope)}</content>`;
    let xml = "";
    let loose: DocNode[] = [];
    let seenSubdivision = false;
    let texts = 0;
    for (const node of nodes) {
      if (!(node.type in SUBDIVISIONS)) {
        loose.push(node);
        continue;
      }
      if (loose.length) {
        xml +=
          seenSubdivision || isBody
            ? `<hcontainer eId="${scope}__hcontainer_${++texts}" name="text"><content>${blocks(loose, `${scope}__hcontainer_${texts}`)}</content></hcontainer>`
            : `<intro>${blocks(loose, `${scope}__intro`)}</intro>`;
        loose = [];
      }
      seenSubdivision = true;
      xml += this.level(node, numbers);
    }
    if (loose.length && isBody) {
      xml += `<hcontainer eId="${scope}__hcontainer_${++texts}" name="text"><content>${blocks(loose, `${scope}__hcontainer_${texts}`)}</content></hcontainer>`;
    } else if (loose.length) xml += `<wrapUp>${blocks(loose, `${scope}__wrap`)}</wrapUp>`;
    return xml;
  }

  private level(node: DocNode, numbers: { part: number; point: number }): string {
    const tag = SUBDIVISIONS[node.type]!;
    const eId = this.eId(node);
    const [first, ...rest] = node.content ?? [];
    switch (node.type) {
      case "chapter": {
        const num = this.t("editor.chapterNumber", { number: ++this.chapter });
        return `<${tag} eId="${eId}"><num>${clean(num)}</num>${heading(first)}${this.children(rest, eId)}</${tag}>`;
      }
      case "article": {
        const num = this.t("editor.articleNumber", { number: ++this.article });
        const own = { part: 0, point: 0 };
        return `<${tag} eId="${eId}"><num>${clean(num)}</num>${heading(first)}${this.children(rest, eId, own)}</${tag}>`;
      }
      case "part": {
        numbers.part++;
        numbers.point = 0;
        // The part's opening words stay with it: before its points (intro) or as its content.
        return `<${tag} eId="${eId}"><num>${numbers.part}.</num>${this.children(node.content ?? [], eId, numbers)}</${tag}>`;
      }
      default:
        return `<${tag} eId="${eId}"><num>${++numbers.point})</num>${this.children(node.content ?? [], eId, numbers)}</${tag}>`;
    }
  }
}

function heading(title: DocNode | undefined): string {
  const text = title ? inline(title.content) : "";
  return text ? `<heading>${text}</heading>` : "";
}

const docTypeOf = (source: ActSource) => (source.status === "ADOPTED" || source.status === "SIGNED" ? "act" : "bill");

/** The ISO 639-2 code of a text's language, as FRBRlanguage and the URIs write it. */
export const aknLanguage = (source: ActSource) => LANGUAGE_CODES[source.language];

/** The expression's URI: the work (the draft) in this text's language at this date. */
export function expressionUri(source: ActSource): string {
  const country = source.owner.country.toLowerCase();
  const work = `/akn/${country}/${docTypeOf(source)}/${day(source.draftCreatedAt)}/${source.draftId}`;
  return `${work}/${aknLanguage(source)}@${day(source.date)}`;
}

/**
 * Where this expression stands among the texts of an act in several languages: whether its
 * text is authoritative, the master expression (the main text) when it is another, and the
 * expression it is a translation of when it is one. Absent for an act in one language.
 */
export type ExpressionRole = {
  authoritative: boolean;
  master: ActSource | null;
  translationOf: ActSource | null;
};

/** Before FRBRlanguage, in the schema's order: FRBRauthoritative, then FRBRmasterExpression. */
function expressionRole(role: ExpressionRole | undefined): string {
  if (!role) return "";
  const master = role.master
    ? `<FRBRmasterExpression href="${expressionUri(role.master)}" showAs="${clean(role.master.contentTitle)}"/>`
    : "";
  return `<FRBRauthoritative value="${role.authoritative}"/>${master}`;
}

/** After FRBRlanguage: the source of a translation, made by the act's owner (the agent the schema requires). */
function translationOf(role: ExpressionRole | undefined, author: string): string {
  if (!role?.translationOf) return "";
  const from = role.translationOf;
  return `<FRBRtranslation href="${expressionUri(from)}" fromLanguage="${aknLanguage(from)}" authoritative="false" by="${author}"/>`;
}

/**
 * FRBR identifiers after the Akoma Ntoso naming convention: the work is the draft
 * (`/akn/<country>/<bill|act>/<date started>/<draft id>`), the expression this text in its
 * language and date (version number alongside), the manifestation this XML file.
 */
function identification(source: ActSource, docType: "bill" | "act", now: Date, role?: ExpressionRole): string {
  const country = source.owner.country.toLowerCase();
  const language = LANGUAGE_CODES[source.language];
  const work = `/akn/${country}/${docType}/${day(source.draftCreatedAt)}/${source.draftId}`;
  const expression = expressionUri(source);
  const author = `#${eIdOf("org", source.owner.slug)}`;
  return `<identification source="#agora">
<FRBRWork><FRBRthis value="${work}/!main"/><FRBRuri value="${work}"/><FRBRdate date="${day(source.draftCreatedAt)}" name="draft"/><FRBRauthor href="${author}"/><FRBRcountry value="${country}"/><FRBRname value="${clean(source.contentTitle)}"/></FRBRWork>
<FRBRExpression><FRBRthis value="${expression}/!main"/><FRBRuri value="${expression}"/><FRBRdate date="${day(source.date)}" name="${source.version ? "version" : "currentText"}"/><FRBRauthor href="${author}"/>${source.version ? `<FRBRversionNumber value="${source.version.number}"/>` : ""}${expressionRole(role)}<FRBRlanguage language="${language}"/>${translationOf(role, author)}</FRBRExpression>
<FRBRManifestation><FRBRthis value="${expression}/!main.xml"/><FRBRuri value="${expression}.akn"/><FRBRdate date="${day(now)}" name="export"/><FRBRauthor href="#agora"/></FRBRManifestation>
</identification>`;
}

/**
 * The text as Akoma Ntoso 3.0: a `bill` while the draft is not adopted, an `act` once it is
 * ADOPTED or SIGNED. Numbers are written in the text's own language (this is the document,
 * not a view of it); the SHA-256 of the plain text travels as a proprietary note in `meta`.
 */
export function actToAkn(source: ActSource, now = new Date(), role?: ExpressionRole): string {
  const docType = docTypeOf(source);
  const t = serverT(source.language);
  const writer = new AknWriter(t);
  const content = source.doc.content ?? [];
  const firstStructure = content.findIndex((n) => n.type === "chapter" || n.type === "article");
  const preamble = firstStructure === -1 ? content : content.slice(0, firstStructure);
  const body = firstStructure === -1 ? [] : content.slice(firstStructure);
  const ownerRef = eIdOf("org", source.owner.slug);
  return `<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="${AKN_NAMESPACE}">
<${docType} name="${source.kind.toLowerCase()}">
<meta>
${identification(source, docType, now, role)}
<references source="#agora"><TLCOrganization eId="agora" href="/ontology/organization/agora" showAs="Agora"/><TLCOrganization eId="${ownerRef}" href="/ontology/organization/${ownerRef}" showAs="${clean(source.owner.name || source.owner.slug)}"/></references>
<proprietary source="#agora"><agora:text xmlns:agora="urn:agora:export" sha256="${source.sha256}"/></proprietary>
</meta>
<preface><longTitle><p><docTitle>${clean(source.contentTitle)}</docTitle></p></longTitle></preface>
${preamble.length ? `<preamble>${blocks(preamble, "preamble")}</preamble>\n` : ""}<body>${writer.children(body.length ? body : [{ type: "paragraph" }], "body", undefined, true)}</body>
</${docType}>
</akomaNtoso>
`;
}
