import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { getCurrentUser } from "~/auth/current-user.server";
import { createSession, invalidateSession, SESSION_COOKIE } from "~/auth/session.server";
import { hashToken } from "~/auth/tokens.server";
import { db } from "~/utils/db.server";
import { databaseWork } from "../helpers/database-work";
import { addMember, createOrganization, createUser } from "../helpers/factories";

/** A page's request as each of its loaders receives it: Remix gives every loader its own copy. */
const copyOfPageRequest = (token: string) =>
  new Request("http://localhost/drafts/x", { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe("the signed-in user of a page", () => {
  it("is looked up once for all the loaders of a page, not once per loader", async () => {
    const user = await createUser();
    await addMember(user.id, (await createOrganization("MINISTRY")).id);
    const { token } = await createSession(db(), user.id);
    let seen: (string | undefined)[] = [];
    const work = await databaseWork(async () => {
      // The root loader and the route's loader start in the same turn, each with its copy.
      const found = await Promise.all([
        getCurrentUser(copyOfPageRequest(token)),
        getCurrentUser(copyOfPageRequest(token)),
      ]);
      seen = found.map((u) => u?.id);
    });
    expect(seen).toEqual([user.id, user.id]);
    // One statement reads the session, the person and the memberships (session-row.server.ts).
    expect(work).toEqual(["sql.$queryRaw"]);
  });

  it("sees a sign-out at the very next request, and never shares one person's answer with another", async () => {
    const [anna, boris] = [await createUser(), await createUser()];
    const annaSession = await createSession(db(), anna.id);
    const borisSession = await createSession(db(), boris.id);
    const both = await Promise.all([
      getCurrentUser(copyOfPageRequest(annaSession.token)),
      getCurrentUser(copyOfPageRequest(borisSession.token)),
    ]);
    expect(both.map((u) => u?.id)).toEqual([anna.id, boris.id]);

    await invalidateSession(db(), hashToken(annaSession.token));
    await nextTurn();
    expect(await getCurrentUser(copyOfPageRequest(annaSession.token))).toBeNull();
    expect((await getCurrentUser(copyOfPageRequest(borisSession.token)))?.id).toBe(boris.id);
  });
});
