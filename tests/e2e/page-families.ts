import { db } from "~/utils/db.server";

/** The demo world's objects the page paths point at (looked up once the app has seeded it). */
export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

/**
 * One page of each kind the platform serves, for the accessibility and phone-width checks.
 * A new page family is one row here: its path in the demo world and who opens it (null: a
 * signed-out visitor). Pages a visitor reads are checked signed out and signed in.
 */
export type PageFamily = {
  name: string;
  path: (ids: DemoIds) => string | null;
  who: string | null;
  alsoSignedIn?: boolean;
};

const STAFF = "anahit@mta.example";
const ADMIN = "admin@agora.example";
const CITIZEN = "irina@citizen.example";
const SECRETARY = "gor@mta.example";

/** Who opens the visitor pages when they are checked signed in. */
export const SIGNED_IN_VISITOR = STAFF;

export async function demoIds() {
  const openRound = await db().consultationRound.findFirstOrThrow({ where: { status: "OPEN" } });
  const answeredRound = await db().consultationRound.findFirstOrThrow({ where: { status: "ANSWERED" } });
  const draftId = answeredRound.draftId;
  const version = await db().draftVersion.findFirstOrThrow({ where: { draftId }, orderBy: { number: "asc" } });
  const signed = await db().draft.findFirstOrThrow({ where: { status: "SIGNED" } });
  // A draft still being written: pages for its editors only (its text's language).
  const drafting = await db().draft.findFirstOrThrow({
    where: { status: "DRAFTING", ownerOrganization: { slug: "mta" } },
  });
  const org = await db().organization.findFirstOrThrow({ where: { slug: "mta" } });
  const body = await db().collegiumBody.findFirst();
  const review = await db().collegiumReview.findFirst();
  const pastMeeting = await db().collegiumMeeting.findFirst({ where: { minutesStatus: "APPROVED" } });
  const upcomingMeeting = await db().collegiumMeeting.findFirst({ where: { startsAt: { gt: new Date() } } });
  const writtenAttachment = await db().draftText.findFirst({ where: { role: "ATTACHMENT" } });
  // The Yerevan agreement's Russian text (demo data): a draft with parallel texts.
  const languageText = await db().draftText.findFirst({
    where: { role: "LANGUAGE", draft: { ownerOrganization: { slug: "yerevan" } } },
  });
  // Its version 1, frozen with both texts.
  const languageVersion = languageText
    ? await db().draftVersion.findFirst({ where: { draftId: languageText.draftId }, orderBy: { number: "asc" } })
    : null;
  return {
    languageVersion: languageVersion && `/drafts/${languageVersion.draftId}/versions/${languageVersion.id}`,
    openRound: openRound.id,
    answeredRound: answeredRound.id,
    draft: draftId,
    version: version.id,
    signedDraft: signed.id,
    drafting: drafting.id,
    org: org.id,
    body: body?.id ?? null,
    review: review?.id ?? null,
    pastMeeting: pastMeeting?.id ?? null,
    upcomingMeeting: upcomingMeeting?.id ?? null,
    writtenAttachment: writtenAttachment ? `/drafts/${writtenAttachment.draftId}/texts/${writtenAttachment.id}` : null,
    languageText,
  };
}

const visitor = (name: string, path: PageFamily["path"]): PageFamily => ({ name, path, who: null, alsoSignedIn: true });
const staff = (name: string, path: PageFamily["path"]): PageFamily => ({ name, path, who: STAFF });

