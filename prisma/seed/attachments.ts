import { createHash } from "node:crypto";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import type { Tx } from "../../app/utils/db.server";
import { article, paragraph as textParagraph, type DocNode } from "../../app/editor/document-json";
import { createDraftText } from "../../app/models/texts/draft-texts.server";
import { officialPage, officialStyles, scriptRuns, textWidth } from "../../app/exports/official/official-docx.server";
import { columnWidths, officialTable } from "../../app/exports/official/official-table.server";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A short Armenian Word document in the official look: a title, then headings and paragraphs or a table. */
async function armenianDocx(title: string, body: (Paragraph | ReturnType<typeof officialTable>)[]): Promise<Buffer> {
  const document = new Document({
    title,
    creator: "Agora",
    styles: officialStyles("hy", { size: 24, justified: true }),
    sections: [
      {
        properties: officialPage("portrait"),
        children: [new Paragraph({ heading: HeadingLevel.HEADING_1, children: scriptRuns(title, "hy") }), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}

const paragraph = (text: string) => new Paragraph({ children: scriptRuns(text, "hy") });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: scriptRuns(text, "hy") });

/**
 * The justification of the amendments, as the Ministry of Territorial Administration writes
 * one: the situation, the purpose, who drafted it with the ministry (the Union of Community
 * Finance Officers, from the ministry's page on cooperation with civil society), the result.
 */
function explanatoryNote() {
  return armenianDocx(
    "Հիմնավորում «Տեղական ինքնակառավարման մասին» օրենքում լրացումներ կատարելու մասին օրենքի նախագծի",
    [
      heading("1. Ընթացիկ իրավիճակը և իրավական ակտի ընդունման անհրաժեշտությունը"),
      paragraph(
        "Համայնքների բյուջեների կատարման մասին տեղեկատվությունը բնակիչներին հասանելի է ոչ բոլոր համայնքներում, իսկ բյուջեի նախագծի հանրային քննարկման կարգը օրենքով սահմանված չէ։",
      ),
      heading("2. Առաջարկվող կարգավորման նպատակը"),
      paragraph(
        "Նախագծով առաջարկվում է համայնքի ղեկավարին պարտավորեցնել եռամսյակային կտրվածքով հրապարակել բյուջեի կատարման հաշվետվությունը և բյուջեի նախագիծը դնել հանրային քննարկման։",
      ),
      heading("3. Նախագծի մշակման գործընթացում ներգրավված ինստիտուտները"),
      paragraph(
        "Նախագիծը մշակվել է Տարածքային կառավարման և ենթակառուցվածքների նախարարության և «Համայնքների ֆինանսիստների միավորում» հասարակական կազմակերպության համատեղ աշխատանքի արդյունքում։",
      ),
      heading("4. Ակնկալվող արդյունքը"),
      paragraph("Համայնքների ֆինանսական կառավարման թափանցիկության բարձրացում և բնակիչների մասնակցության ընդլայնում։"),
    ],
  );
}

/** The amended provisions side by side: the law as in force and as the draft would have it. */
function comparativeTable() {
  return armenianDocx("Համեմատական աղյուսակ", [
    officialTable({
      widths: columnWidths([2, 5, 5], textWidth("portrait")),
      header: ["Հոդված", "Գործող խմբագրություն", "Առաջարկվող խմբագրություն"],
      rows: [
        [
          "38-րդ հոդված, 1-ին մաս",
          "Կետը բացակայում է։",
          "12) համայնքի ղեկավարը յուրաքանչյուր եռամսյակ հրապարակում է համայնքի բյուջեի կատարման մասին հաշվետվությունը համայնքի պաշտոնական կայքում։",
        ],
        [
          "69-րդ հոդված",
          "Մասը բացակայում է։",
          "4. Համայնքի բյուջեի նախագիծը ավագանի ներկայացնելուց առնվազն 15 օր առաջ դրվում է հանրային քննարկման։",
        ],
      ],
      language: "hy",
    }),
  ]);
}

/**
 * The form of the quarterly report the amendments require the head of the community to
 * publish, written in the editor as an annex (a live text of the draft, not an upload).
 */
const REPORT_FORM: DocNode = {
  type: "doc",
  content: [
    textParagraph("Համայնքի բյուջեի կատարման եռամսյակային հաշվետվության ձև"),
    article(
      "annex-report-1",
      "Եկամուտներ",
      textParagraph("Սեփական եկամուտները, պետական բյուջեից ստացված դոտացիան և սուբվենցիաները՝ ըստ ամիսների։"),
    ),
    article(
      "annex-report-2",
      "Ծախսեր",
      textParagraph("Ծախսերն ըստ գործառական դասակարգման՝ հաստատված և փաստացի մեծություններով։"),
    ),
  ],
};

/**
 * The amendments draft's dossier: an explanatory note and a comparative table, both Word
 * files, and the report form written in the editor.
 */
export async function seedDemoAttachments(tx: Tx, draftId: string, authorId: string): Promise<void> {
  const files = [
    {
      kind: "EXPLANATORY_NOTE" as const,
      title: "Հիմնավորում",
      fileName: "Հիմնավորում.docx",
      data: await explanatoryNote(),
    },
    {
      kind: "COMPARATIVE_TABLE" as const,
      title: "Համեմատական աղյուսակ",
      fileName: "Համեմատական-աղյուսակ.docx",
      data: await comparativeTable(),
    },
  ];
  for (const [index, file] of files.entries()) {
    const sha256 = createHash("sha256").update(file.data).digest("hex");
    await tx.attachmentFile.create({ data: { sha256, size: file.data.length, data: new Uint8Array(file.data) } });
    await tx.draftAttachment.create({
      data: {
        draftId,
        kind: file.kind,
        title: file.title,
        fileName: file.fileName,
        mediaType: DOCX_TYPE,
        sha256,
        position: index + 1,
        createdById: authorId,
      },
    });
  }
  const title = "Հաշվետվության ձև";
  const text = await createDraftText(tx, {
    draftId,
    role: "ATTACHMENT",
    title,
    textLanguage: null,
    createdById: authorId,
    content: REPORT_FORM,
  });
  await tx.draftAttachment.create({
    data: {
      draftId,
      kind: "ANNEX",
      title,
      fileName: `${title}.docx`,
      mediaType: DOCX_TYPE,
      sha256: null,
      textId: text.id,
      position: files.length + 1,
      createdById: authorId,
    },
  });
}
