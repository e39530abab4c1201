/**
 * Demo organizations, taken from the source documents in shared/seeds: the Ministry of
 * Territorial Administration and its partner NGOs (003), Yerevan's external relations
 * (000), Blagoveshchensk's sister cities (002), Zugdidi's international department (004).
 */
import type { OrganizationKind } from "../../app/policies/actor";

export type DemoOrganization = {
  key: string;
  kind: OrganizationKind;
  nameHy: string | null;
  nameRu: string | null;
  nameKa: string | null;
  nameEn: string;
  country: string;
  city: string | null;
};

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: "mta",
    kind: "MINISTRY",
    nameHy: "ՀՀ տարածքային կառավարման նախարարություն",
    nameRu: "Министерство территориального управления РА",
    nameKa: "სომხეთის ტერიტორიული მმართველობის სამინისტრო",
    nameEn: "Ministry of Territorial Administration of Armenia",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "ucfo",
    kind: "NGO",
    nameHy: "Համայնքների ֆինանսիստների միավորում",
    nameRu: "Союз финансистов общин",
    nameKa: "თემების ფინანსისტთა კავშირი",
    nameEn: "Union of Community Finance Officers",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "uca",
    kind: "MUNICIPAL_ASSOCIATION",
    nameHy: "Հայաստանի համայնքների միություն",
    nameRu: "Союз общин Армении",
    nameKa: "სომხეთის თემების კავშირი",
    nameEn: "Union of Communities of Armenia",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "aca",
    kind: "NGO",
    nameHy: "Հայաստանի ավագանիների ասոցիացիա",
    nameRu: "Ассоциация советов Армении",
    nameKa: "სომხეთის საბჭოების ასოციაცია",
    nameEn: "Association of Councils of Armenia",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "isdtc",
    kind: "NGO",
    nameHy: "Տեղեկատվական համակարգերի զարգացման և վերապատրաստման կենտրոն",
    nameRu: "Центр развития информационных систем и обучения",
    nameKa: "საინფორმაციო სისტემების განვითარებისა და გადამზადების ცენტრი",
    nameEn: "Information Systems Development and Training Center",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "yerevan",
    kind: "MUNICIPALITY",
    nameHy: "Երևանի քաղաքապետարան",
    nameRu: "Мэрия Еревана",
    nameKa: "ერევნის მერია",
    nameEn: "Yerevan Municipality",
    country: "AM",
    city: "Երևան",
  },
  {
    key: "zugdidi",
    kind: "MUNICIPALITY",
    nameHy: "Զուգդիդիի մունիցիպալիտետ",
    nameRu: "Муниципалитет Зугдиди",
    nameKa: "ზუგდიდის მუნიციპალიტეტის მერია",
    nameEn: "Zugdidi Municipality",
    country: "GE",
    city: "ზუგდიდი",
  },
  {
    key: "blagoveshchensk",
    kind: "MUNICIPALITY",
    nameHy: "Բլագովեշչենսկ քաղաքի վարչակազմ",
    nameRu: "Администрация города Благовещенска",
    nameKa: "ბლაგოვეშჩენსკის ადმინისტრაცია",
    nameEn: "City of Blagoveshchensk",
    country: "RU",
    city: "Благовещенск",
  },
  {
    key: "heihe",
    kind: "MUNICIPALITY",
    nameHy: "Հեյհե քաղաքի ժողովրդական կառավարություն",
    nameRu: "Народное правительство города Хэйхэ",
    nameKa: "ქალაქ ჰეიჰეს სახალხო მთავრობა",
    nameEn: "Heihe City People's Government",
    country: "CN",
    city: "Heihe",
  },
  {
    key: "aimf",
    kind: "INTERNATIONAL_ORGANIZATION",
    nameHy: "Ֆրանսախոս քաղաքների քաղաքապետերի միջազգային ասոցիացիա (AIMF)",
    nameRu: "Международная ассоциация франкоязычных мэров (AIMF)",
    nameKa: "ფრანკოფონი მერების საერთაშორისო ასოციაცია (AIMF)",
    nameEn: "International Association of Francophone Mayors (AIMF)",
    country: "FR",
    city: "Paris",
  },
  {
    key: "eurocities",
    kind: "INTERNATIONAL_ORGANIZATION",
    nameHy: "Եվրոպական քաղաքների ցանց (EUROCITIES)",
    nameRu: "Сеть европейских городов EUROCITIES",
    nameKa: "ევროპული ქალაქების ქსელი EUROCITIES",
    nameEn: "EUROCITIES",
    country: "BE",
    city: "Brussels",
  },
  {
    key: "luci",
    kind: "INTERNATIONAL_ORGANIZATION",
    nameHy: "Լուսավորման քաղաքների միջազգային ասոցիացիա (LUCI)",
    nameRu: "Международная ассоциация городов света (LUCI)",
    nameKa: "განათების ქალაქების საერთაშორისო ასოციაცია (LUCI)",
    nameEn: "Lighting Urban Community International (LUCI)",
    country: "FR",
    city: "Lyon",
  },
  {
    key: "fr-embassy",
    kind: "DIPLOMATIC_MISSION",
    nameHy: "Ֆրանսիայի դեսպանատուն Հայաստանում",
    nameRu: "Посольство Франции в Армении",
    nameKa: "საფრანგეთის საელჩო სომხეთში",
    nameEn: "Embassy of France in Armenia",
    country: "FR",
    city: "Երևան",
  },
  {
    key: "gov-fund",
    kind: "DONOR",
    nameHy: "Տեղական ժողովրդավարության աջակցության հիմնադրամ",
    nameRu: "Фонд поддержки местной демократии",
    nameKa: "ადგილობრივი დემოკრატიის მხარდაჭერის ფონდი",
    nameEn: "Local Democracy Support Fund",
    country: "GE",
    city: "თბილისი",
  },
];