export const PAGE_FAMILIES: PageFamily[] = [
  visitor("home", () => "/"),
  { name: "login", path: () => "/login", who: null },
  { name: "forgot password", path: () => "/forgot-password", who: null },
  visitor("rounds", () => "/rounds"),
  visitor("open round", (ids) => `/rounds/${ids.openRound}`),
  visitor("round summary", (ids) => `/rounds/${ids.answeredRound}/summary`),
  visitor("register", () => "/register"),
  visitor("register entry", (ids) => `/register/${ids.signedDraft}`),
  visitor("search", () => "/search?q=community"),
  visitor("not found", () => "/no-such-page"),
  visitor("accessibility statement", () => "/accessibility"),
  visitor("participation rules", () => "/participation-rules"),
  visitor("follow consultations", () => "/follow"),
  { name: "sign up", path: () => "/signup", who: null },
  { name: "my proposals (citizen)", path: () => "/my-proposals", who: CITIZEN },
  { name: "profile (citizen)", path: () => "/profile", who: CITIZEN },
  staff("drafts", () => "/drafts"),
  staff("new draft", () => "/drafts/new"),
  staff("draft", (ids) => `/drafts/${ids.draft}`),
  staff("draft rounds", (ids) => `/drafts/${ids.draft}/rounds`),
  staff("new round", (ids) => `/drafts/${ids.draft}/rounds/new`),
  staff("versions", (ids) => `/drafts/${ids.draft}/versions`),
  staff("version", (ids) => `/drafts/${ids.draft}/versions/${ids.version}`),
  staff("compare", (ids) => `/drafts/${ids.draft}/compare`),
  staff("timeline", (ids) => `/drafts/${ids.draft}/timeline`),
  staff("sharing", (ids) => `/drafts/${ids.draft}/sharing`),
  staff("dossier", (ids) => `/drafts/${ids.draft}/attachments`),
  staff("attachment written in the editor", (ids) => ids.writtenAttachment),
  {
    // A draft with a text in another language: the list, and who may decide which texts are authentic.
    name: "texts in other languages",
    path: (ids) => (ids.languageText ? `/drafts/${ids.languageText.draftId}/texts` : null),
    who: "nare@yerevan.example",
  },
  {
    name: "all texts side by side (print view)",
    path: (ids) => (ids.languageText ? `/drafts/${ids.languageText.draftId}/parallel` : null),
    who: "nare@yerevan.example",
  },
  {
    name: "parallel texts side by side",
    path: (ids) => (ids.languageText ? `/drafts/${ids.languageText.draftId}/parallel/${ids.languageText.id}` : null),
    who: "nare@yerevan.example",
  },
  {
    name: "a version frozen with every text",
    path: (ids) => ids.languageVersion,
    who: "nare@yerevan.example",
  },
  {
    name: "a version's texts side by side",
    path: (ids) => ids.languageVersion && `${ids.languageVersion}?text=all`,
    who: "nare@yerevan.example",
  },
  {
    name: "a text in another language",
    path: (ids) => (ids.languageText ? `/drafts/${ids.languageText.draftId}/texts/${ids.languageText.id}` : null),
    who: "nare@yerevan.example",
  },
  staff("text language", (ids) => `/drafts/${ids.drafting}/language`),
  staff("Word file with tracked changes", (ids) => `/drafts/${ids.drafting}/word-import`),
  staff("answers", (ids) => `/rounds/${ids.answeredRound}/answers`),
  staff("reviews", () => "/reviews"),
  staff("review", (ids) => ids.review && `/reviews/${ids.review}`),
  staff("organizations", () => "/orgs"),
  staff("organization", (ids) => `/orgs/${ids.org}`),
  staff("collegium", () => "/collegium"),
  staff("collegium body", (ids) => ids.body && `/collegium/${ids.body}`),
  staff(
    "meeting with approved minutes",
    (ids) => ids.pastMeeting && `/collegium/${ids.body}/meetings/${ids.pastMeeting}`,
  ),
  {
    name: "meeting (secretary)",
    path: (ids) => ids.upcomingMeeting && `/collegium/${ids.body}/meetings/${ids.upcomingMeeting}`,
    who: SECRETARY,
  },
  { name: "new meeting (secretary)", path: (ids) => ids.body && `/collegium/${ids.body}/meetings/new`, who: SECRETARY },
  {
    name: "change meeting (secretary)",
    path: (ids) => ids.upcomingMeeting && `/collegium/${ids.body}/meetings/${ids.upcomingMeeting}/edit`,
    who: SECRETARY,
  },
  staff("notifications", () => "/notifications"),
  staff("notification settings", () => "/notifications/settings"),
  { name: "work queue of a partner", path: () => "/", who: "lilit@ucfo.example" },
  staff("profile", () => "/profile"),
  staff("invitations", () => "/invitations"),
  staff("moderation log", () => "/moderation"),
  { name: "users (admin)", path: () => "/admin/users", who: ADMIN },
  { name: "outbox (admin)", path: () => "/admin/outbox", who: ADMIN },
  { name: "accessibility feedback (admin)", path: () => "/admin/accessibility-feedback", who: ADMIN },
  { name: "participation rules wording (admin)", path: () => "/admin/participation-rules", who: ADMIN },
];
