import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createDraftSetup, createUser } from "../helpers/factories";

/*
 * Prisma's runtime is edited on install (scripts/prisma-plan-cache/install.mjs) so that a
 * read which found no rows does not go on to read its included relations: it ran each of them
 * with `IN (NULL)`, four statements for nothing on every draft page without comment threads.
 */
const statements: string[] = [];
const client = createDb(env().DATABASE_URL, { onStatement: (sql) => statements.push(sql) });
afterAll(() => client.$disconnect());

async function statementsOf(read: () => Promise<unknown>) {
  statements.length = 0;
  const answer = await read();
  return { answer, statements: [...statements] };
}

const threadsWithEverything = (draftId: string) =>
  client.commentThread.findMany({
    where: { draftId },
    include: {
      author: { select: { id: true, name: true } },
      organization: true,
      comments: { include: { author: { select: { id: true, name: true } } } },
    },
  });

describe("a read with included relations", () => {
  it("that finds nothing is one statement, and answers an empty list", async () => {
    const { draft } = await createDraftSetup();
    const { answer, statements: run } = await statementsOf(() => threadsWithEverything(draft.id));
    expect(answer).toEqual([]);
    expect(run).toHaveLength(1);
    expect(run[0]).toMatch(/CommentThread/);
  });

  it("that finds rows still reads every relation of them", async () => {
    const { draft } = await createDraftSetup();
    const author = await createUser({ name: "Նարինե" });
    await client.commentThread.create({
      data: {
        draftId: draft.id,
        authorId: author.id,
        articleId: "art-1",
        organizationId: null,
        quote: "Հոդված 1",
        comments: { create: { authorId: author.id, body: "Առաջարկում եմ խմբագրել" } },
      },
    });
    const { answer, statements: run } = await statementsOf(() => threadsWithEverything(draft.id));
    expect(answer).toMatchObject([
      { author: { name: "Նարինե" }, comments: [{ body: "Առաջարկում եմ խմբագրել", author: { name: "Նարինե" } }] },
    ]);
    expect(run.length).toBeGreaterThan(1);
  });
});
