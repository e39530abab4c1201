/**
 * Demo accounts, one per role. Their passwords are public (README) and work only when
 * NODE_ENV is not "production": see app/models/accounts/accounts.server.ts.
 */
export const DEMO_PASSWORD = "agora-demo-2026";

export type DemoUser = {
  email: string;
  name: string;
  locale: "hy" | "ru" | "ka" | "en" | null;
  isPlatformAdmin?: boolean;
  memberships: { org: string; role: "MEMBER" | "ADMIN" }[];
};

export const DEMO_USERS: DemoUser[] = [
  {
    email: "admin@agora.example",
    name: "Platform Administrator",
    locale: "en",
    isPlatformAdmin: true,
    memberships: [],
  },
  {
    email: "anahit@mta.example",
    name: "Անահիտ Սարգսյան",
    locale: "hy",
    memberships: [{ org: "mta", role: "ADMIN" }],
  },
  { email: "gor@mta.example", name: "Գոռ Հակոբյան", locale: "hy", memberships: [{ org: "mta", role: "MEMBER" }] },
  {
    email: "armen@ucfo.example",
    name: "Արմեն Պետրոսյան",
    locale: "hy",
    memberships: [{ org: "ucfo", role: "ADMIN" }],
  },
  {
    email: "lilit@ucfo.example",
    name: "Լիլիթ Մանուկյան",
    locale: null,
    memberships: [{ org: "ucfo", role: "MEMBER" }],
  },
  { email: "karen@aca.example", name: "Կարեն Գրիգորյան", locale: "hy", memberships: [{ org: "aca", role: "ADMIN" }] },
  { email: "tigran@uca.example", name: "Տիգրան Ավետիսյան", locale: "ru", memberships: [{ org: "uca", role: "ADMIN" }] },
  {
    email: "mariam@isdtc.example",
    name: "Մարիամ Հովհաննիսյան",
    locale: "en",
    memberships: [{ org: "isdtc", role: "MEMBER" }],
  },
  {
    email: "nare@yerevan.example",
    name: "Նարե Վարդանյան",
    locale: "hy",
    memberships: [{ org: "yerevan", role: "ADMIN" }],
  },
  {
    email: "nino@zugdidi.example",
    name: "ნინო ქვარაცხელია",
    locale: "ka",
    memberships: [{ org: "zugdidi", role: "ADMIN" }],
  },
  {
    email: "giorgi@zugdidi.example",
    name: "გიორგი ჯანაშია",
    locale: "ka",
    memberships: [{ org: "zugdidi", role: "MEMBER" }],
  },
  {
    email: "olga@blagoveshchensk.example",
    name: "Ольга Смирнова",
    locale: "ru",
    memberships: [{ org: "blagoveshchensk", role: "ADMIN" }],
  },
  { email: "claire@aimf.example", name: "Claire Dubois", locale: "en", memberships: [{ org: "aimf", role: "MEMBER" }] },
  // Citizens: people who signed up by themselves to take part in public consultations.
  // No organization; they propose in public rounds only.
  { email: "ashot@citizen.example", name: "Աշոտ Մկրտչյան", locale: "hy", memberships: [] },
  { email: "irina@citizen.example", name: "Ирина Волкова", locale: "ru", memberships: [] },
  { email: "tamar@citizen.example", name: "თამარ ბერიძე", locale: "ka", memberships: [] },
];
