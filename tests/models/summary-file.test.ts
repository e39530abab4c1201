import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { publishSummary, submitProposal } from "~/models/rounds/proposals.server";
import {
  buildDueSummaryFiles,
  buildSummaryFile,
  storedSummaryFile,
  whenSummaryFilesBuilt,
} from "~/models/rounds/summary-file.server";
import { loader } from "~/routes/rounds.$roundId.summary[.]docx";
import { db } from "~/utils/db.server";
import { createUser } from "../helpers/factories";
import { asCurrentUser, openRound } from "../helpers/open-round";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function download(roundId: string) {
  const response = (await loader({
    request: new Request(`http://localhost/rounds/${roundId}/summary.docx`, { headers: { "Accept-Language": "ru" } }),
    params: { roundId },
    context: {} as never,
  })) as Response;
  return { etag: response.headers.get("ETag"), bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** A closed round with three answered proposals. */
async function answeredRound() {
  const { round, staff } = await openRound("PUBLIC");
  for (let i = 0; i < 3; i++) {
    await submitProposal(await asCurrentUser((await createUser()).id), round.id, {
      articleId: "art-1",
      quote: null,
      proposedText: `Առաջարկ ${i + 1}`,
      justification: "Հիմնավորում",
      onBehalfOf: "",
    });
  }
  await db().consultationRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
  await db().proposal.updateMany({ where: { roundId: round.id }, data: { decision: "NOTED", answer: "Ի գիտություն" } });
  return { round, chief: await asCurrentUser(staff.id) };
}

describe("the summary DOCX stored at publication", () => {
  it("is built once after publishing, kept by its SHA-256, and the download serves those bytes", async () => {
    const { round, chief } = await answeredRound();
    await publishSummary(chief, round.id);
    await whenSummaryFilesBuilt();

    const file = await db().roundSummaryFile.findUniqueOrThrow({ where: { roundId: round.id } });
    expect(file).toMatchObject({ state: "READY", locale: "hy", proposals: 3 });
    const stored = await db().attachmentFile.findUniqueOrThrow({ where: { sha256: file.sha256! } });
    expect(sha256(stored.data)).toBe(file.sha256);
    expect(stored.size).toBe(file.size);

    // Neither the timer nor a second call builds it again.
    expect(await buildDueSummaryFiles()).toBe(0);
    expect(await buildSummaryFile(round.id)).toBe(false);
    expect((await db().roundSummaryFile.findUniqueOrThrow({ where: { roundId: round.id } })).builtAt).toEqual(
      file.builtAt,
    );

    // A Russian reader gets the stored (Armenian) file, byte for byte, with its hash as ETag.
    const { etag, bytes } = await download(round.id);
    expect(sha256(bytes)).toBe(file.sha256);
    expect(etag).toBe(`"${file.sha256}"`);
    expect((await storedSummaryFile(round.id))?.data.equals(Buffer.from(stored.data))).toBe(true);
  });

  it("is claimed by one process at a time, and taken over when the builder's lease runs out", async () => {
    const { round } = await answeredRound();
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "ANSWERED" } });
    await db().roundSummaryFile.create({ data: { roundId: round.id, locale: "ru", proposals: 3 } });
    // Until it is stored, the download is built on demand (no ETag).
    expect((await download(round.id)).etag).toBeNull();

    const both = await Promise.all([buildSummaryFile(round.id), buildSummaryFile(round.id)]);
    expect(both.filter(Boolean)).toHaveLength(1);

    // A builder that died: state BUILDING, lease run out. The timer builds it again.
    await db().roundSummaryFile.update({
      where: { roundId: round.id },
      data: { state: "BUILDING", leaseUntil: new Date(Date.now() - 1000) },
    });
    expect(await buildDueSummaryFiles()).toBe(1);
    expect((await db().roundSummaryFile.findUniqueOrThrow({ where: { roundId: round.id } })).state).toBe("READY");
  });
});
