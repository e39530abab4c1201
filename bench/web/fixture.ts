import { plainTextOf } from "../../app/editor/document-json";
import { outlineOf } from "../../app/editor/outline";
import { jsonToYUpdate } from "../../app/editor/yjs-document";
import { initializeDocument } from "../../app/models/documents/document-log.server";
import { sha256Hex } from "../../app/models/documents/versions.server";
import { createDb } from "../../app/utils/db.server";
import { foldForSearch } from "../../app/utils/search-text";
import { prepareDatabase } from "../../scripts/prepare-database";
import { lawDocument, STAFF_EMAIL } from "../rounds/fixture";

const DAY = 24 * 60 * 60 * 1000;

export type WebFixture = {
  draftId: string;
  draftTitle: string;
  roundId: string;
  sha256: string;
  /** Entries of the draft's outline (the draft page lists them while the editor loads). */
  outlineEntries: number;
  articles: number;
  /** A member of the draft's ministry who can sign in with the demo password. */
  staffEmail: string;
};

/**
 * The web bench's database, SQLite or PostgreSQL, always written through its own client
 * (never the process-wide `db()`), so one process can prepare both: the demo data as
 * `npm start` loads it, then a law of `articles` articles of Armenian text owned by the
 * demo ministry, its version 1, and an OPEN public round on that version.
 */
export async function prepareWebDatabase(databaseUrl: string, articles: number): Promise<WebFixture> {
  await prepareDatabase(databaseUrl, { seed: true });
  const client = createDb(databaseUrl);
  try {
    // The platform runs with NODE_ENV=production, where demo accounts cannot sign in: in this
    // throwaway database the staff account becomes an ordinary one (as in the rounds bench).
    const staff = await client.user.update({ where: { email: STAFF_EMAIL }, data: { isDemo: false } });
    const ministry = await client.organization.findUniqueOrThrow({ where: { slug: "mta" } });
    const { doc } = lawDocument(articles, 3);
    const titleHy = `Համայնքային ծառայության մասին օրենքում փոփոխություններ (${articles} հոդված)`;
    const draft = await client.draft.create({
      data: {
        kind: "LAW",
        status: "IN_CONSULTATION",
        titleHy,
        ownerOrganizationId: ministry.id,
        createdById: staff.id,
        searchText: foldForSearch(titleHy),
      },
    });
    const update = jsonToYUpdate(doc);
    await client.$transaction((tx) => initializeDocument(draft.id, update, tx));
    const plainText = plainTextOf(doc);
    const version = await client.draftVersion.create({
      data: {
        draftId: draft.id,
        number: 1,
        name: "Հանրային քննարկման տարբերակ",
        state: new Uint8Array(update),
        content: doc as object,
        plainText,
        sha256: sha256Hex(plainText),
        createdById: staff.id,
      },
    });
    const now = Date.now();
    const round = await client.consultationRound.create({
      data: {
        draftId: draft.id,
        versionId: version.id,
        title: "Հանրային քննարկում",
        description: "Առաջարկները ներկայացվում են հոդվածների վերաբերյալ։",
        opensAt: new Date(now - 2 * DAY),
        closesAt: new Date(now + 20 * DAY),
        audience: "PUBLIC",
        status: "OPEN",
        createdById: staff.id,
      },
    });
    return {
      draftId: draft.id,
      draftTitle: titleHy,
      roundId: round.id,
      sha256: version.sha256,
      outlineEntries: outlineOf(doc).length,
      articles,
      staffEmail: STAFF_EMAIL,
    };
  } finally {
    await client.$disconnect();
  }
}
