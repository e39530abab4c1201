import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { summaryToCsv } from "~/exports/summary-csv.server";
import { summaryToDocx } from "~/exports/summary-docx.server";
import type { SummaryLabels, SummaryTable } from "~/exports/summary-table";

/** Interface language Russian; the proposals themselves in Armenian, Russian and Georgian. */
const labels: SummaryLabels = {
  article: "Статья",
  proposal: "Предложение",
  justification: "Обоснование",
  author: "Автор",
  organization: "Организация",
  decision: "Решение",
  answer: "Ответ министерства",
  quote: "Цитата",
  onOwnBehalf: "От своего имени",
  total: "Итого",
  totalsByDecision: "Итоги по решениям",
  totalsByOrganization: "Итоги по организациям",
  count: "Количество",
  decisions: {
    ACCEPTED: "Принято",
    PARTIALLY_ACCEPTED: "Принято частично",
    REJECTED: "Отклонено",
    NOTED: "Принято к сведению",
  },
  unanswered: "Без ответа",
  articleNumber: (n) => `Статья ${n}`,
};

/** "Union of Community Finance Officers", in the interface language. */
const UNION = "Союз финансистов общин";
const ASSOCIATION = "Ассоциация «Открытое общество»";

const armenian = {
  title: "Հաշվետվությունների ներկայացման ժամկետը",
  quote: "հաշվետու ժամանակաշրջանին հաջորդող 15 օրվա ընթացքում",
  proposal: "«15 օրվա» բառերը փոխարինել «30 օրվա» բառերով",
  justification: "Փոքր համայնքներում ֆինանսական բաժինն ունի մեկ աշխատակից, և 15 օրը բավարար չէ։",
};
/** A comma, double quotes and a newline: everything CSV quoting exists for. */
const russianProposal = [
  'Дополнить часть 2 словами "в том числе в режиме онлайн", а также:',
  "обязать публиковать протокол слушаний в течение 3 дней.",
];
/** An ampersand, which Word's XML must escape. */
const russianAnswer = "Форма слушаний устанавливается постановлением Правительства (статьи 7 & 9 Закона).";
/** Starts like a spreadsheet formula. */
const georgianJustification = "=SUM(B2:B9) — ასე ითვლიან მუნიციპალიტეტები ჯამს და მოქალაქეებმაც უნდა ნახონ.";

const table: SummaryTable = {
  title: "Сводная таблица предложений",
  subtitle: "Проект закона «О местном самоуправлении» — первый раунд, 1–30 июня 2025",
  rows: [
    {
      proposalId: "p1",
      hidden: false,
      articleNumber: 2,
      articleTitle: armenian.title,
      quote: armenian.quote,
      proposal: armenian.proposal,
      justification: armenian.justification,
      author: "Անի Պետրոսյան",
      organization: UNION,
      decision: "ACCEPTED",
      answer: "",
    },
    {
      proposalId: "p2",
      hidden: false,
      articleNumber: 5,
      articleTitle: "Публичные слушания",
      quote: "Слушания проводятся в очной форме.",
      proposal: russianProposal.join("\n"),
      justification: "Жители отдалённых сёл не могут приезжать в районный центр.",
      author: "Сергей Иванов",
      organization: ASSOCIATION,
      decision: "REJECTED",
      answer: russianAnswer,
    },
    {
      proposalId: "p3",
      hidden: false,
      articleNumber: 7,
      articleTitle: "ბიუჯეტის გამჭვირვალობა",
      quote: null,
      proposal: "მუხლს დაემატოს ცხრილი შემოსავლების ჯამით.",
      justification: georgianJustification,
      author: "ნინო ბერიძე",
      organization: null,
      decision: "NOTED",
      answer: "წინადადება მიღებულია ცნობად და გათვალისწინებული იქნება ინსტრუქციაში.",
    },
  ],
  totalsByDecision: [
    { decision: "ACCEPTED", count: 1 },
    { decision: "PARTIALLY_ACCEPTED", count: 0 },
    { decision: "REJECTED", count: 1 },
    { decision: "NOTED", count: 1 },
  ],
  totalsByOrganization: [
    { organization: UNION, count: 1 },
    { organization: ASSOCIATION, count: 1 },
    { organization: labels.onOwnBehalf, count: 1 },
  ],
};

const header = [
  "Статья",
  "Цитата",
  "Предложение",
  "Обоснование",
  "Автор",
  "Организация",
  "Решение",
  "Ответ министерства",
];

/** The cells each proposal row must have, in both exports (`justification3` differs: see the CSV guard). */
function expectedRows(justification3: string): string[][] {
  return [
    [
      `Статья 2. ${armenian.title}`,
      armenian.quote,
      armenian.proposal,
      armenian.justification,
      "Անի Պետրոսյան",
      UNION,
      "Принято",
      "",
    ],
    [
      "Статья 5. Публичные слушания",
      "Слушания проводятся в очной форме.",
      russianProposal.join("\n"),
      "Жители отдалённых сёл не могут приезжать в районный центр.",
      "Сергей Иванов",
      ASSOCIATION,
      "Отклонено",
      russianAnswer,
    ],
    [
      "Статья 7. ბიუჯეტის გამჭვირვალობა",
      "",
      "მუხლს დაემატოს ცხრილი შემოსავლების ჯამით.",
      justification3,
      "ნინო ბერიძე",
      "От своего имени",
      "Принято к сведению",
      "წინადადება მიღებულია ცნობად და გათვალისწინებული იქნება ინსტრუქციაში.",
    ],
  ];
}

