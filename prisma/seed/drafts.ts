import { article, chapter, paragraph, part, point, type DocNode } from "../../app/editor/document-json";
import type { TextLanguage } from "../../app/i18n/text-languages";
import type { SignedHistory } from "./signed";
import type { DemoSuggestion } from "./suggestions";
import {
  YEREVAN_PARALLEL,
  yerevanAgreementHy,
  ZUGDIDI_PARALLEL,
  zugdidiAgreementKa,
  type ParallelText,
} from "./parallel-agreements";

/**
 * Demo drafts from the source documents: the amendments to the Law "On Local
 * Self-Government" that the Ministry drafted with the Union of Community Finance Officers
 * (seed 003), and a model agreement on cooperation between cities (seeds 001, 002).
 */
export type DemoDraft = {
  key: string;
  owner: string;
  kind: "LAW_AMENDMENT" | "COOPERATION_AGREEMENT";
  titles: { titleHy?: string; titleRu?: string; titleKa?: string; titleEn?: string };
  /** The language the text is written in: its labels, exports and search follow it. */
  textLanguage: TextLanguage;
  shares: { org: string; level: "EDIT" | "SUGGEST" | "COMMENT" }[];
  content: DocNode;
  /** Pending suggestions (wording proposed by a partner's expert, not yet decided). */
  suggestions?: DemoSuggestion[];
  /** Signed already: the public register shows it with this history. */
  signed?: SignedHistory;
  /** Has a dossier (explanatory note, comparative table), added by this staff member. */
  dossierBy?: string;
  /**
   * Texts in other languages, added and partly aligned by this staff member; all equally
   * authentic unless `mainAuthoritative` (the main text authoritative, the others translations).
   */
  /** `versionName`: version 1, frozen with every text (in the main text's language). */
  parallel?: { by: string; texts: ParallelText[]; mainAuthoritative?: boolean; versionName: string };
};

const localSelfGovernment: DocNode = {
  type: "doc",
  content: [
    paragraph(
      "Սույն օրենքով լրացումներ են կատարվում «Տեղական ինքնակառավարման մասին» Հայաստանի Հանրապետության օրենքում՝ համայնքների ֆինանսական կառավարման թափանցիկությունն ապահովելու նպատակով։",
    ),
    chapter(
      "lsg-ch1",
      "Ընդհանուր դրույթներ",
      article(
        "lsg-a1",
        "Օրենքի 38-րդ հոդվածում լրացում",
        part("lsg-a1-p1", "Օրենքի 38-րդ հոդվածի 1-ին մասը լրացնել հետևյալ բովանդակությամբ 12-րդ կետով՝"),
        part(
          "lsg-a1-p2",
          "համայնքի ղեկավարը յուրաքանչյուր եռամսյակ հրապարակում է համայնքի բյուջեի կատարման մասին հաշվետվությունը համայնքի պաշտոնական կայքում։",
        ),
      ),
      article(
        "lsg-a2",
        "Օրենքի 69-րդ հոդվածում լրացում",
        part("lsg-a2-p1", "Օրենքի 69-րդ հոդվածը լրացնել հետևյալ բովանդակությամբ 4-րդ մասով՝"),
        part(
          "lsg-a2-p2",
          "Համայնքի բյուջեի նախագիծը ավագանի ներկայացնելուց առնվազն 15 օր առաջ դրվում է հանրային քննարկման, որի ընթացքում՝",
          point("lsg-a2-p2-1", "բնակիչները կարող են ներկայացնել առաջարկություններ,"),
          point("lsg-a2-p2-2", "համայնքի ղեկավարը ամփոփում է ստացված առաջարկությունները և հրապարակում ամփոփաթերթը։"),
        ),
      ),
    ),
    chapter(
      "lsg-ch2",
      "Եզրափակիչ դրույթներ",
      article(
        "lsg-a3",
        "Օրենքի ուժի մեջ մտնելը",
        paragraph("Սույն օրենքն ուժի մեջ է մտնում պաշտոնական հրապարակմանը հաջորդող տարվա հունվարի 1-ից։"),
      ),
    ),
  ],
};

