import { describe, expect, it, vi } from "vitest";
import { summaryToCsv } from "~/exports/summary-csv.server";
import { CSV_BATCH } from "~/exports/summary-csv-chunks.server";
import { csvDownloadsRunning, summaryCsvStream } from "~/exports/summary-csv-stream.server";
import { buildSummaryTable, summaryLabels } from "~/models/rounds/round-summary.server";
import { loader } from "~/routes/rounds.$roundId.summary[.]csv";
import { db } from "~/utils/db.server";
import { serverT } from "~/i18n/server-t.server";
import { createOrganization, createUser } from "../helpers/factories";
import { openRound } from "../helpers/open-round";

const PROPOSALS = 3000;

/** A round with three steps' worth of answered proposals on one article, in submission order. */
async function roundOfThreeSteps() {
  const { round } = await openRound("PUBLIC");
  const author = await createUser();
  await db().proposal.createMany({
    data: Array.from({ length: 3 * CSV_BATCH }, (_, i) => ({
      roundId: round.id,
      number: i + 1,
      articleId: "art-1",
      proposedText: `Առաջարկ ${i + 1}`,
      justification: "",
      authorId: author.id,
      decision: "NOTED",
      answer: "Ընդունվել է ի գիտություն։",
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    })),
  });
  return round;
}

/**
 * The summary CSV of a large round is streamed: the route hands back a stream that yields the
 * header first and then the proposals batch by batch as it is read, never one string of the
 * whole file; what arrives is byte for byte the CSV of the whole table.
 */
describe("the streamed summary CSV", () => {
  it("sends a few thousand proposals in chunks of one batch each, identical to the whole table's CSV", async () => {
    const { round } = await openRound("PUBLIC");
    const author = await createUser();
    // Every kind of row the summary words differently: hidden by the moderator, by a deleted
    // account, on behalf of an organization.
    const formerParticipant = await createUser();
    await db().user.update({ where: { id: formerParticipant.id }, data: { deletedAt: new Date() } });
    const organization = await createOrganization("NGO", "Transparency International Armenia");
    await db().proposal.createMany({
      data: Array.from({ length: PROPOSALS }, (_, i) => ({
        roundId: round.id,
        number: i + 1,
        articleId: i % 3 ? "art-1" : "art-2",
        quote: i % 2 ? null : "«մեջբերում»",
        proposedText: `=Առաջարկ ${i + 1}, "չակերտներով"\nև նոր տողով`,
        justification: "",
        authorId: i % 5 === 0 ? formerParticipant.id : author.id,
        organizationId: i % 4 === 0 ? organization.id : null,
        hiddenAt: i % 7 === 0 ? new Date() : null,
        hiddenReason: i % 7 === 0 ? "spam" : null,
        decision: "NOTED",
        answer: "Ընդունվել է ի գիտություն։",
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
      })),
    });
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "ANSWERED" } });

    const response = (await loader({
      request: new Request(`http://localhost/rounds/${round.id}/summary.csv`, { headers: { "Accept-Language": "hy" } }),
      params: { roundId: round.id },
      context: {} as never,
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    // Header, then one chunk per batch of each article: never the file in one piece.
    expect(chunks.length).toBeGreaterThanOrEqual(1 + Math.ceil(PROPOSALS / CSV_BATCH));
    const records = (chunk: string) => chunk.split('"\r\n').length - 1;
    expect(records(chunks[0]!)).toBe(1);
    expect(Math.max(...chunks.map(records))).toBeLessThanOrEqual(CSV_BATCH);

    const whole = summaryToCsv(await buildSummaryTable(round.id, "hy"), summaryLabels("hy"));
    expect(chunks.join("")).toBe(whole);
    // Not vacuous: the rows the summary words differently are there.
    expect(whole).toContain("Transparency International Armenia");
    expect(whole).toContain(serverT("hy")("citizens.formerParticipant"));
    expect(whole).toContain(serverT("hy")("moderation.reasons.spam"));
  });

  it("lets the event loop turn between batches, so the socket sends each one as it is read", async () => {
    const round = await roundOfThreeSteps();
    await db().consultationRound.update({ where: { id: round.id }, data: { status: "ANSWERED" } });
    const response = (await loader({
      request: new Request(`http://localhost/rounds/${round.id}/summary.csv`),
      params: { roundId: round.id },
      context: {} as never,
    })) as Response;
    const reader = response.body!.getReader();
    // A macrotask (what writes to a socket) must get its turn between two batches: the SQLite
    // driver answers synchronously, and a chain of microtasks alone would starve it.
    let turns = 0;
    const chunks = [];
    for (;;) {
      const before = turns;
      setImmediate(() => turns++);
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push({ bytes: value.length, turned: turns > before });
    }
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.slice(1).every((chunk) => chunk.turned)).toBe(true);
  });

  it("makes at most two files at once, lets a third wait its turn, and ends the work of a client that goes away", async () => {
    const round = await roundOfThreeSteps();
    const whole = summaryToCsv(await buildSummaryTable(round.id, "hy"), summaryLabels("hy"));
    const started = async () => {
      const reader = (await summaryCsvStream(round.id, "hy")).getReader();
      await reader.read(); // the header
      await reader.read(); // the first step: its worker is running
      return reader;
    };
    const first = await started();
    const second = await started();
    expect(csvDownloadsRunning()).toBe(2);

    let third: Promise<ReadableStream<Uint8Array>> | null = summaryCsvStream(round.id, "hy");
    const waited = await Promise.race([
      third.then(() => "started"),
      new Promise((resolve) => setTimeout(() => resolve("waiting"), 300)),
    ]);
    expect(waited).toBe("waiting");

    // The first client goes away: its worker ends and the third download starts, complete.
    await first.cancel();
    const reader = (await third).getReader();
    third = null;
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toBe(whole);
    await second.cancel();
    await vi.waitFor(() => expect(csvDownloadsRunning()).toBe(0));
  });
});
