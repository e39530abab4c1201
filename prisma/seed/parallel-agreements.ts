import { article, paragraph, type DocNode } from "../../app/editor/document-json";
import type { TextLanguage } from "../../app/i18n/text-languages";

/**
 * Agreements drafted in two languages side by side (seeds 000 and 004): Yerevan prepares
 * cooperation agreements with its partner cities, Zugdidi agreements with foreign partners.
 * Each is an Armenian or Georgian main text with a parallel text sharing its article ids.
 */
export type ParallelText = {
  language: TextLanguage;
  title: string;
  content: DocNode;
  /** Articles whose alignment a translator has confirmed. */
  confirmed: string[];
};

export const yerevanAgreementHy: DocNode = {
  type: "doc",
  content: [
    paragraph(
      "Երևանի քաղաքապետարանը և գործընկեր քաղաքի վարչակազմը, այսուհետ՝ Կողմեր, ցանկանալով զարգացնել բարեկամական կապերը, պայմանավորվեցին հետևյալի մասին։",
    ),
    article(
      "yer-a1",
      "Համաձայնագրի առարկան",
      paragraph(
        "Կողմերը զարգացնում են համագործակցությունը առևտրատնտեսական, գիտատեխնիկական, մշակույթի, սպորտի և քաղաքաշինության ոլորտներում։",
      ),
    ),
    article(
      "yer-a2",
      "Համագործակցության ձևերը",
      paragraph("Կողմերը փոխանակում են պատվիրակություններ և փորձ, անցկացնում համատեղ միջոցառումներ։"),
    ),
    article(
      "yer-a3",
      "Եզրափակիչ դրույթներ",
      paragraph(
        "Համաձայնագիրն ուժի մեջ է մտնում ստորագրման պահից։ Կազմված է հայերեն և ռուսերեն, երկու տեքստերն էլ հավասարազոր են։",
      ),
    ),
  ],
};

const yerevanAgreementRu: DocNode = {
  type: "doc",
  content: [
    paragraph(
      "Мэрия Еревана и администрация города-партнёра, далее именуемые Сторонами, стремясь развивать дружественные связи, договорились о нижеследующем.",
    ),
    article(
      "yer-a1",
      "Предмет соглашения",
      paragraph(
        "Стороны развивают сотрудничество в торгово-экономической, научно-технической сферах, в области культуры, спорта и градостроительства.",
      ),
    ),
    article(
      "yer-a2",
      "Формы сотрудничества",
      paragraph("Стороны обмениваются делегациями и опытом, проводят совместные мероприятия."),
    ),
    article(
      "yer-a3",
      "Заключительные положения",
      paragraph("Соглашение вступает в силу с даты подписания. Составлено на армянском и русском языках."),
    ),
  ],
};

export const zugdidiAgreementKa: DocNode = {
  type: "doc",
  content: [
    paragraph("ზუგდიდის მუნიციპალიტეტი და პარტნიორი მუნიციპალიტეტი, შემდგომში — მხარეები, შეთანხმდნენ შემდეგზე."),
    article(
      "zug-a1",
      "შეთანხმების საგანი",
      paragraph("მხარეები თანამშრომლობენ განათლების, კულტურის, ტურიზმისა და საგრანტო პროგრამების სფეროებში."),
    ),
    article("zug-a2", "ვიზიტები", paragraph("მხარეები ცვლიან დელეგაციებს და ამზადებენ ვიზიტების პროგრამებს.")),
  ],
};

const zugdidiAgreementEn: DocNode = {
  type: "doc",
  content: [
    paragraph(
      "The Municipality of Zugdidi and the partner municipality, hereinafter the Parties, have agreed as follows.",
    ),
    article(
      "zug-a1",
      "Subject of the agreement",
      paragraph("The Parties cooperate in education, culture, tourism and grant programmes."),
    ),
    article("zug-a2", "Visits", paragraph("The Parties exchange delegations and prepare programmes of visits.")),
  ],
};

export const YEREVAN_PARALLEL: ParallelText[] = [
  {
    language: "ru",
    title: "Соглашение о сотрудничестве между Ереваном и городом-партнёром",
    content: yerevanAgreementRu,
    // The final provisions still name only the languages: not yet confirmed.
    confirmed: ["yer-a1", "yer-a2"],
  },
];

export const ZUGDIDI_PARALLEL: ParallelText[] = [
  {
    language: "en",
    title: "Cooperation agreement between Zugdidi and a partner municipality",
    content: zugdidiAgreementEn,
    confirmed: ["zug-a1"],
  },
];