const cityCooperation: DocNode = {
  type: "doc",
  content: [
    paragraph(
      "Администрация города Благовещенска (Российская Федерация) и Народное правительство города Хэйхэ (КНР), далее именуемые Сторонами, руководствуясь стремлением к развитию дружественных связей между городами, договорились о нижеследующем. / The City of Blagoveshchensk and the Heihe City People's Government, hereinafter the Parties, have agreed as follows.",
    ),
    article(
      "coop-a1",
      "Предмет соглашения / Subject of the agreement",
      paragraph(
        "Стороны развивают сотрудничество в области торговли и экономики, образования, культуры, спорта и туризма на основе равенства и взаимной выгоды. / The Parties develop cooperation in trade and economy, education, culture, sport and tourism on the basis of equality and mutual benefit.",
      ),
    ),
    article(
      "coop-a2",
      "Формы сотрудничества / Forms of cooperation",
      part("coop-a2-p1", "Сотрудничество осуществляется путём: / Cooperation takes the form of:"),
      part(
        "coop-a2-p2",
        "обмена делегациями и опытом работы органов местного самоуправления; / exchange of delegations;",
      ),
      part(
        "coop-a2-p3",
        "проведения совместных культурных и спортивных мероприятий; / joint cultural and sporting events;",
      ),
      part("coop-a2-p4", "ежегодного плана совместных мероприятий. / an annual plan of joint activities."),
    ),
    article(
      "coop-a3",
      "Заключительные положения / Final provisions",
      paragraph(
        "Соглашение вступает в силу с даты подписания и действует в течение пяти лет. Составлено в двух экземплярах на русском, китайском и английском языках. / This Agreement enters into force on signature and remains in force for five years.",
      ),
    ),
  ],
};

export const DEMO_DRAFTS: DemoDraft[] = [
  {
    key: "lsg-amendments",
    owner: "mta",
    kind: "LAW_AMENDMENT",
    textLanguage: "hy",
    titles: {
      titleHy: "«Տեղական ինքնակառավարման մասին» օրենքում լրացումներ կատարելու մասին",
      titleRu: "О внесении дополнений в Закон «О местном самоуправлении»",
      titleEn: "On Amendments to the Law “On Local Self-Government”",
    },
    shares: [
      { org: "ucfo", level: "EDIT" },
      { org: "aca", level: "COMMENT" },
    ],
    content: localSelfGovernment,
    dossierBy: "anahit@mta.example",
    suggestions: [
      {
        by: "lilit@ucfo.example",
        find: "յուրաքանչյուր եռամսյակ",
        insert: "յուրաքանչյուր ամիս",
        articleId: "lsg-a1",
        daysAgo: 2,
      },
      { by: "lilit@ucfo.example", find: "առնվազն 15 օր", insert: "առնվազն 30 օր", articleId: "lsg-a2", daysAgo: 1 },
    ],
  },
  {
    key: "model-city-agreement",
    owner: "blagoveshchensk",
    kind: "COOPERATION_AGREEMENT",
    textLanguage: "ru",
    titles: {
      titleRu: "Соглашение о сотрудничестве между городами Благовещенск и Хэйхэ",
      titleEn: "Agreement on Cooperation between the Cities of Blagoveshchensk and Heihe",
    },
    shares: [
      { org: "heihe", level: "EDIT" },
      { org: "uca", level: "COMMENT" },
    ],
    content: cityCooperation,
    signed: {
      by: "olga@blagoveshchensk.example",
      versionName: "Подписанный текст / Signed text",
      daysAgo: 30,
      place: "Благовещенск / Blagoveshchensk",
      signatories: [
        {
          name: "Ольга Смирнова",
          position: "Мэр города Благовещенска",
          organization: "Администрация города Благовещенска",
        },
        { name: "Ван Лэй", position: "Мэр города Хэйхэ", organization: "Народное правительство города Хэйхэ" },
      ],
    },
  },
  {
    key: "yerevan-partner-agreement",
    owner: "yerevan",
    kind: "COOPERATION_AGREEMENT",
    textLanguage: "hy",
    titles: {
      titleHy: "Երևանի և գործընկեր քաղաքի միջև համագործակցության համաձայնագիր",
      titleRu: "Соглашение о сотрудничестве между Ереваном и городом-партнёром",
    },
    shares: [],
    content: yerevanAgreementHy,
    parallel: { by: "nare@yerevan.example", texts: YEREVAN_PARALLEL, versionName: "Համաձայնեցված տեքստեր" },
  },
  {
    key: "zugdidi-partner-agreement",
    owner: "zugdidi",
    kind: "COOPERATION_AGREEMENT",
    textLanguage: "ka",
    titles: {
      titleKa: "ზუგდიდისა და პარტნიორი მუნიციპალიტეტის თანამშრომლობის შეთანხმება",
      titleEn: "Cooperation agreement between Zugdidi and a partner municipality",
    },
    shares: [],
    content: zugdidiAgreementKa,
    // The Georgian text prevails; the English one is a translation for the partner.
    parallel: {
      by: "nino@zugdidi.example",
      texts: ZUGDIDI_PARALLEL,
      mainAuthoritative: true,
      versionName: "შეთანხმებული ტექსტები",
    },
  },
];
