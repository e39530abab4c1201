import type { SummaryLabels, SummaryTable } from "~/exports/summary-table";

/** Interface language Russian; the proposals themselves in Armenian, Russian and Georgian. */
export const labels: SummaryLabels = {
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
export const UNION = "Союз финансистов общин";
export const ASSOCIATION = "Ассоциация «Открытое общество»";

export const armenian = {
  title: "Հաշվետվությունների ներկայացման ժամկետը",
  quote: "հաշվետու ժամանակաշրջանին հաջորդող 15 օրվա ընթացքում",
  proposal: "«15 օրվա» բառերը փոխարինել «30 օրվա» բառերով",
  justification: "Փոքր համայնքներում ֆինանսական բաժինն ունի մեկ աշխատակից, և 15 օրը բավարար չէ։",
};
/** A comma, double quotes and a newline: everything CSV quoting exists for. */
export const russianProposal = [
  'Дополнить часть 2 словами "в том числе в режиме онлайн", а также:',
  "обязать публиковать протокол слушаний в течение 3 дней.",
];
/** An ampersand, which Word's XML must escape. */
export const russianAnswer = "Форма слушаний устанавливается постановлением Правительства (статьи 7 & 9 Закона).";
/** Starts like a spreadsheet formula. */
export const georgianJustification = "=SUM(B2:B9) — ასე ითვლიან მუნიციპალიტეტები ჯამს და მოქალაქეებმაც უნდა ნახონ.";

export const table: SummaryTable = {
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
