import { createDraft, shareDraft } from "../../app/models/drafts/drafts.server";
import { createDb } from "../../app/utils/db.server";
import { lawDocument, STAFF_EMAIL } from "../rounds/fixture";
import { prepareWebDatabase } from "../web/fixture";

/** A second member of the ministry: the editor who watches the other one type. */
export const WATCHER_EMAIL = "gor@mta.example";
/** A partner organisation's member given comment-only access: what the protocol floods need. */
export const COMMENTER_EMAIL = "karen@aca.example";

export type AttackFixture = {
  /** The draft being edited: a 100-article law in DRAFTING, owned by the demo ministry. */
  draftId: string;
  /** An OPEN public round (of another 100-article law): the page signed-out visitors read. */
  roundId: string;
  typistEmail: string;
  watcherEmail: string;
  commenterEmail: string;
};

/**
 * The demo data as `npm start` loads it, the web bench's open public round over a law of
 * `articles` articles, and a second law of the same size that the ministry is still
 * writing (editable), shared comment-only with a partner organisation's member.
 * Written into `databaseUrl` (SQLite: one file, read by the platform afterwards).
 */
export async function prepareAttackDatabase(databaseUrl: string, articles: number): Promise<AttackFixture> {
  const web = await prepareWebDatabase(databaseUrl, articles);
  // The model functions use the process-wide client: this process has no other database.
  process.env.DATABASE_URL = databaseUrl;
  const client = createDb(databaseUrl);
  try {
    // The platform runs with NODE_ENV=production, where demo accounts cannot sign in: in this
    // throwaway database they become ordinary ones (as in the web and rounds benches).
    await client.user.updateMany({
      where: { email: { in: [STAFF_EMAIL, WATCHER_EMAIL, COMMENTER_EMAIL] } },
      data: { isDemo: false },
    });
    const staff = await client.user.findUniqueOrThrow({ where: { email: STAFF_EMAIL } });
    const commenter = await client.user.findUniqueOrThrow({ where: { email: COMMENTER_EMAIL } });
    const ministry = await client.organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const { doc } = lawDocument(articles, 4);
    const draft = await createDraft(
      staff.id,
      {
        kind: "LAW",
        titleHy: `Վարչարարության հիմունքների մասին օրենքում փոփոխություններ (${articles} հոդված)`,
        titleRu: null,
        titleKa: null,
        titleEn: null,
        ownerOrganizationId: ministry.id,
      },
      doc,
    );
    await shareDraft(staff.id, draft.id, { userId: commenter.id }, "COMMENT");
    return {
      draftId: draft.id,
      roundId: web.roundId,
      typistEmail: STAFF_EMAIL,
      watcherEmail: WATCHER_EMAIL,
      commenterEmail: COMMENTER_EMAIL,
    };
  } finally {
    await client.$disconnect();
  }
}