/**
 * A strict RFC 4180 reader, independent of the code under test: quoted fields with doubled
 * quotes and any characters inside, records ended by CRLF, and no bare CR or LF outside quotes.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  let fieldExpected = true;
  while (i < text.length || (fieldExpected && record.length > 0)) {
    let value = "";
    if (text.charAt(i) === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        const c = text.charAt(i);
        if (c === '"' && text.charAt(i + 1) === '"') {
          value += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
    } else {
      while (i < text.length && !",\r\n".includes(text.charAt(i))) {
        if (text.charAt(i) === '"') throw new Error(`stray quote at ${i}`);
        value += text.charAt(i++);
      }
    }
    record.push(value);
    fieldExpected = false;
    if (text.charAt(i) === ",") {
      i++;
      fieldExpected = true;
    } else if (text.startsWith("\r\n", i)) {
      i += 2;
      records.push(record);
      record = [];
    } else if (i >= text.length) {
      records.push(record);
      record = [];
    } else {
      throw new Error(`unexpected ${JSON.stringify(text.charAt(i))} at ${i}`);
    }
  }
  return records;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? entity;
  });
}

/** The text of each paragraph (`<w:p>`) in a piece of WordprocessingML, decoded. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1] ?? "")).join(""),
  );
}

function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl[ >][\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

/** A table as rows of cells, a cell's paragraphs joined by newlines. */
function tableCells(tableXml: string): string[][] {
  return [...tableXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc[ >][\s\S]*?<\/w:tc>/g)].map((tc) => paragraphs(tc[0]).join("\n")),
  );
}

async function partXml(buffer: Buffer, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is missing`);
  return file.async("string");
}

describe("summary table as CSV", () => {
  const csv = summaryToCsv(table, labels);

  it("starts with a UTF-8 byte order mark so Excel reads the scripts correctly", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.indexOf("\uFEFF", 1)).toBe(-1);
  });

  it("quotes every field and ends every record with CRLF", () => {
    expect(csv.slice(1).startsWith(header.map((h) => `"${h}"`).join(",") + "\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("parses back to the header and one row per proposal, cell for cell", () => {
    const records = parseCsv(csv.slice(1));
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual(header);
    expect(records.slice(1)).toEqual(expectedRows(`'${georgianJustification}`));
  });

  it("keeps commas, doubled quotes and newlines inside the quoted field", () => {
    expect(csv).toContain('"Дополнить часть 2 словами ""в том числе в режиме онлайн"", а также:\n');
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises a field starting with %j", (start) => {
    const [row] = table.rows;
    const one: SummaryTable = { ...table, rows: [{ ...row!, proposal: `${start}1+1` }] };
    const records = parseCsv(summaryToCsv(one, labels).slice(1));
    expect(records[1]?.[2]).toBe(`'${start}1+1`);
    expect(records[1]?.[3]).toBe(armenian.justification);
  });
});

describe("summary table as Word", async () => {
  const docx = await summaryToDocx(table, labels);
  const xml = await partXml(docx);
  const styles = await partXml(docx, "word/styles.xml");
  const text = paragraphs(xml);
  const [proposals = "", byDecision = "", byOrganization = ""] = tables(xml);

  it("is landscape A4", () => {
    expect(xml).toContain('w:orient="landscape"');
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml);
    expect([Number(size?.[1]), Number(size?.[2])]).toEqual([16838, 11906]);
  });

  it("has the title as Heading 1, the subtitle, and Heading 2 over each totals table", () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Сводная таблица предложений/);
    expect(text).toContain(table.subtitle);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Итоги по решениям/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Итоги по организациям/);
    // The font is the document's default style (Armenian, Georgian, Cyrillic, Latin in one face).
    expect(styles).toContain('w:ascii="Noto Sans"');
  });

  it("has a repeated header row and one row per proposal with every text", () => {
    expect(tables(xml)).toHaveLength(3);
    expect(proposals.match(/<w:tr[ >]/g)).toHaveLength(4);
    expect(proposals).toMatch(/<w:tr[ >][\s\S]*?<w:tblHeader\/>/);
    expect(proposals).toMatch(/<w:b\/>[\s\S]*?Статья/);
    const rows = tableCells(proposals);
    expect(rows[0]).toEqual(header);
    // Word has no injection risk: the text is kept exactly as written.
    expect(rows.slice(1)).toEqual(expectedRows(georgianJustification));
  });

  it("keeps the raw text in the XML, escaping only what XML requires", () => {
    for (const raw of [armenian.proposal, armenian.justification, "მუხლს დაემატოს ცხრილი შემოსავლების ჯამით."]) {
      expect(xml).toContain(raw);
    }
    expect(xml).toContain("статьи 7 &amp; 9 Закона");
    expect(xml).toContain(georgianJustification);
  });

  it("splits multi-line text into paragraphs", () => {
    expect(text).toContain(russianProposal[0]);
    expect(text).toContain(russianProposal[1]);
  });

  it("ends with the totals by decision and by organization", () => {
    expect(tableCells(byDecision)).toEqual([
      ["Решение", "Количество"],
      ["Принято", "1"],
      ["Принято частично", "0"],
      ["Отклонено", "1"],
      ["Принято к сведению", "1"],
      ["Итого", "3"],
    ]);
    expect(tableCells(byOrganization)).toEqual([
      ["Организация", "Количество"],
      [UNION, "1"],
      [ASSOCIATION, "1"],
      ["От своего имени", "1"],
      ["Итого", "3"],
    ]);
  });
});
