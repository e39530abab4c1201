import { describe, expect, it } from "vitest";
import { groupPendingProposals, whenGrouped } from "~/models/rounds/proposal-groups.server";
import { submitProposal } from "~/models/rounds/proposals.server";
import { db } from "~/utils/db.server";
import { encodeSignature, fingerprint, normalizeText } from "~/utils/near-duplicates.server";
import { campaign, distinctProposal, seededRandom, TEXT_LANGUAGES } from "../helpers/campaign-texts";
import { createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

/**
 * Campaigns: the same text sent many times with small edits is one group, whatever the script;
 * proposals written independently on the same article are never put together.
 */
const VARIANTS_PER_CAMPAIGN = 100;
const DISTINCT_PER_LANGUAGE = 250;

function shuffled<T>(random: () => number, items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe("campaign grouping", () => {
  it("normalizes case, spacing, punctuation and compatibility forms in all four scripts", () => {
    expect(normalizeText("  Համայնքի   ղեկավարը՝ «բյուջեն»։ ")).toBe(normalizeText("համայնքի ղեկավարը բյուջեն"));
    expect(normalizeText("Глава ОБЩИНЫ,\n публикует — отчёт!")).toBe("глава общины публикует отчёт");
    // Georgian Mtavruli capitals fold to Mkhedruli.
    expect(normalizeText("ᲗᲔᲛᲘᲡ ხელმძღვანელი.")).toBe("თემის ხელმძღვანელი");
    // Full-width Latin letters (NFKC) are ordinary letters.
    expect(normalizeText("Ｂｕｄｇｅｔ report")).toBe("budget report");
    expect(normalizeText("the budget")).not.toBe(normalizeText("the report"));
  });

  it(
    "groups a generated campaign's variants and keeps distinct proposals on the same article apart",
    { timeout: 240_000 },
    async () => {
      const { round } = await openRound("PUBLIC");
      const author = await createUser();
      const random = seededRandom(2026);
      const campaigns = TEXT_LANGUAGES.map((language) => campaign(random, language, VARIANTS_PER_CAMPAIGN));
      const distinct = TEXT_LANGUAGES.flatMap((language) =>
        Array.from({ length: DISTINCT_PER_LANGUAGE }, () => distinctProposal(random, language)),
      );
      const texts = shuffled(random, [
        ...campaigns.flatMap((variants, c) => variants.map((text) => ({ text, campaign: c }))),
        ...distinct.map((text) => ({ text, campaign: -1 })),
      ]);
      // Stored as an import would store them (no group yet), then grouped in submission order
      // by the same code a submission runs.
      await db().proposal.createMany({
        data: texts.map(({ text }, i) => ({
          roundId: round.id,
          number: i + 1,
          articleId: "art-1",
          quote: null,
          proposedText: text,
          justification: "",
          authorId: author.id,
        })),
      });
      expect(await groupPendingProposals(texts.length + 10)).toBe(texts.length);

      const stored = await db().proposal.findMany({
        where: { roundId: round.id },
        select: { number: true, groupId: true },
      });
      const groupOf = new Map(stored.map((p) => [p.number, p.groupId!]));
      const members = new Map<string, number>();
      for (const { groupId } of stored) members.set(groupId!, (members.get(groupId!) ?? 0) + 1);

      let variants = 0;
      let grouped = 0;
      campaigns.forEach((_, c) => {
        const groups = texts.flatMap((entry, i) => (entry.campaign === c ? [groupOf.get(i + 1)!] : []));
        const counts = new Map<string, number>();
        for (const id of groups) counts.set(id, (counts.get(id) ?? 0) + 1);
        variants += groups.length;
        grouped += Math.max(...counts.values());
      });
      expect(grouped / variants).toBeGreaterThanOrEqual(0.99);

      // A distinct proposal is wrongly grouped when anything else shares its group.
      const wrong = texts.filter((entry, i) => entry.campaign === -1 && members.get(groupOf.get(i + 1)!)! > 1);
      expect(wrong.length / distinct.length).toBeLessThanOrEqual(0.001);
    },
  );

  it("groups a batch of distinct proposals, whose band keys are more than a thousand values in one query", async () => {
    const { round } = await openRound("PUBLIC");
    const author = await createUser();
    const random = seededRandom(17);
    const texts = Array.from({ length: 100 }, (_, i) => distinctProposal(random, TEXT_LANGUAGES[i % 4]!));
    await db().proposal.createMany({
      data: texts.map((proposedText, i) => ({
        roundId: round.id,
        number: i + 1,
        articleId: "art-2",
        quote: null,
        proposedText,
        justification: "",
        authorId: author.id,
      })),
    });
    expect(await groupPendingProposals(200)).toBe(100);
    const groups = await db().proposal.groupBy({ by: ["groupId"], where: { roundId: round.id }, _count: true });
    expect(groups.filter((group) => group.groupId !== null)).toHaveLength(100);
  });

  it("groups proposals right after their submission, per article", async () => {
    const { round } = await openRound("PUBLIC");
    const person = await asCurrentUser((await createUser()).id);
    const [first = "", ...copies] = campaign(seededRandom(5), "hy", 4);
    const submit = (articleId: string, proposedText: string) =>
      submitProposal(person, round.id, { articleId, quote: null, proposedText, justification: "", onBehalfOf: "" });
    const original = await submit("art-1", first);
    const variants = await Promise.all(copies.map((text) => submit("art-1", text)));
    const exact = await submit("art-1", first.toUpperCase());
    const elsewhere = await submit("art-2", first);
    const other = await submit("art-1", distinctProposal(seededRandom(6), "hy"));
    await whenGrouped();

    const groupOf = async (proposal: { id: string }) =>
      (await db().proposal.findUniqueOrThrow({ where: { id: proposal.id } })).groupId;
    const group = await groupOf(original);
    expect(group).toBeTruthy();
    for (const copy of [...variants, exact]) expect(await groupOf(copy)).toBe(group);
    expect(await groupOf(elsewhere)).not.toBe(group);
    expect(await groupOf(other)).not.toBe(group);
    expect(await db().proposal.count({ where: { roundId: round.id, groupId: null } })).toBe(0);
  });

  it("keeps grouping when a group's own band row lies beyond the rows read (a key many groups share)", async () => {
    const { round } = await openRound("PUBLIC");
    const person = await asCurrentUser((await createUser()).id);
    const [original = "", variant = ""] = campaign(seededRandom(11), "hy", 2);
    const submit = (proposedText: string) =>
      submitProposal(person, round.id, {
        articleId: "art-1",
        quote: null,
        proposedText,
        justification: "",
        onBehalfOf: "",
      });
    const first = await submit(original);
    await whenGrouped();
    const { groupId } = await db().proposal.findUniqueOrThrow({ where: { id: first.id } });
    // The last key the two texts share, taken by 250 other groups whose rows are read first
    // (ids that sort before the group's): the capped read of the variant's candidates sees the
    // group by its other keys, but not its row for this one.
    const variantKeys = new Set(fingerprint(variant).bandKeys);
    const shared = fingerprint(original)
      .bandKeys.filter((key) => variantKeys.has(key))
      .sort();
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const crowded = shared.at(-1)!;
    const others = Array.from({ length: 250 }, (_, i) => `a-other-${String(i).padStart(3, "0")}`);
    await db().proposalGroup.createMany({
      data: others.map((id) => ({
        id,
        roundId: round.id,
        articleId: "art-1",
        representativeId: id,
        signature: encodeSignature(new Array<number>(40).fill(0)),
        normalizedText: "ուրիշ",
      })),
    });
    await db().proposalBand.createMany({
      data: others.map((id) => ({ roundId: round.id, articleId: "art-1", key: crowded, groupId: id })),
    });

    const second = await submit(variant);
    await whenGrouped();
    expect((await db().proposal.findUniqueOrThrow({ where: { id: second.id } })).groupId).toBe(groupId);
    expect(await db().proposal.count({ where: { roundId: round.id, groupId: null } })).toBe(0);
  });
});
