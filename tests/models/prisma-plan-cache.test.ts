import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization, createUser } from "../helpers/factories";

/** What scripts/prisma-plan-cache/plan-cache.js counts in Prisma's runtime. */
const stats = () => {
  const found = (globalThis as Record<symbol, { hits: number; compiled: number } | undefined>)[
    Symbol.for("agora.prismaPlanCache")
  ];
  return { ...(found ?? { hits: NaN, compiled: NaN }) };
};

describe("Prisma's query plans, reused for the same read", () => {
  it("a read asked again is not compiled again, and still reads the rows as they are now", async () => {
    const user = await createUser({ name: "Անահիտ" });
    const read = () => db().user.findUnique({ where: { id: user.id }, select: { name: true } });
    expect(await read()).toEqual({ name: "Անահիտ" });
    const before = stats();
    await db().user.update({ where: { id: user.id }, data: { name: "Анаит" } });
    // The plan is reused; the answer is not: it is read again from the database.
    expect(await read()).toEqual({ name: "Анаит" });
    expect(stats().hits).toBe(before.hits + 1);
  });

  it("the same read of another row has its own plan and its own answer", async () => {
    const [a, b] = [await createUser({ name: "Armen" }), await createUser({ name: "Nino" })];
    const name = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).name;
    expect([await name(a.id), await name(b.id), await name(a.id)]).toEqual(["Armen", "Nino", "Armen"]);
  });

  it("writes are compiled every time: two identical creates get two generated ids", async () => {
    const before = stats();
    const [first, second] = [await createOrganization("NGO", "Twin"), await createOrganization("NGO", "Twin")];
    expect(first.id).not.toBe(second.id);
    expect(stats().hits).toBe(before.hits);
  });

  it("a read with a date in it is compiled every time (a new query at each call)", async () => {
    const before = stats();
    for (let i = 0; i < 3; i++) await db().session.count({ where: { expiresAt: { gt: new Date() } } });
    expect(stats().hits).toBe(before.hits);
    expect(stats().compiled).toBeGreaterThanOrEqual(before.compiled + 3);
  });
});
