import { article, chapter, paragraph, part, plainTextOf, type DocNode } from "../../app/editor/document-json";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { sha256Hex } from "../../app/models/documents/versions.server";
import type { Tx } from "../../app/utils/db.server";
import { foldForSearch } from "../../app/utils/search-text";

/**
 * A third demo draft with its consultation history: the "Model Regulation of the Council"
 * that the Ministry prepares with the Association of Councils of Armenia (seed 003).
 * Its first public round is answered with a published summary; the second is open now.
 */
/** The regulation as first consulted, and as revised after the first round's answers. */
function modelRegulation(revised: boolean): DocNode {
  return {
    type: "doc",
    content: [
      paragraph("Սույն տիպային կանոնակարգը սահմանում է համայնքի ավագանու նիստերի նախապատրաստման և անցկացման կարգը։"),
      chapter(
        "mrc-ch1",
        "Ընդհանուր դրույթներ",
        article(
          "mrc-a1",
          "Ավագանու նիստերը",
          part("mrc-a1-p1", "Ավագանու հերթական նիստերը գումարվում են առնվազն երեք ամիսը մեկ անգամ։"),
          part(
            "mrc-a1-p2",
            `Նիստի օրակարգը հրապարակվում է համայնքի պաշտոնական կայքում նիստից առնվազն ${revised ? "ութ" : "յոթ"} օր առաջ։`,
          ),
        ),
        article(
          "mrc-a2",
          "Նիստերի հրապարակայնությունը",
          part("mrc-a2-p1", "Ավագանու նիստերը դռնբաց են։ Նիստերը հեռարձակվում են առցանց։"),
        ),
        article(
          "mrc-a3",
          "Արձանագրությունը",
          part(
            "mrc-a3-p1",
            revised
              ? "Նիստի արձանագրությունը կազմվում է երեք աշխատանքային օրվա ընթացքում և հրապարակվում համայնքի պաշտոնական կայքում։"
              : "Նիստի արձանագրությունը կազմվում է երեք աշխատանքային օրվա ընթացքում։",
          ),
        ),
      ),
    ],
  };
}

const DAY = 24 * 60 * 60 * 1000;

type Ids = { org: (key: string) => string; user: (email: string) => string };

export async function seedDemoRounds(tx: Tx, ids: Ids, now = new Date()): Promise<void> {
  const titles = {
    titleHy: "Համայնքի ավագանու տիպային կանոնակարգ",
    titleRu: "Типовой регламент совета общины",
    titleEn: "Model Regulation of the Community Council",
  };
  const draft = await tx.draft.create({
    data: {
      ...titles,
      kind: "MODEL_REGULATION",
      textLanguage: "hy",
      status: "IN_CONSULTATION",
      ownerOrganizationId: ids.org("mta"),
      searchText: foldForSearch(...Object.values(titles)),
      access: { create: [{ organizationId: ids.org("aca"), level: "EDIT" }] },
    },
  });
  // The live text is the revised one; version 1 is what the first round consulted on.
  await initializeDocument(draft.id, jsonToYUpdate(modelRegulation(true)), tx);
  const version = (number: number, name: string, content: DocNode) => {
    const plainText = plainTextOf(content);
    return tx.draftVersion.create({
      data: {
        draftId: draft.id,
        number,
        name,
        state: new Uint8Array(jsonToYUpdate(content)),
        content: content as object,
        plainText,
        sha256: sha256Hex(plainText),
        createdById: ids.user("anahit@mta.example"),
      },
    });
  };
  const first = await version(1, "Առաջին հանրային քննարկման համար", modelRegulation(false));
  const second = await version(2, "Երկրորդ հանրային քննարկման համար", modelRegulation(true));

  const answered = await tx.consultationRound.create({
    data: {
      draftId: draft.id,
      versionId: first.id,
      title: "Առաջին հանրային քննարկում",
      description: "Տիպային կանոնակարգի նախագծի հանրային քննարկում՝ 15 օր։",
      opensAt: new Date(now.getTime() - 60 * DAY),
      closesAt: new Date(now.getTime() - 45 * DAY),
      audience: "PUBLIC",
      status: "ANSWERED",
      summaryPublishedAt: new Date(now.getTime() - 40 * DAY),
      lastProposalNumber: 3,
      createdById: ids.user("anahit@mta.example"),
    },
  });
  const proposals = [
    {
      author: "karen@aca.example",
      org: "aca",
      articleId: "mrc-a1",
      quote: "առնվազն յոթ օր առաջ",
      proposedText: "«յոթ օր» բառերը փոխարինել «տասը օր» բառերով։",
      justification: "Ավագանու անդամներին անհրաժեշտ է ավելի շատ ժամանակ՝ նյութերին ծանոթանալու համար։",
      decision: "PARTIALLY_ACCEPTED" as const,
      answer: "Ժամկետը երկարացվել է մինչև ութ օր՝ հաշվի առնելով արտահերթ նիստերի անհրաժեշտությունը։",
    },
    {
      author: "lilit@ucfo.example",
      org: "ucfo",
      articleId: "mrc-a3",
      quote: null,
      proposedText: "Дополнить статью: протокол публикуется на официальном сайте общины.",
      justification: "Публикация протокола обеспечивает прозрачность решений совета.",
      decision: "ACCEPTED" as const,
      answer: "",
    },
    {
      author: "mariam@isdtc.example",
      org: null,
      articleId: "mrc-a2",
      quote: "Նիստերը հեռարձակվում են առցանց։",
      proposedText: "Հեռարձակումը պահպանել համայնքի կառավարման տեղեկատվական համակարգում առնվազն հինգ տարի։",
      justification: "Քաղաքացիները պետք է կարողանան դիտել անցյալ նիստերը։",
      decision: "NOTED" as const,
      answer: "Պահպանման ժամկետը կսահմանվի համակարգի կանոնակարգով։",
    },
  ];
  for (const [index, p] of proposals.entries()) {
    await tx.proposal.create({
      data: {
        roundId: answered.id,
        number: index + 1,
        articleId: p.articleId,
        quote: p.quote,
        proposedText: p.proposedText,
        justification: p.justification,
        authorId: ids.user(p.author),
        organizationId: p.org ? ids.org(p.org) : null,
        decision: p.decision,
        answer: p.answer,
        answeredById: ids.user("anahit@mta.example"),
        answeredAt: new Date(now.getTime() - 42 * DAY),
        createdAt: new Date(now.getTime() - 50 * DAY),
      },
    });
  }

  await tx.consultationRound.create({
    data: {
      draftId: draft.id,
      versionId: second.id,
      title: "Երկրորդ հանրային քննարկում",
      description: "Լրամշակված նախագիծ՝ առաջին փուլի առաջարկների հիման վրա։",
      opensAt: new Date(now.getTime() - 2 * DAY),
      closesAt: new Date(now.getTime() + 20 * DAY),
      audience: "PUBLIC",
      status: "OPEN",
      createdById: ids.user("anahit@mta.example"),
    },
  });
}
