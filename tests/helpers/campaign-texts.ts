/**
 * Generated proposals for campaign grouping, in the four scripts of the platform: a campaign is
 * one text sent many times with the small edits people make when they copy it (a word changed,
 * added or removed, punctuation, case, spacing); distinct proposals share the opening formula of
 * a legal proposal and the vocabulary of the law but are written independently. Seeded: every
 * run makes the same texts. Used by the tests and by `npm run bench`.
 */

const VOCABULARY = {
  hy: "համայնքի ղեկավարը յուրաքանչյուր եռամսյակ հրապարակում է բյուջեի կատարման մասին հաշվետվությունը պաշտոնական կայքում ավագանու նիստերը դռնբաց են դրանց ուղիղ հեռարձակումն ապահովվում բնակիչը իրավունք ունի ծանոթանալու որոշումների նախագծերին քննարկումից առնվազն տասնհինգ օր առաջ կազմակերպությունների ղեկավարները նշանակվում բաց մրցույթի արդյունքներով օրենքով սահմանված կարգով հողամասերի օտարումն աճուրդով",
  ru: "глава общины ежеквартально публикует на официальном сайте отчёт об исполнении бюджета заседания совета старейшин являются открытыми их прямая трансляция обеспечивается житель вправе ознакомиться с проектами решений не менее чем за пятнадцать дней до обсуждения руководители организаций назначаются по результатам открытого конкурса порядке установленном законом",
  ka: "თემის ხელმძღვანელი ყოველწლიურად აქვეყნებს ბიუჯეტის შესრულების ანგარიშს ოფიციალურ ვებგვერდზე საკრებულოს სხდომები ღიაა და მათი პირდაპირი ტრანსლაცია უზრუნველყოფილია მოქალაქეს უფლება აქვს გაეცნოს გადაწყვეტილების პროექტებს განხილვამდე არანაკლებ თხუთმეტი დღით ადრე მუნიციპალიტეტის ქონების განკარგვა ხორციელდება აუქციონის წესით კანონით გათვალისწინებული შემთხვევების გარდა",
  en: "the head of the community publishes every quarter a report on the execution of budget official website council meetings are open and their live broadcast is ensured resident has right to read draft decisions at least fifteen days before discussion managers organizations appointed by results an competition in manner established law land plots sold auction",
} as const;

export type TextLanguage = keyof typeof VOCABULARY;
export const TEXT_LANGUAGES = Object.keys(VOCABULARY) as TextLanguage[];

const OPENINGS: Record<TextLanguage, string> = {
  hy: "Առաջարկում ենք հոդվածը շարադրել հետևյալ խմբագրությամբ.",
  ru: "Предлагаем изложить статью в следующей редакции:",
  ka: "გთავაზობთ მუხლი ჩამოყალიბდეს შემდეგი რედაქციით:",
  en: "We propose that the article read as follows:",
};

/** A small seeded generator (mulberry32): the same seed gives the same texts on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(language: TextLanguage): string[] {
  return VOCABULARY[language].split(" ");
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A proposal as written: the opening formula, then sentences of words of the law, commas and full stops. */
function written(language: TextLanguage, body: string[]): string {
  const sentences: string[] = [];
  for (let i = 0; i < body.length; i += 9) {
    const sentence = body.slice(i, i + 9);
    sentence.splice(4, 0, ",");
    const text = sentence.join(" ").replace(" ,", ",");
    sentences.push(text.charAt(0).toUpperCase() + text.slice(1) + (language === "hy" ? "։" : "."));
  }
  return `${OPENINGS[language]} ${sentences.join(" ")}`;
}

export function distinctBody(random: () => number, language: TextLanguage, length = 24 + Math.floor(random() * 12)) {
  return Array.from({ length }, () => pick(random, words(language)));
}

export function distinctProposal(random: () => number, language: TextLanguage): string {
  return written(language, distinctBody(random, language));
}

type Edit = (random: () => number, language: TextLanguage, body: string[]) => string[];

const WORD_EDITS: Edit[] = [
  // A word changed.
  (random, language, body) => {
    const at = Math.floor(random() * body.length);
    return body.map((word, i) => (i === at ? pick(random, words(language)) : word));
  },
  // A word added.
  (random, language, body) => {
    const at = Math.floor(random() * body.length);
    return [...body.slice(0, at), pick(random, words(language)), ...body.slice(at)];
  },
  // A word removed.
  (random, _language, body) => {
    const at = Math.floor(random() * body.length);
    return [...body.slice(0, at), ...body.slice(at + 1)];
  },
];

const SURFACE_EDITS: ((random: () => number, text: string) => string)[] = [
  (_random, text) => text.toUpperCase(),
  (_random, text) => text.toLowerCase(),
  (_random, text) => text.replace(/[,.:։]/g, ""),
  (_random, text) => text.replace(/ /g, "  ").replace(/\. /g, ".\n"),
  (_random, text) => `«${text}»!`,
  (random, text) => text.replace(/ /g, (space) => (random() < 0.1 ? " - " : space)),
];

/** One campaign: its text and `count` copies, each with one or two small edits. */
export function campaign(random: () => number, language: TextLanguage, count: number): string[] {
  const body = distinctBody(random, language, 28 + Math.floor(random() * 10));
  const variants = [written(language, body)];
  for (let i = 1; i < count; i++) {
    let edited = body;
    const wordEdits = Math.floor(random() * 2) + (random() < 0.3 ? 0 : 1);
    for (let k = 0; k < wordEdits; k++) edited = pick(random, WORD_EDITS)(random, language, edited);
    let text = written(language, edited);
    if (random() < 0.6) text = pick(random, SURFACE_EDITS)(random, text);
    variants.push(text);
  }
  return variants;
}
